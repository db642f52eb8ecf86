import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { SchoolContact } from "../../domain/school-contact";

/** Small parts the round's views share (manage view, summary, follow-up form). */

/** Tenths of an fte as Dutch text ("2,5"), or a dash without data. */
export function fte(tenths: number | null): string {
  return tenths === null ? "–" : (tenths / 10).toFixed(1).replace(".", ",");
}

/**
 * A table that may scroll sideways on a phone. With a `label` it is a named
 * region reachable by keyboard (WCAG 2.1.1), for tables with nothing focusable
 * inside; without one, the inputs inside already take the focus.
 */
export function ScrollTable({ label, children }: { label?: string; children: ReactNode }) {
  if (!label) return <div className="table-scroll">{children}</div>;
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}

/** The name and deadline of a new round or a follow-up round. */
export function RoundFields({ idPrefix, defaultName }: { idPrefix: string; defaultName?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-name`}>{t("matching.manage.name")}</label>
        <input id={`${idPrefix}-name`} name="name" required maxLength={200} defaultValue={defaultName} />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-deadline`}>{t("matching.manage.deadline")}</label>
        <input id={`${idPrefix}-deadline`} name="deadline" type="date" required />
      </div>
    </>
  );
}

/** A school's contact in the round (issue 20): its schoolopleider(s), else its schoolleider; mail links. */
export function SchoolContacts({ contacts }: { contacts: readonly SchoolContact[] | undefined }) {
  const { t } = useTranslation();
  if (!contacts?.length) return <span className="muted">{t("teacherResearch.contact.none")}</span>;
  return (
    <>
      {contacts.map((c, i) => (
        <span key={c.email}>
          {i > 0 ? ", " : null}
          {c.name} <span className="muted">({t(`teacherResearch.contact.roles.${c.role}`)})</span>{" "}
          <a href={`mailto:${c.email}`}>{c.email}</a>
        </span>
      ))}
    </>
  );
}
