import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PublicShowcase } from "../components/PublicShowcase";
import { FilterSelect, ResultList, ResultSearchForm } from "../components/results/result-search";
import { RESULT_TYPES } from "../domain/result-types";
import { SECTOR_VALUES } from "../domain/sectors";
import { listThemes } from "../models/question.server";
import { publicResultYears } from "../models/public-result.server";
import { publishableProjects } from "../models/result-publish.server";
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
      canPublish: false,
      themes: listThemes().map((th) => ({ id: th.id, name: locale === "en" ? th.nameEn : th.nameNl })),
      publicView: { title: t("showcase.title"), description: t("showcase.metaDescription"), years: publicResultYears() },
    };
  }
  const user = await requirePermission(request, "dashboard:view");
  const actor = toActor(user);
  const items = searchResults(actor, {
    ...filters,
    year: undefined,
    regionId: (params.get("regio") ?? "").slice(0, 100) || undefined,
  });
  return {
    items,
    regions: listRegions(),
    themes: listThemes().map((th) => ({ id: th.id, name: user.locale === "en" ? th.nameEn : th.nameNl })),
    // Only people with a project they may publish from see the button (a dead end for everyone else).
    canPublish: publishableProjects(actor).length > 0,
    publicView: null,
  };
}

export default function ResultsPage() {
  const { items, themes, regions, publicView, canPublish } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (publicView) return <PublicShowcase items={items} themes={themes} years={publicView.years} />;
  return (
    <div className="stack-lg">
      <header className="page-header">
        <div>
          <h1>{t("results.title")}</h1>
          <p className="lead">{t("results.intro")}</p>
        </div>
        {canPublish ? (
          <Link to="/opbrengsten/nieuw" className="button">
            {t("results.publish.new")}
          </Link>
        ) : null}
      </header>
      <ResultSearchForm themes={themes}>
        <FilterSelect id="results-region" name="regio" label={t("results.filterRegion")} options={regions.map((r) => ({ value: r.id, label: r.name }))} />
      </ResultSearchForm>
      <ResultList
        items={items}
        noneYet={t(canPublish ? "results.noneYetPublisher" : "results.noneYet")}
        meta={(r) => (
          <>
            <span>{t(`results.visibility.${r.visibility}`)}</span>
            {r.themeNames.length ? <span>{r.themeNames.join(", ")}</span> : null}
            <span>
              {r.actions.open + r.actions.done > 0
                ? t("results.actionsDone", { done: r.actions.done, total: r.actions.open + r.actions.done })
                : t("results.noActions")}
            </span>
          </>
        )}
      />
    </div>
  );
}
