import { Form, Link, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RESULT_TYPES } from "../domain/result-types";
import { SECTOR_VALUES } from "../domain/sectors";

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
  const [params] = useSearchParams();
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
      <Form method="get" className="card search-form" role="search" aria-label={t("results.searchLabel")}>
        <div className="search-row">
          <div className="field field--grow">
            <label htmlFor="results-q">{t("results.searchLabel")}</label>
            <input id="results-q" name="q" type="search" maxLength={200} defaultValue={params.get("q") ?? ""} placeholder={t("results.searchPlaceholder")} />
          </div>
          <button type="submit" className="button">
            {t("results.search")}
          </button>
        </div>
        <div className="filters">
          <div className="field">
            <label htmlFor="results-theme">{t("results.filterTheme")}</label>
            <select id="results-theme" name="thema" defaultValue={params.get("thema") ?? ""}>
              <option value="">{t("results.all")}</option>
              {themes.map((th) => (
                <option key={th.id} value={th.id}>
                  {th.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="results-sector">{t("results.filterSector")}</label>
            <select id="results-sector" name="sector" defaultValue={params.get("sector") ?? ""}>
              <option value="">{t("results.all")}</option>
              {SECTOR_VALUES.map((s) => (
                <option key={s} value={s}>
                  {t(`sectors.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="results-type">{t("results.filterType")}</label>
            <select id="results-type" name="soort" defaultValue={params.get("soort") ?? ""}>
              <option value="">{t("results.all")}</option>
              {RESULT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`results.types.${type}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="results-year">{t("showcase.filterYear")}</label>
            <select id="results-year" name="jaar" defaultValue={params.get("jaar") ?? ""}>
              <option value="">{t("results.all")}</option>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          <div className="filters__actions">
            <button type="submit" className="button button--secondary">
              {t("results.apply")}
            </button>
            <Link to="/opbrengsten">{t("results.reset")}</Link>
          </div>
        </div>
      </Form>
      <section aria-labelledby="results-count">
        <h2 id="results-count" aria-live="polite">
          {t("results.count", { count: items.length })}
        </h2>
        {items.length === 0 ? (
          <p className="empty">{t("results.empty")}</p>
        ) : (
          <ul className="result-list">
            {items.map((r) => (
              <li key={r.id} className="result">
                <h3>
                  <Link to={`/opbrengsten/${r.id}`}>{r.title}</Link>
                </h3>
                <p className="result__meta">
                  <span className="status status--open">{t(`results.types.${r.type}`)}</span>
                  <span>{r.schoolName}</span>
                  <span>{r.publishedAt.slice(0, 4)}</span>
                  {r.themeNames.length ? <span>{r.themeNames.join(", ")}</span> : null}
                </p>
                <p>{r.summary}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="muted">
        {t("showcase.harvest")} <a href="/oai?verb=Identify">/oai</a>
      </p>
    </div>
  );
}
