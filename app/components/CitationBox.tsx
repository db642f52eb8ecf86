import { useState } from "react";
import { useTranslation } from "react-i18next";

/** The APA reference of a public result, readable and selectable, with a copy button once scripts run. */
export function CitationBox({ citation }: { citation: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<"" | "copied" | "failed">("");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(citation);
      setStatus("copied");
    } catch {
      setStatus("failed");
    }
  };
  return (
    <section aria-labelledby="citation-title" className="card stack">
      <h2 id="citation-title">{t("showcase.citation.title")}</h2>
      <label htmlFor="citation-text">{t("showcase.citation.label")}</label>
      <textarea id="citation-text" readOnly rows={3} value={citation} onFocus={(e) => e.currentTarget.select()} />
      <div>
        <button type="button" className="button button--small button--secondary" onClick={() => void copy()}>
          {t("showcase.citation.copy")}
        </button>
      </div>
      <p role="status" className="muted">
        {status === "copied" ? t("showcase.citation.copied") : status === "failed" ? t("showcase.citation.copyFailed") : ""}
      </p>
    </section>
  );
}
