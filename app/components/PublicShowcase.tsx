import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FilterSelect, ResultList, ResultSearchForm } from "./results/result-search";

type ShowcaseItem = {
  id: string;
  title: string;
  type: string;
  summary: string;
  schoolName: string;
  themeNames: string[];
  publishedAt: string;
};

/**
 * The public showcase at /opbrengsten for visitors without an account:
 * public results only (the loader decides), searchable and filterable by
 * theme, sector, type and year. No visibility labels or implementation
 * actions: those are the school's business.
 */
export function PublicShowcase({ items, themes, years }: { items: ShowcaseItem[]; themes: { id: string; name: string }[]; years: string[] }) {
  const { t } = useTranslation();
  return (
    <div className="stack-lg">
      <header className="page-header">
        <div>
          <h1>{t("showcase.title")}</h1>
          <p className="lead">{t("showcase.intro")}</p>
        </div>
      </header>
      <p className="hint-box">
        {t("showcase.login")} <Link to="/login?redirectTo=%2Fopbrengsten">{t("showcase.loginLink")}</Link>
      </p>
      <ResultSearchForm themes={themes}>
        <FilterSelect id="results-year" name="jaar" label={t("showcase.filterYear")} options={years.map((y) => ({ value: y, label: y }))} />
      </ResultSearchForm>
      <ResultList
        items={items}
        noneYet={t("showcase.noneYet")}
        meta={(r) => (
          <>
            <span>{r.publishedAt.slice(0, 4)}</span>
            {r.themeNames.length ? <span>{r.themeNames.join(", ")}</span> : null}
          </>
        )}
      />
      <p className="muted">
        {t("showcase.harvest")} <a href="/oai?verb=Identify">/oai</a>
      </p>
    </div>
  );
}
