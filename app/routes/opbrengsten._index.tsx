import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PublicShowcase } from "../components/PublicShowcase";
import { RESULT_TYPES } from "../domain/result-types";
import { SECTOR_VALUES } from "../domain/sectors";
import { listThemes } from "../models/question.server";
import { publicResultYears } from "../models/public-result.server";
import { listRegions, searchResults } from "../models/result.server";
import { toActor } from "../models/user.server";
import { getCurrentUser } from "../utils/auth.server";
import { requirePermission } from "../utils/guard.server";
import { getLocale, tFor } from "../utils/i18n.server";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) =>
  loaderData?.publicView
    ? [
        { title: `${loaderData.publicView.title} — Samen Onderzoeken` },
        { name: "description", content: loaderData.publicView.description },
      ]
    : [{ title: "Opbrengsten — Samen Onderzoeken" }];

function readFilters(params: URLSearchParams) {
  const type = params.get("soort") ?? "";
  const sector = params.get("sector") ?? "";
  const year = params.get("jaar") ?? "";
  return {
    q: (params.get("q") ?? "").slice(0, 200),
    type: (RESULT_TYPES as readonly string[]).includes(type) ? type : undefined,
    sector: (SECTOR_VALUES as readonly string[]).includes(sector) ? sector : undefined,
    themeId: (params.get("thema") ?? "").slice(0, 100) || undefined,
    year: /^\d{4}$/.test(year) ? year : undefined,
  };
}

/**
 * Signed in: the results the permission module lets this person see.
 * Anonymous (contract 6.17): the public showcase, public results only,
 * decided in SQL and again per row by the permission module.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const filters = readFilters(params);
  const anonymous = !(await getCurrentUser(request));
  if (anonymous) {
    const locale = await getLocale(request);
    const t = tFor(locale);
    const items = searchResults(null, { ...filters, publicOnly: true });
    return {
      items,
      regions: [],
      themes: listThemes().map((th) => ({ id: th.id, name: locale === "en" ? th.nameEn : th.nameNl })),
      publicView: { title: t("showcase.title"), description: t("showcase.metaDescription"), years: publicResultYears() },
    };
  }
  const user = await requirePermission(request, "dashboard:view");
  const items = searchResults(toActor(user), {
    ...filters,
    year: undefined,
    regionId: (params.get("regio") ?? "").slice(0, 100) || undefined,
  });
  return {
    items,
    regions: listRegions(),
    themes: listThemes().map((th) => ({ id: th.id, name: user.locale === "en" ? th.nameEn : th.nameNl })),
    publicView: null,
  };
}

export default function ResultsPage() {
  const { items, themes, regions, publicView } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  if (publicView) return <PublicShowcase items={items} themes={themes} years={publicView.years} />;
  return (
    <div className="stack-lg">
      <header className="page-header">
        <div>
          <h1>{t("results.title")}</h1>
          <p className="lead">{t("results.intro")}</p>
        </div>
        <Link to="/opbrengsten/nieuw" className="button">
          {t("results.publish.new")}
        </Link>
      </header>
      <Form method="get" className="card search-form" role="search" aria-label={t("results.searchLabel")}>
        <div className="search-row">
          <div className="field field--grow">
            <label htmlFor="results-q">{t("results.searchLabel")}</label>
            <input id="results-q" name="q" type="search" defaultValue={params.get("q") ?? ""} placeholder={t("results.searchPlaceholder")} />
          </div>
          <button type="submit" className="button">
            {t("results.search")}
          </button>
        </div>
        <div className="filters">
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
            <label htmlFor="results-region">{t("results.filterRegion")}</label>
            <select id="results-region" name="regio" defaultValue={params.get("regio") ?? ""}>
              <option value="">{t("results.all")}</option>
              {regions.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
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
                  <span>{t(`results.visibility.${r.visibility}`)}</span>
                  {r.themeNames.length ? <span>{r.themeNames.join(", ")}</span> : null}
                  <span>
                    {r.actions.open + r.actions.done > 0
                      ? t("results.actionsDone", { done: r.actions.done, total: r.actions.open + r.actions.done })
                      : t("results.noActions")}
                  </span>
                </p>
                <p>{r.summary}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
