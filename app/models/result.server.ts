import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { integer, sqliteTable } from "drizzle-orm/sqlite-core";
import { getDb } from "../../db/client";
import {
  actions,
  expertGroupResults,
  expertGroups,
  regions,
  resultFiles,
  results,
  schools,
  themes,
  users,
} from "../../db/schema";
import { can, canViewResult, type Actor } from "../domain/permissions";
import { amsterdamToday } from "../domain/action-owners";
import { parseList } from "../domain/json-list";
import { anyWordQuery, trigramQuery, wordQuery } from "../domain/dutch-stem";
import { distinctiveTerms, sharedTermCount } from "../domain/search-query";
import { resultScopes, scopeForResult } from "./scopes.server";
import { syncSearchIndex } from "./search-index.server";

export type ResultRow = typeof results.$inferSelect;

/** The search indexes of results (migration 0013), query-only; see question.server.ts. */
const resultsWords = sqliteTable("results_words", { rowid: integer("rowid") });
const resultsTrigram = sqliteTable("results_trigram", { rowid: integer("rowid") });

export type ResultFilters = {
  q?: string;
  regionId?: string;
  /** Match any of these words (prefix), instead of all words of `q`. */
  anyOf?: string[];
  themeId?: string;
  sector?: string;
  type?: string;
  /** Publication year ("2025"). */
  year?: string;
  /** Only `public` results, decided in SQL too (the showcase for anonymous visitors). */
  publicOnly?: boolean;
  limit?: number;
};

export type ResultListItem = {
  id: string;
  title: string;
  type: ResultRow["type"];
  visibility: ResultRow["visibility"];
  summary: string;
  schoolId: string;
  schoolName: string;
  sector: string;
  themeIds: string[];
  themeNames: string[];
  publishedAt: string;
  actions: { open: number; done: number };
};

/**
 * Results the caller may see (anonymous: public only), newest first or by
 * full-text rank. Every row passes the permission module.
 */
export function searchResults(actor: Actor | null, filters: ResultFilters): ResultListItem[] {
  const db = getDb();
  const conditions = [];
  if (filters.sector) conditions.push(sql`${schools.sector} = ${filters.sector}`);
  if (filters.regionId) conditions.push(eq(schools.regionId, filters.regionId));
  if (filters.type) conditions.push(sql`${results.type} = ${filters.type}`);
  if (filters.themeId) conditions.push(sql`exists (select 1 from json_each(${results.themeIds}) where value = ${filters.themeId})`);
  if (filters.year) conditions.push(sql`substr(${results.publishedAt}, 1, 4) = ${filters.year}`);
  if (filters.publicOnly || !actor) conditions.push(eq(results.visibility, "public"));
  syncSearchIndex();
  // Word matches (Dutch stems) first by bm25, then trigram-only matches (parts of words).
  const words = filters.anyOf?.length ? anyWordQuery(filters.anyOf) : filters.q ? wordQuery(filters.q) : null;
  const trigrams = !filters.anyOf?.length && filters.q ? trigramQuery(filters.q) : null;
  const where = conditions.length ? and(...conditions) : undefined;
  const base = () =>
    db
      .select({ result: results, schoolName: schools.name, sector: schools.sector })
      .from(results)
      .innerJoin(schools, eq(schools.id, results.schoolId))
      .$dynamic();
  const CANDIDATES = 500;
  let rows: { result: ResultRow; schoolName: string; sector: string }[];
  if (words || trigrams) {
    rows = [];
    if (words) {
      const fts = db
        .select({ rowid: resultsWords.rowid, rank: sql<number>`bm25(results_words, 10.0, 2.0, 3.0)`.as("rank") })
        .from(resultsWords)
        .where(sql`results_words match ${words}`)
        .as("fts");
      rows = base().innerJoin(fts, eq(fts.rowid, sql`${results}.rowid`)).where(where).orderBy(asc(fts.rank), desc(fts.rowid)).limit(CANDIDATES).all();
    }
    if (trigrams && rows.length < CANDIDATES) {
      const tri = db
        .select({ rowid: resultsTrigram.rowid, rank: sql<number>`bm25(results_trigram, 10.0, 2.0, 3.0)`.as("rank") })
        .from(resultsTrigram)
        .where(
          words
            ? sql`results_trigram match ${trigrams} and ${resultsTrigram.rowid} not in (select rowid from results_words where results_words match ${words})`
            : sql`results_trigram match ${trigrams}`,
        )
        .as("tri");
      rows = [
        ...rows,
        ...base().innerJoin(tri, eq(tri.rowid, sql`${results}.rowid`)).where(where).orderBy(asc(tri.rank), desc(tri.rowid)).limit(CANDIDATES - rows.length).all(),
      ];
    }
  } else {
    rows = base().where(where).orderBy(desc(results.publishedAt)).limit(CANDIDATES).all();
  }
  const scopes = resultScopes(rows.map((r) => r.result));
  const visible = rows.filter((r) => canViewResult(actor, scopes.get(r.result.id)!)).slice(0, filters.limit ?? 100);
  const counts = actionCounts(visible.map((r) => r.result.id));
  const themeNames = themeNameMap();
  return visible.map(({ result, schoolName, sector }) => {
    const themeIds = parseList(result.themeIds);
    return {
      id: result.id,
      title: result.title,
      type: result.type,
      visibility: result.visibility,
      summary: result.summary,
      schoolId: result.schoolId,
      schoolName,
      sector,
      themeIds,
      themeNames: themeIds.map((id) => themeNames.get(id) ?? id),
      publishedAt: result.publishedAt,
      actions: counts.get(result.id) ?? { open: 0, done: 0 },
    };
  });
}

function themeNameMap(): Map<string, string> {
  return new Map(getDb().select({ id: themes.id, name: themes.nameNl }).from(themes).all().map((t) => [t.id, t.name]));
}

/** Done = gedaan; open = gepland or bezig. Let-go actions (losgelaten) count as neither. */
function actionCounts(resultIds: string[]): Map<string, { open: number; done: number }> {
  if (resultIds.length === 0) return new Map();
  const rows = getDb()
    .select({ resultId: actions.resultId, status: actions.status, n: sql<number>`count(*)` })
    .from(actions)
    .where(inArray(actions.resultId, resultIds))
    .groupBy(actions.resultId, actions.status)
    .all();
  const map = new Map<string, { open: number; done: number }>();
  for (const row of rows) {
    const entry = map.get(row.resultId) ?? { open: 0, done: 0 };
    if (row.status === "gedaan") entry.done += row.n;
    else if (row.status === "gepland" || row.status === "bezig") entry.open += row.n;
    map.set(row.resultId, entry);
  }
  return map;
}

export function findResult(id: string): ResultRow | undefined {
  if (!id || id.length > 100) return undefined;
  return getDb().select().from(results).where(eq(results.id, id)).get();
}

/** One result with its files, actions and groups, or null when the caller may not see it. */
export function getResultForActor(actor: Actor | null, id: string) {
  const db = getDb();
  const result = findResult(id);
  if (!result) return null;
  const scope = scopeForResult(result);
  if (!canViewResult(actor, scope)) return null;
  const school = db.select().from(schools).where(eq(schools.id, result.schoolId)).get()!;
  const themeNames = themeNameMap();
  const today = amsterdamToday(); // a due date lasts until the end of that day in Amsterdam
  const actionRows = db
    .select({ action: actions, ownerName: users.name })
    .from(actions)
    .leftJoin(users, eq(users.id, actions.ownerId))
    .where(eq(actions.resultId, id))
    .orderBy(asc(actions.createdAt))
    .all()
    .map(({ action, ownerName }) => ({
      ...action,
      ownerName,
      overdue: !!action.dueDate && action.dueDate < today && (action.status === "gepland" || action.status === "bezig"),
    }));
  const files = db
    .select({ id: resultFiles.id, fileName: resultFiles.fileName, mimeType: resultFiles.mimeType, size: resultFiles.size })
    .from(resultFiles)
    .where(eq(resultFiles.resultId, id))
    .all();
  const groups = db
    .select({ id: expertGroups.id, name: expertGroups.name })
    .from(expertGroupResults)
    .innerJoin(expertGroups, eq(expertGroups.id, expertGroupResults.groupId))
    .where(eq(expertGroupResults.resultId, id))
    .all();
  return {
    ...result,
    scope,
    schoolName: school.name,
    schoolCity: school.city,
    recommendationList: parseList(result.recommendations),
    themeNames: parseList(result.themeIds).map((t) => themeNames.get(t) ?? t),
    actions: actionRows,
    actionSummary: {
      done: actionRows.filter((a) => a.status === "gedaan").length,
      total: actionRows.filter((a) => a.status !== "losgelaten").length,
    },
    files,
    groups,
  };
}

// Actions are created, assigned and updated in action-owners.server.ts (issue 20: owners among the staff).

/** Overdue open actions of the schools where the actor is a question owner (for the dashboard reminder). */
export function overdueActionsFor(actor: Actor) {
  const schoolIds = actor.memberships.filter((m) => m.schoolId && can(actor, "result:manage-actions", { schoolId: m.schoolId })).map((m) => m.schoolId!);
  if (schoolIds.length === 0) return [];
  const today = amsterdamToday(); // a due date lasts until the end of that day in Amsterdam
  return getDb()
    .select({ id: actions.id, title: actions.title, dueDate: actions.dueDate, resultId: actions.resultId, resultTitle: results.title })
    .from(actions)
    .innerJoin(results, eq(results.id, actions.resultId))
    .where(
      and(
        inArray(actions.schoolId, schoolIds),
        inArray(actions.status, ["gepland", "bezig"]),
        sql`${actions.dueDate} is not null and ${actions.dueDate} < ${today}`,
      ),
    )
    .orderBy(asc(actions.dueDate))
    .all();
}

/**
 * "Eerder onderzoek hierover": results of other schools about the same thing
 * as a question, as far as the actor may see them. Candidates share one of the
 * question's distinctive terms (FTS5, best bm25 first); one shared word is
 * chance ("spel", "ouders") unless the result is on the question's theme, so
 * the others must share two in their title or summary: what the list shows,
 * so the reader can see why it is there. Same theme first.
 */
export function relatedResults(
  actor: Actor,
  question: { text: string; themeId: string | null; schoolId: string },
  limit = 3,
): ResultListItem[] {
  const terms = distinctiveTerms(question.text, 10);
  if (terms.length === 0) return [];
  const onTheme = (r: ResultListItem) => !!question.themeId && r.themeIds.includes(question.themeId);
  return searchResults(actor, { q: "", limit: 200, anyOf: terms })
    .filter((r) => r.schoolId !== question.schoolId)
    .map((r, rank) => ({ r, rank, theme: onTheme(r), shared: sharedTermCount(terms, `${r.title} ${r.summary}`) }))
    .filter((c) => c.theme || c.shared >= 2)
    .sort((a, b) => Number(b.theme) - Number(a.theme) || a.rank - b.rank)
    .slice(0, limit)
    .map((c) => c.r);
}

/** All actions of the schools where the actor speaks for the school, newest due first. */
export function schoolActionsFor(actor: Actor) {
  const schoolIds = actor.memberships.filter((m) => m.schoolId && can(actor, "result:manage-actions", { schoolId: m.schoolId })).map((m) => m.schoolId!);
  if (schoolIds.length === 0) return [];
  const today = amsterdamToday(); // a due date lasts until the end of that day in Amsterdam
  return getDb()
    .select({ id: actions.id, title: actions.title, status: actions.status, dueDate: actions.dueDate, resultId: actions.resultId, resultTitle: results.title })
    .from(actions)
    .innerJoin(results, eq(results.id, actions.resultId))
    .where(inArray(actions.schoolId, schoolIds))
    .orderBy(asc(actions.dueDate))
    .all()
    .map((a) => ({ ...a, overdue: !!a.dueDate && a.dueDate < today && (a.status === "gepland" || a.status === "bezig") }));
}

export function listRegions() {
  return getDb().select({ id: regions.id, name: regions.name }).from(regions).orderBy(asc(regions.name)).all();
}
