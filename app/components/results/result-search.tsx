import { Form, Link, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { RESULT_TYPES } from "../../domain/result-types";
import { SECTOR_VALUES } from "../../domain/sectors";

/** One labelled filter select whose first option is "alle". */
export function FilterSelect({ id, name, label, options }: { id: string; name: string; label: string; options: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={params.get(name) ?? ""}>
        <option value="">{t("results.all")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The search form of /opbrengsten, for members and for the public showcase
 * alike: words, type, theme and sector; each page adds its own filters after
 * those (region for members, year for the public).
 */
export function ResultSearchForm({ themes, children }: { themes: { id: string; name: string }[]; children?: ReactNode }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  return (
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
        <FilterSelect id="results-type" name="soort" label={t("results.filterType")} options={RESULT_TYPES.map((type) => ({ value: type, label: t(`results.types.${type}`) }))} />
        <FilterSelect id="results-theme" name="thema" label={t("results.filterTheme")} options={themes.map((th) => ({ value: th.id, label: th.name }))} />
        <FilterSelect id="results-sector" name="sector" label={t("results.filterSector")} options={SECTOR_VALUES.map((s) => ({ value: s, label: t(`sectors.${s}`) }))} />
        {children}
        <div className="filters__actions">
          <button type="submit" className="button button--secondary">
            {t("results.apply")}
          </button>
          <Link to="/opbrengsten">{t("results.reset")}</Link>
        </div>
      </div>
    </Form>
  );
}

type ListedResult = { id: string; title: string; type: string; schoolName: string; summary: string };

/** The search and filter parameters of the results pages: with none set, an empty list means nothing is shared yet. */
const SEARCH_PARAMS = ["q", "soort", "sector", "thema", "jaar", "regio"];

/**
 * The found results with their count (announced), or the empty state; `meta`
 * adds each page's own facts. Without a search an empty list is not "try
 * another word" but "nothing here yet" (`noneYet`), which says what to do next.
 */
export function ResultList<R extends ListedResult>({ items, meta, noneYet }: { items: R[]; meta: (result: R) => ReactNode; noneYet: string }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const searched = SEARCH_PARAMS.some((name) => (params.get(name) ?? "").trim() !== "");
  return (
    <section aria-labelledby="results-count">
      <h2 id="results-count" aria-live="polite">
        {t("results.count", { count: items.length })}
      </h2>
      {items.length === 0 ? (
        <p className="empty">{searched ? t("results.empty") : noneYet}</p>
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
                {meta(r)}
              </p>
              <p>{r.summary}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
