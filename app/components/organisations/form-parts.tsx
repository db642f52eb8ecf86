import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * The small parts every administration form repeats (issue 19): an alert for
 * the whole form, a pending-aware submit button, labelled selects (single and
 * multiple) with their errors wired up for screen readers, a textarea, and a
 * folded panel that opens itself when its form has errors.
 */

export function FormAlert({ error }: { error?: string }) {
  return error ? (
    <p className="alert alert--error" role="alert">
      {error}
    </p>
  ) : null;
}

export function SubmitButton({ pending, label, pendingLabel, variant }: { pending: boolean; label: string; pendingLabel?: string; variant?: "secondary" | "small" }) {
  const { t } = useTranslation();
  const extra = variant === "secondary" ? " button--secondary" : variant === "small" ? " button--small" : "";
  return (
    <div>
      <button type="submit" className={`button${extra}`} disabled={pending} aria-busy={pending}>
        {pending ? (pendingLabel ?? t("organisations.manage.saving")) : label}
      </button>
    </div>
  );
}

type Option = { value: string; label: string };

type SelectProps = {
  id: string;
  name: string;
  label: string;
  options: Option[];
  /** The empty first option; omit for a multiple select. */
  placeholder?: string;
  error?: string;
  help?: string;
  defaultValue?: string | string[];
  multiple?: boolean;
  required?: boolean;
};

/** A labelled select (or multi-select) with help and error wired up for screen readers. */
export function SelectField({ id, name, label, options, placeholder, error, help, defaultValue, multiple, required = !multiple }: SelectProps) {
  const describedBy = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${error ? " field--invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {help ? (
        <p className="field__help" id={`${id}-help`}>
          {help}
        </p>
      ) : null}
      <select
        id={id}
        name={name}
        required={required}
        multiple={multiple}
        size={multiple ? Math.min(6, Math.max(3, options.length)) : undefined}
        defaultValue={defaultValue ?? (multiple ? [] : "")}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      >
        {placeholder !== undefined && !multiple ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function TextAreaField({ id, name, label, error, defaultValue, rows = 3, maxLength }: { id: string; name: string; label: string; error?: string; defaultValue?: string; rows?: number; maxLength?: number }) {
  return (
    <div className={`field${error ? " field--invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} name={name} rows={rows} maxLength={maxLength} defaultValue={defaultValue} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A folded form: rarely used forms stay out of the way, and open when they answered with errors. */
export function ManagePanel({ title, open, children, inline }: { title: string; open?: boolean; children: ReactNode; inline?: boolean }) {
  return (
    <details className={`manage-form${inline ? " manage-form--inline" : ""}`} open={open || undefined}>
      <summary>{title}</summary>
      {children}
    </details>
  );
}
