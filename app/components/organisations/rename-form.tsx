import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormField } from "../ui/form-field";
import { FormAlert, SubmitButton } from "./form-parts";
import { useReply } from "./reply";

export function ArchivedBadge() {
  const { t } = useTranslation();
  return <span className="badge badge--muted">{t("organisations.manage.archivedBadge")}</span>;
}

/**
 * Renaming and archiving in place, folded away: both happen rarely. `place`
 * (the partnership it is listed under) keeps the field's id unique when an
 * institute serves two partnerships and so appears twice on the page.
 */
export function RenameForm({ value, current, archived, place }: { value: string; current: string; archived: boolean; place?: string }) {
  const { t } = useTranslation();
  const { errors, values, pending } = useReply("rename", value);
  const archive = useReply("archive", value);
  const id = `rename-${place ? `${place}-` : ""}${value.replace(":", "-")}`;
  return (
    <details className="manage-form manage-form--inline" open={Object.keys(errors).length > 0 || undefined}>
      <summary>{t("organisations.manage.rename", { name: current })}</summary>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="rename" />
        <input type="hidden" name="organisation" value={value} />
        <FormAlert error={errors.form ?? errors.organisation} />
        <FormField label={t("organisations.manage.newName")} name="name" id={id} required maxLength={200} defaultValue={values.name ?? current} error={errors.name} />
        <SubmitButton pending={pending} label={t("organisations.manage.renameSubmit")} />
      </Form>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="archive" />
        <input type="hidden" name="organisation" value={value} />
        <input type="hidden" name="archived" value={archived ? "false" : "true"} />
        <p className="field__help">{archived ? t("organisations.manage.restoreHelp") : t("organisations.manage.archiveHelp")}</p>
        <FormAlert error={archive.errors.form ?? archive.errors.organisation} />
        <div>
          <button type="submit" className="button button--secondary button--small" disabled={archive.pending} aria-busy={archive.pending}>
            {archive.pending ? t("organisations.manage.saving") : archived ? t("organisations.manage.restore", { name: current }) : t("organisations.manage.archive", { name: current })}
          </button>
        </div>
      </Form>
    </details>
  );
}
