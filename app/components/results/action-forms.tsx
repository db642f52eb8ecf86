import { Form } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ACTION_STATUSES, type ActionStatus } from "../../domain/result-types";

export type ActionFormError = { error: string; field?: string; form?: string };

type Owner = { id: string; name: string };

const fieldError = (err: ActionFormError | undefined, form: string, field: string) =>
  err && err.form === form && err.field === field ? err.error : null;

/**
 * A new action with its owner chosen among the school's staff and an optional
 * due date (date-only: the end of that day in Amsterdam). A plain form: it
 * works before JavaScript loads; the recommendation links prefill the title.
 */
export function NewActionForm({ owners, title, today, busy, error }: { owners: Owner[]; title: string; today: string; busy: boolean; error?: ActionFormError }) {
  const { t } = useTranslation();
  const err = (field: string) => fieldError(error, "new", field);
  if (owners.length === 0) return <p className="muted">{t("actionOwners.form.noStaff")}</p>;
  return (
    <Form method="post" className="card stack" id="nieuwe-actie" aria-labelledby="new-action-title">
      <h3 id="new-action-title">{t("actionOwners.form.title")}</h3>
      <p className="muted">{t("actionOwners.form.intro")}</p>
      <input type="hidden" name="intent" value="add" />
      <div className="field">
        <label htmlFor="new-action-name">{t("actionOwners.form.name")}</label>
        <input
          id="new-action-name"
          name="title"
          defaultValue={title}
          key={title}
          maxLength={500}
          required
          aria-invalid={err("title") ? true : undefined}
          aria-describedby={err("title") ? "new-action-name-error" : undefined}
        />
        {err("title") ? <p id="new-action-name-error" className="field__error">{err("title")}</p> : null}
      </div>
      <OwnerSelect id="new-action-owner" owners={owners} defaultValue="" error={err("ownerId")} />
      <DueField id="new-action-due" today={today} defaultValue="" error={err("dueDate")} />
      <div>
        <button type="submit" className="button button--small" disabled={busy}>
          {t("actionOwners.form.submit")}
        </button>
      </div>
    </Form>
  );
}

function OwnerSelect({ id, owners, defaultValue, error }: { id: string; owners: Owner[]; defaultValue: string; error: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{t("actionOwners.form.owner")}</label>
      <select id={id} name="ownerId" defaultValue={defaultValue} required aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        <option value="" disabled>
          {t("actionOwners.form.ownerChoose")}
        </option>
        {owners.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      {error ? <p id={`${id}-error`} className="field__error">{error}</p> : null}
    </div>
  );
}

function DueField({ id, today, defaultValue, error }: { id: string; today: string; defaultValue: string; error: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{t("actionOwners.form.due")}</label>
      <input
        id={id}
        type="date"
        name="dueDate"
        // An overdue action keeps its date when only the owner changes; new dates start today.
        min={defaultValue && defaultValue < today ? undefined : today}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help${error ? ` ${id}-error` : ""}`}
      />
      <p id={`${id}-help`} className="field__help">
        {t("actionOwners.form.dueHelp")}
      </p>
      {error ? <p id={`${id}-error`} className="field__error">{error}</p> : null}
    </div>
  );
}

/** The owner's (or the school's) status form; the reason is asked when the status becomes losgelaten. */
export function ActionStatusForm({
  action,
  busy,
  error,
}: {
  action: { id: string; title: string; status: ActionStatus; reason: string };
  busy: boolean;
  error?: ActionFormError;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string>(action.status);
  const formId = `status-${action.id}`;
  const err = (field: string) => fieldError(error, formId, field);
  const needsReason = status === "losgelaten";
  return (
    // The help and error sit under the whole row, so the select, the input and the button line up.
    <Form method="post" className="stack-sm">
      <div className="filters-inline">
        <input type="hidden" name="intent" value="status" />
        <input type="hidden" name="actionId" value={action.id} />
        <div className="field">
          <label htmlFor={`status-${action.id}`}>{t("results.detail.status")}</label>
          <select id={`status-${action.id}`} name="status" value={status} onChange={(e) => setStatus(e.target.value)}>
            {ACTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`results.actionStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--grow">
          <label htmlFor={`reason-${action.id}`}>{t("actionOwners.status.reasonLabel")}</label>
          <input
            id={`reason-${action.id}`}
            name="reason"
            defaultValue={action.reason}
            maxLength={2000}
            required={needsReason}
            aria-invalid={err("reason") ? true : undefined}
            aria-describedby={`reason-${action.id}-help${err("reason") ? ` reason-${action.id}-error` : ""}`}
          />
        </div>
        <button type="submit" className="button button--small" disabled={busy}>
          {t("actionOwners.status.submit")}
          <span className="visually-hidden">: {action.title}</span>
        </button>
      </div>
      <p id={`reason-${action.id}-help`} className="field__help">
        {t("actionOwners.status.reasonHelp")}
      </p>
      {err("reason") ? <p id={`reason-${action.id}-error`} className="field__error">{err("reason")}</p> : null}
    </Form>
  );
}

/** The school's owners give an action to someone else or move its due date. */
export function ReassignForm({
  action,
  owners,
  today,
  busy,
  error,
}: {
  action: { id: string; title: string; ownerId: string | null; dueDate: string | null };
  owners: Owner[];
  today: string;
  busy: boolean;
  error?: ActionFormError;
}) {
  const { t } = useTranslation();
  const formId = `assign-${action.id}`;
  const err = (field: string) => fieldError(error, formId, field);
  return (
    <details open={!!(error && error.form === formId)}>
      <summary>{t("actionOwners.form.reassign")}</summary>
      <Form method="post" className="filters-inline">
        <input type="hidden" name="intent" value="assign" />
        <input type="hidden" name="actionId" value={action.id} />
        <OwnerSelect id={`owner-${action.id}`} owners={owners} defaultValue={action.ownerId ?? ""} error={err("ownerId")} />
        <DueField id={`due-${action.id}`} today={today} defaultValue={action.dueDate ?? ""} error={err("dueDate")} />
        <button type="submit" className="button button--small button--secondary" disabled={busy}>
          {t("actionOwners.form.reassignSubmit")}
          <span className="visually-hidden">: {action.title}</span>
        </button>
      </Form>
    </details>
  );
}
