import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "../components/status-badge";
import { can } from "../domain/permissions";
import { QUESTION_STATUSES, isQuestionStatus } from "../domain/question-lifecycle";
import { SCHOOL_SELECT_MAX, pickSchool } from "../domain/school-picker";
import { SECTOR_VALUES } from "../domain/sectors";
import { countVisibleSchools, searchQuestions, visibleSchools } from "../models/question-search.server";
import { listThemes, schoolsActorCanWriteFor } from "../models/question.server";
import { recentSchoolYears } from "../models/agenda.server";
import { toActor } from "../models/user.server";
import { currentSchoolYear } from "../domain/question-schema";
import { requirePermission } from "../utils/guard.server";

export const meta: MetaFunction = () => [{ title: "Schoolontwikkelvragen — Samen Onderzoeken" }];

const PAGE_SIZE = 20;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "questions:browse");
  const actor = toActor(user);
  const params = new URL(request.url).searchParams;
  // Concepts are a school's own drafts: the filter is offered (and obeyed) only where it can match.
  const statuses = QUESTION_STATUSES.filter(
    (s) =>
      s !== "concept" ||
      actor.memberships.some((m) => !!m.schoolId && can(actor, "question:view", { schoolId: m.schoolId, status: "concept" })),
  );
  const status = params.get("status") ?? "";
  // A select for a partnership's schools; a name field for a region's hundreds.
  const typed = countVisibleSchools(actor) > SCHOOL_SELECT_MAX;
  const schoolQuery = (params.get("schoolnaam") ?? "").slice(0, 200);
  const picking = !!(params.get("school") || schoolQuery.trim());
  // The names are read only for the select, or while a school is being picked.
  const schools = !typed || picking ? visibleSchools(actor) : [];
  const schoolPick = typed ? pickSchool(schools, { schoolId: params.get("school"), query: schoolQuery }) : null;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(params.get("pagina") ?? "1", 10) || 1));
  const filters = {
    q: (params.get("q") ?? "").slice(0, 200),
    status: isQuestionStatus(status) && statuses.includes(status) ? status : undefined,
    themeId: (params.get("thema") ?? "").slice(0, 100) || undefined,
    sector: (SECTOR_VALUES as readonly string[]).includes(params.get("sector") ?? "") ? params.get("sector")! : undefined,
    schoolId: schoolPick ? schoolPick.selected?.id : (params.get("school") ?? "").slice(0, 100) || undefined,
    schoolYear: /^\d{4}-\d{4}$/.test(params.get("jaar") ?? "") ? params.get("jaar")! : undefined,
    page,
    pageSize: PAGE_SIZE,
  };
  const search = searchQuestions(actor, filters);
  const { items, totalCapped, hasNextPage } = search;
  const total = search.total ?? 0; // the page always counts (countTotal is not false)
  const lastPage = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (items.length === 0 && page > lastPage && !totalCapped) {
    // A page past the end (an old link, a shrunk result): show the last one instead (never itself: no loop).
    const last = new URL(request.url);
    last.searchParams.set("pagina", String(lastPage));
    throw redirect(`${last.pathname}${last.search}`);
  }
  return {
    items,
    total,
    totalCapped,
    page,
    // Unknown above the count cap; the next link then follows hasNextPage alone.
    pages: totalCapped ? null : Math.max(1, Math.ceil(total / PAGE_SIZE)),
    hasNextPage,
    themes: listThemes().map((th) => ({ id: th.id, name: user.locale === "en" ? th.nameEn : th.nameNl })),
    schools: typed ? null : schools,
    schoolPicker: schoolPick ? { ...schoolPick, query: schoolQuery } : null,
    canCreate: schoolsActorCanWriteFor(actor).length > 0,
    years: recentSchoolYears(currentSchoolYear()),
    statuses,
  };
}

export default function QuestionsPage() {
  const { items, total, totalCapped, page, pages, hasNextPage, themes, schools, schoolPicker, canCreate, years, statuses } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const searching = navigation.state === "loading" && navigation.location.pathname === "/vragen";
  const pageLink = (p: number) => {
    const next = new URLSearchParams(params);
    next.set("pagina", String(p));
    return `/vragen?${next}`;
  };

  return (
    <div className="stack-lg">
      <header className="page-header">
        <div>
          <h1>{t("questions.title")}</h1>
          <p className="lead">{t("questions.intro")}</p>
        </div>
        {canCreate ? (
          <Link to="/vragen/nieuw" className="button">
            {t("questions.new")}
          </Link>
        ) : null}
      </header>

      <Form method="get" className="card search-form" role="search" aria-label={t("questions.search.label")}>
        <div className="search-row">
          <div className="field field--grow">
            <label htmlFor="q">{t("questions.search.label")}</label>
            <input id="q" name="q" type="search" defaultValue={params.get("q") ?? ""} placeholder={t("questions.search.placeholder")} />
          </div>
          <button type="submit" className="button" aria-busy={searching}>
            {t("questions.search.submit")}
          </button>
        </div>
        <fieldset className="filters">
          <legend>{t("questions.filters.title")}</legend>
          <FilterSelect name="status" label={t("questions.filters.status")} value={params.get("status")}>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {t(`questions.status.${s}`)}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect name="thema" label={t("questions.filters.theme")} value={params.get("thema")}>
            {themes.map((th) => (
              <option key={th.id} value={th.id}>
                {th.name}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect name="sector" label={t("questions.filters.sector")} value={params.get("sector")}>
            {SECTOR_VALUES.map((s) => (
              <option key={s} value={s}>
                {t(`sectors.${s}`)}
              </option>
            ))}
          </FilterSelect>
          {schools ? (
            <FilterSelect name="school" label={t("questions.filters.school")} value={params.get("school")}>
              {schools.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </FilterSelect>
          ) : (
            <div className="field">
              <label htmlFor="filter-schoolnaam">{t("questions.filters.school")}</label>
              <input
                id="filter-schoolnaam"
                name="schoolnaam"
                type="search"
                // key: a chosen suggestion replaces what was typed
                key={schoolPicker?.selected?.id ?? schoolPicker?.query ?? ""}
                defaultValue={schoolPicker?.selected?.name ?? schoolPicker?.query ?? ""}
                aria-describedby="filter-schoolnaam-help"
              />
              <p className="field__help" id="filter-schoolnaam-help">
                {t("questions.filters.schoolTyped")}
              </p>
            </div>
          )}
          <FilterSelect name="jaar" label={t("questions.filters.schoolYear")} value={params.get("jaar")}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </FilterSelect>
          <div className="filters__actions">
            <button type="submit" className="button button--secondary">
              {t("questions.filters.apply")}
            </button>
            <Link to="/vragen">{t("questions.search.reset")}</Link>
          </div>
        </fieldset>
      </Form>
      {schoolPicker ? <SchoolSuggestions picker={schoolPicker} /> : null}

      <section aria-labelledby="results-title" aria-busy={searching}>
        <h2 id="results-title" aria-live="polite">
          {totalCapped ? t("questions.resultsMoreThan", { limit: total }) : t("questions.results", { count: total })}
        </h2>
        {items.length === 0 ? (
          <p className="empty">
            {[...params.values()].some((value) => value.trim() !== "") ? t("questions.empty") : t(canCreate ? "questions.noneYetWriter" : "questions.noneYet")}
          </p>
        ) : (
          <ul className="result-list">
            {items.map((item) => (
              <li key={item.id} className="result">
                <h3>
                  <Link to={`/vragen/${item.id}`}>{item.title}</Link>
                </h3>
                <p className="result__meta">
                  <StatusBadge status={item.status} />
                  <span>{item.schoolName}</span>
                  {item.themeName ? <span>{item.themeName}</span> : null}
                  <span>{t(`sectors.${item.sector}`)}</span>
                  <span>{item.schoolYear}</span>
                </p>
              </li>
            ))}
          </ul>
        )}
        {page > 1 || hasNextPage ? (
          <nav aria-label={t("questions.pagination.label")} className="pagination">
            {page > 1 ? <Link to={pageLink(page - 1)}>{t("questions.pagination.previous")}</Link> : <span />}
            <span>{pages ? t("questions.pagination.page", { page, pages }) : t("questions.pagination.pageOfMany", { page })}</span>
            {hasNextPage ? <Link to={pageLink(page + 1)}>{t("questions.pagination.next")}</Link> : <span />}
          </nav>
        ) : null}
      </section>
    </div>
  );
}

function FilterSelect({
  name,
  label,
  value,
  children,
}: {
  name: string;
  label: string;
  value: string | null;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""}>
        <option value="">{t("questions.filters.all")}</option>
        {children}
      </select>
    </div>
  );
}

/** When a typed school name fits several schools (or none), say so and offer them. */
function SchoolSuggestions({ picker }: { picker: { query: string; suggestions: { id: string; name: string }[]; moreSuggestions: boolean; notFound: boolean } }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  if (picker.notFound) {
    return (
      <p className="notice" role="status">
        {t("questions.filters.schoolNotFound", { query: picker.query })}
      </p>
    );
  }
  if (picker.suggestions.length === 0) return null;
  const linkFor = (id: string) => {
    const next = new URLSearchParams(params);
    next.delete("schoolnaam");
    next.delete("pagina");
    next.set("school", id);
    return `/vragen?${next}`;
  };
  return (
    <nav className="notice" aria-labelledby="school-suggestions">
      <p id="school-suggestions">{t("questions.filters.schoolSeveral", { query: picker.query })}</p>
      <ul className="inline-list">
        {picker.suggestions.map((s) => (
          <li key={s.id}>
            <Link to={linkFor(s.id)}>{s.name}</Link>
          </li>
        ))}
      </ul>
      {picker.moreSuggestions ? <p className="muted">{t("questions.filters.schoolMore")}</p> : null}
    </nav>
  );
}
