import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormField } from "../ui/form-field";
import { FormAlert, ManagePanel, SelectField, SubmitButton } from "./form-parts";
import { useReply, useSuccessKey } from "./reply";

/**
 * The folded forms that grow the organisation tree (issue 19). Each is a list
 * of fields for one shared form: the same panel, alert, field wiring and
 * pending button everywhere, so a form differs from another only in what it asks.
 */

type Option = { value: string; label: string };
type TextSpec = { kind: "text"; name: string; id: string; label: string; help?: string; maxLength: number };
type SelectSpec = { kind: "select"; name: string; id: string; label: string; options: Option[]; preset?: string };
type FieldSpec = TextSpec | SelectSpec;

function TreeForm({ intent, title, submit, help, fields }: { intent: string; title: string; submit: string; help?: string; fields: FieldSpec[] }) {
  const { t } = useTranslation();
  const { errors, values, pending } = useReply(intent);
  const successKey = useSuccessKey(intent);
  return (
    <ManagePanel key={successKey} title={title} open={Object.keys(errors).length > 0}>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value={intent} />
        {help ? <p className="field__help">{help}</p> : null}
        <FormAlert error={errors.form} />
        {fields.map((f) =>
          f.kind === "text" ? (
            <FormField key={f.name} label={f.label} help={f.help} name={f.name} id={f.id} required maxLength={f.maxLength} defaultValue={values[f.name]} error={errors[f.name]} />
          ) : (
            <SelectField
              key={f.name}
              id={f.id}
              name={f.name}
              label={f.label}
              placeholder={t("organisations.manage.choose")}
              options={f.options}
              defaultValue={values[f.name] ?? f.preset}
              error={errors[f.name]}
            />
          ),
        )}
        <SubmitButton pending={pending} label={submit} />
      </Form>
    </ManagePanel>
  );
}

type Named = { id: string; name: string };
const optionsOf = (list: Named[]): Option[] => list.map((x) => ({ value: x.id, label: x.name }));
/** Preselected when there is only one to choose. */
const onlyOne = (list: Named[]) => (list.length === 1 ? list[0]!.id : undefined);

function usePartnershipField(prefix: string, partnerships: Named[], preselect = true): SelectSpec {
  const { t } = useTranslation();
  return { kind: "select", name: "partnershipId", id: `${prefix}-partnership`, label: t("organisations.manage.partnership"), options: optionsOf(partnerships), preset: preselect ? onlyOne(partnerships) : undefined };
}

export function RegionForm() {
  const { t } = useTranslation();
  return (
    <TreeForm
      intent="create-region"
      title={t("organisations.manage.newRegion")}
      submit={t("organisations.manage.createRegion")}
      fields={[{ kind: "text", name: "name", id: "region-name", label: t("organisations.manage.regionName"), maxLength: 200 }]}
    />
  );
}

export function PartnershipForm({ regions }: { regions: Named[] }) {
  const { t } = useTranslation();
  return (
    <TreeForm
      intent="create-partnership"
      title={t("organisations.manage.newPartnership")}
      submit={t("organisations.manage.createPartnership")}
      fields={[
        { kind: "text", name: "name", id: "partnership-name", label: t("organisations.manage.partnershipName"), maxLength: 200 },
        { kind: "select", name: "regionId", id: "partnership-region", label: t("organisations.manage.region"), options: optionsOf(regions), preset: onlyOne(regions) },
      ]}
    />
  );
}

export function SchoolForm({ partnerships }: { partnerships: Named[] }) {
  const { t } = useTranslation();
  const partnership = usePartnershipField("school", partnerships);
  return (
    <TreeForm
      intent="create-school"
      title={t("organisations.manage.newSchool")}
      submit={t("organisations.manage.createSchool")}
      fields={[
        { kind: "text", name: "name", id: "school-name", label: t("organisations.manage.schoolName"), maxLength: 200 },
        { kind: "select", name: "sector", id: "school-sector", label: t("organisations.manage.sector"), options: (["po", "vo", "mbo", "so"] as const).map((s) => ({ value: s, label: t(`sectors.${s}`) })) },
        { kind: "text", name: "board", id: "school-board", label: t("organisations.manage.board"), help: t("organisations.manage.boardHelp"), maxLength: 200 },
        { kind: "text", name: "city", id: "school-city", label: t("organisations.manage.city"), maxLength: 120 },
        partnership,
      ]}
    />
  );
}

export function InstituteForm({ partnerships }: { partnerships: Named[] }) {
  const { t } = useTranslation();
  const partnership = usePartnershipField("institute", partnerships);
  const kinds = (["pabo", "hbo-lerarenopleiding", "universitaire-lerarenopleiding"] as const).map((k) => ({ value: k, label: t(`instituteKinds.${k}`) }));
  return (
    <TreeForm
      intent="create-institute"
      title={t("organisations.manage.newInstitute")}
      submit={t("organisations.manage.createInstitute")}
      fields={[
        { kind: "text", name: "name", id: "institute-name", label: t("organisations.manage.instituteName"), maxLength: 200 },
        { kind: "select", name: "kind", id: "institute-kind", label: t("organisations.manage.kind"), options: kinds },
        { kind: "text", name: "city", id: "institute-city", label: t("organisations.manage.city"), maxLength: 120 },
        partnership,
      ]}
    />
  );
}

export type LinkableOrganisation = { value: string; name: string; kind: "school" | "institute" };

export function LinkForm({ partnerships, organisations }: { partnerships: Named[]; organisations: LinkableOrganisation[] }) {
  const { t } = useTranslation();
  // Linking is a deliberate choice of both sides: nothing is preselected.
  const partnership = usePartnershipField("link", partnerships, false);
  return (
    <TreeForm
      intent="link"
      title={t("organisations.manage.link")}
      submit={t("organisations.manage.linkSubmit")}
      help={t("organisations.manage.linkHelp")}
      fields={[
        {
          kind: "select",
          name: "organisation",
          id: "link-organisation",
          label: t("organisations.manage.organisation"),
          options: organisations.map((o) => ({ value: o.value, label: `${o.name} (${t(`organisations.manage.kinds.${o.kind}`)})` })),
        },
        partnership,
      ]}
    />
  );
}
