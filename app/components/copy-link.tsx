import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

/** A read-only link field with a copy button (the field itself works without JS). */
export function CopyLink({ label, link }: { label: string; link: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy-link">
      <label htmlFor={id}>{label}</label>
      <div className="copy-link__row">
        <input id={id} readOnly value={link} onFocus={(e) => e.currentTarget.select()} data-testid="invitation-link" />
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(link).then(() => setCopied(true));
          }}
        >
          {t("invitations.copy")}
        </button>
      </div>
      <p aria-live="polite" className="muted">
        {copied ? t("invitations.copied") : ""}
      </p>
    </div>
  );
}
