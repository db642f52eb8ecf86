import { and, asc, count, countDistinct, desc, eq, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { integer, sqliteTable } from "drizzle-orm/sqlite-core";
import { getDb } from "../../db/client";
import { partnershipSchools, questions, schools, themes } from "../../db/schema";
import { can, knowActor, type Actor } from "../domain/permissions";
import { type QuestionStatus } from "../domain/question-lifecycle";
import { anyWordQuery, trigramQuery, wordQuery } from "../domain/dutch-stem";
import { distinctiveTerms, sharedTermCount } from "../domain/search-query";
import { partnershipsOfSchools, questionScope, schoolsOfPartnershipsQuery } from "./scopes.server";
import { syncSearchIndex } from "./search-index.server";
import { parseSubQuestions, type QuestionRow } from "./question.server";

/** Which questions an actor sees, and finding them: full-text search with filters and counts, the school filter, near-duplicates. */
/**
 * The search indexes (migration 0013) as query-only table objects. They live
 * here, not in db/schema.ts, so drizzle-kit never tries to create them as tables.
 * questions_words holds Dutch stems (title, body, school name); questions_trigram
 * the raw text in trigrams, for parts of words.
 */
const questionsWords = sqliteTable("questions_words", { rowid: integer("rowid") });
const questionsTrigram = sqliteTable("questions_trigram", { rowid: integer("rowid") });

/**
 * Matching rowids with their bm25 score (lower is better; the title weighs
 * most, then the school's name), as a joinable subquery. With `best`, only
 * that many best-scoring matches, ties broken by the newest rowid: FTS5 then
 * ranks inside the index alone, without touching the questions table (see
 * searchQuestions).
 */
function ftsMatches(match: string, best?: number) {
  const query = getDb()
    .select({ rowid: questionsWords.rowid, score: sql<number>`bm25(questions_words, 10.0, 2.0, 3.0)`.as("score") })
    .from(questionsWords)
    .where(sql`questions_words match ${match}`)
    .$dynamic();
  return (best === undefined ? query : query.orderBy(sql`score`, desc(questionsWords.rowid)).limit(best)).as("fts");
}

/**
 * Trigram matches that the word index does not have: the second tier, ranked
 * after every word match. Inside the tier, matches in the title come first,
 * then the rest, each newest first. Not bm25: scoring every trigram match
 * cost three times as much as finding them (the trigram index holds many
 * short tokens per question), and a part-of-a-word hit is a weak signal to
 * rank finely anyway (docs/decisions/0010-search-ranking.md).
 */
function trigramOnlyMatches(trigrams: string, words: string | null, best?: number) {
  const inTitle = sql`${questionsTrigram.rowid} in (select rowid from questions_trigram where questions_trigram match ${titleOnly(trigrams)})`;
  const query = getDb()
    .select({ rowid: questionsTrigram.rowid, score: sql<number>`case when ${inTitle} then 0 else 1 end`.as("score") })
    .from(questionsTrigram)
    .where(
      words
        ? sql`questions_trigram match ${trigrams} and ${questionsTrigram.rowid} not in (select rowid from questions_words where questions_words match ${words})`
        : sql`questions_trigram match ${trigrams}`,
    )
    .$dynamic();
  return (best === undefined ? query : query.orderBy(sql`score`, desc(questionsTrigram.rowid)).limit(best)).as("tri");
}

/** How many rows the trigram index matches, visible or not. */
function trigramMatchCount(trigrams: string): number {
  return getDb()
    .select({ n: sql<number>`count(*)` })
    .from(questionsTrigram)
    .where(sql`questions_trigram match ${trigrams}`)
    .get()!.n;
}

/** An FTS5 query restricted to the title column (a column filter on the whole expression). */
function titleOnly(match: string): string {
  return `title : (${match})`;
}

/** How many rows the word index matches, visible or not (cheap: no ranking, no table lookups). */
function ftsMatchCount(match: string): number {
  return getDb()
    .select({ n: sql<number>`count(*)` })
    .from(questionsWords)
    .where(sql`questions_words match ${match}`)
    .get()!.n;
}

/** The search condition on questions: a word match or a trigram match. */
function matchCondition(words: string | null, trigrams: string | null): SQL {
  const parts: SQL[] = [];
  if (words) parts.push(sql`${questions}.rowid in (select rowid from questions_words where questions_words match ${words})`);
  if (trigrams) parts.push(sql`${questions}.rowid in (select rowid from questions_trigram where questions_trigram match ${trigrams})`);
  return or(...parts)!;
}

/** What the visibility rule needs from the actor: its facts, computed once. */
function questionReach(actor: Actor) {
  const known = knowActor(actor);
  return { ownSchools: known.schoolIds, partnershipIds: known.partnershipIds, isAdmin: known.isAdmin };
}

/**
 * SQL prefilter with the same rule as can("question:view"): own school's
 * questions in any status; elsewhere in the actor's partnerships (or anywhere
 * for an admin) everything but concepts. Rows are still passed through can()
 * afterwards; this only keeps pagination and counts fast.
 */
export function visibilityFilter(actor: Actor): SQL {
  const { ownSchools, partnershipIds, isAdmin } = questionReach(actor);
  const own = ownSchools.length ? inArray(questions.schoolId, ownSchools) : sql`0`;
  const shared = isAdmin
    ? ne(questions.status, "concept")
    : partnershipIds.length
      ? and(ne(questions.status, "concept"), inArray(questions.schoolId, schoolsOfPartnershipsQuery(partnershipIds)))!
      : sql`0`;
  return or(own, shared)!;
}

/**
 * Roughly the share of all schools whose questions the actor sees (1 for an
 * admin): before a full-text search, an estimate of how many of its matches
 * will survive the visibility rule. Two index counts, no questions read.
 */
function visibleSchoolShare(actor: Actor): number {
  const { ownSchools, partnershipIds, isAdmin } = questionReach(actor);
  if (isAdmin) return 1;
  const inPartnerships = partnershipIds.length
    ? sql`(select count(*) from ${partnershipSchools} where ${inArray(partnershipSchools.partnershipId, [...partnershipIds])})`
    : sql`0`;
  const row = getDb().get<{ all: number; reached: number }>(
    sql`select (select count(*) from ${schools}) as "all", ${inPartnerships} as reached`,
  );
  // Own schools are nearly always in one of the partnerships too; counted twice at worst.
  return row.all ? Math.min(1, (row.reached + ownSchools.length) / row.all) : 0;
}

export type QuestionFilters = {
  q?: string;
  status?: QuestionStatus;
  themeId?: string;
  sector?: string;
  schoolId?: string;
  schoolYear?: string;
  page?: number;
  pageSize?: number;
  /** Count the matches (capped) when a next page exists; false leaves `total` null. */
  countTotal?: boolean;
};

/** The columns of a question in lists (search, similar questions). */
const LIST_COLUMNS = {
  id: questions.id,
  title: questions.title,
  status: questions.status,
  schoolId: questions.schoolId,
  schoolName: schools.name,
  themeId: questions.themeId,
  themeName: themes.nameNl,
  sector: questions.sector,
  schoolYear: questions.schoolYear,
  updatedAt: questions.updatedAt,
};

export type QuestionListItem = {
  id: string;
  title: string;
  status: QuestionStatus;
  schoolId: string;
  schoolName: string;
  themeId: string | null;
  themeName: string | null;
  sector: string;
  schoolYear: string;
  updatedAt: string;
};

/**
 * Counting stops just above this many matches; the list then says "meer dan
 * 500". An exact count needs a table lookup for every visible match (15 ms
 * for the unfiltered list of 20,000 questions, more than finding the page),
 * and, below the cap, the whole trigram tier (every part-of-a-word match,
 * ~4 ms for a common word): nobody reads 25 pages of results. Was 1,000;
 * lowered in record 0031. Whether a next page exists is known exactly at any
 * depth (`hasNextPage`), so paging never depends on the count.
 */
export const COUNT_CAP = 500;

/**
 * Full-text ranking first takes the best-scoring FTS matches, at least this
 * many, and only applies visibility to those; worth it when the actor sees at
 * least MIN_VISIBLE_SHARE of the schools. docs/decisions/0010-search-ranking.md.
 */
const MIN_CANDIDATES = 500;
const MIN_VISIBLE_SHARE = 0.25;

export type QuestionSearch = {
  items: QuestionListItem[];
  /**
   * The number of matches, or COUNT_CAP when there are more (`totalCapped`);
   * null when not counted (`countTotal: false` and a next page exists).
   */
  total: number | null;
  totalCapped: boolean;
  hasNextPage: boolean;
};

/**
 * The questions the actor may see, filtered, full-text searched and paginated.
 * Lists are newest first; full-text results by relevance (bm25), equal scores
 * newest first.
 */
export function searchQuestions(actor: Actor, filters: QuestionFilters): QuestionSearch {
  const db = getDb();
  const conditions: SQL[] = [visibilityFilter(actor)];
  if (filters.status) conditions.push(eq(questions.status, filters.status));
  if (filters.themeId) conditions.push(eq(questions.themeId, filters.themeId));
  if (filters.sector) conditions.push(sql`${questions.sector} = ${filters.sector}`);
  if (filters.schoolId) conditions.push(eq(questions.schoolId, filters.schoolId));
  if (filters.schoolYear) conditions.push(eq(questions.schoolYear, filters.schoolYear));
  const where = and(...conditions)!;
  syncSearchIndex();
  const match = filters.q ? wordQuery(filters.q) : null;
  const trigrams = filters.q ? trigramQuery(filters.q) : null;

  const pageSize = Math.min(Math.max(filters.pageSize ?? 20, 1), 100);
  const page = Math.max(filters.page ?? 1, 1);
  const offset = (page - 1) * pageSize;

  // One row more than the page, to know whether a next page exists.
  const base = () =>
    db
      .select(LIST_COLUMNS)
      .from(questions)
      .innerJoin(schools, eq(schools.id, questions.schoolId))
      .leftJoin(themes, eq(themes.id, questions.themeId))
      .$dynamic();
  let rows: QuestionListItem[] = [];
  const narrowed = filters.status || filters.themeId || filters.sector || filters.schoolId || filters.schoolYear;
  // The share of schools the actor sees decides how a full-text page is found (below).
  const share = (match || trigrams) && !narrowed ? visibleSchoolShare(actor) : 0;
  if (match) {
    const rankedPage = (fts: ReturnType<typeof ftsMatches>) =>
      base()
        .innerJoin(fts, eq(fts.rowid, sql`${questions}.rowid`))
        .where(where)
        .orderBy(asc(fts.score), desc(fts.rowid))
        .limit(pageSize + 1)
        .offset(offset)
        .all();
    // Two ways to the page. Joining all matches costs a table lookup and the
    // visibility check per match, and bm25 only for the visible ones; ranking
    // in the index alone costs bm25 for every match (FTS5 has no top-k
    // shortcut) and lookups only for the best candidates. The candidates come
    // in the full result's order (score, then rowid), so the visible ones among
    // them are exactly its start. That wins when most matches are visible, so
    // it is used without filters when the actor sees a good share of the
    // schools, with a window sized to hold twice the rows the page needs.
    // Should the visible candidates still run out before the page is full
    // while the index has more matches, the page is taken from all matches.
    let ranked: QuestionListItem[] | null = null;
    if (share >= MIN_VISIBLE_SHARE) {
      const window = Math.max(MIN_CANDIDATES, Math.ceil((2 * (offset + pageSize + 1)) / share));
      ranked = rankedPage(ftsMatches(match, window));
      if (ranked.length <= pageSize && ftsMatchCount(match) > window) ranked = null;
    }
    rows = ranked ?? rankedPage(ftsMatches(match));
  }
  if (trigrams && rows.length <= pageSize) {
    // Every word match is on earlier pages or this one: continue with the
    // trigram matches the word index does not have (parts of words, compounds).
    let wordMatchesBefore = 0;
    if (match && rows.length > 0) wordMatchesBefore = offset + rows.length;
    else if (match && offset > 0) {
      const visibleWords = db
        .select({ one: sql`1` })
        .from(questions)
        .innerJoin(schools, eq(schools.id, questions.schoolId))
        .where(and(matchCondition(match, null), where))
        .limit(offset + 1)
        .as("visible_words");
      wordMatchesBefore = db.select({ n: sql<number>`count(*)` }).from(visibleWords).get()!.n;
    }
    const wanted = pageSize + 1 - rows.length;
    const skip = Math.max(0, offset + rows.length - wordMatchesBefore);
    const tierPage = (tri: ReturnType<typeof trigramOnlyMatches>) =>
      base().innerJoin(tri, eq(tri.rowid, sql`${questions}.rowid`)).where(where).orderBy(asc(tri.score), desc(tri.rowid)).limit(wanted).offset(skip).all();
    // The same two ways as the word tier: the best candidates from the index
    // alone when the actor sees a good share of the schools, else all matches.
    let more: QuestionListItem[] | null = null;
    if (share >= MIN_VISIBLE_SHARE) {
      const window = Math.max(MIN_CANDIDATES, Math.ceil((2 * (skip + wanted)) / share));
      more = tierPage(trigramOnlyMatches(trigrams, match, window));
      if (more.length < wanted && trigramMatchCount(trigrams) > window) more = null;
    }
    rows = [...rows, ...(more ?? tierPage(trigramOnlyMatches(trigrams, match)))];
  }
  if (!match && !trigrams) {
    rows = base()
      .where(where)
      // (updated_at, id) matches questions_updated_idx, so the first page needs no sort.
      .orderBy(desc(questions.updatedAt), desc(questions.id))
      .limit(pageSize + 1)
      .offset(offset)
      .all();
  }
  const hasNextPage = rows.length > pageSize;
  const pageRows = rows.slice(0, pageSize);

  // Without a next page the total follows from the page; otherwise count, up to the cap.
  let total: number | null;
  if (!hasNextPage && (pageRows.length > 0 || offset === 0)) {
    total = offset + pageRows.length;
  } else if (filters.countTotal === false) {
    total = null; // the caller pages on hasNextPage; counting costs more than the page
  } else {
    total = countMatches(where, match, trigrams);
  }
  const totalCapped = total !== null && total > COUNT_CAP;

  const partnerships = partnershipsOfSchools(pageRows.map((r) => r.schoolId));
  // The permission module has the last word on every row.
  const items = pageRows.filter((row) => can(actor, "question:view", questionScope(row, partnerships.get(row.schoolId) ?? [])));
  return {
    items,
    total: total === null ? null : totalCapped ? COUNT_CAP : total - (pageRows.length - items.length),
    totalCapped,
    hasNextPage,
  };
}

/**
 * How many visible questions match, up to just above COUNT_CAP. Word matches
 * first; the trigram index (parts of words, the costly one) is read only when
 * the word matches stay under the cap, and then streamed until the cap.
 */
function countMatches(where: SQL, match: string | null, trigrams: string | null): number {
  const db = getDb();
  const limit = COUNT_CAP + 1;
  const capped = (condition: SQL, max: number) =>
    db.select({ n: sql<number>`count(*)` })
      .from(db.select({ one: sql`1` }).from(questions).where(condition).limit(max).as("capped"))
      .get()!.n;
  // Driven from the index (a join, not `rowid in (…)`): FTS5 hands matches over
  // one by one, so counting stops at the cap instead of first collecting every
  // match; for the trigram index that was most of a search's time (record 0029).
  const cappedFrom = (index: typeof questionsWords | typeof questionsTrigram, condition: SQL, max: number) =>
    db.select({ n: sql<number>`count(*)` })
      .from(
        db
          .select({ one: sql`1` })
          .from(index)
          .innerJoin(questions, eq(sql`${questions}.rowid`, index.rowid))
          .where(and(condition, where))
          .limit(max)
          .as("capped"),
      )
      .get()!.n;
  if (!match && !trigrams) return capped(where, limit);
  const words = match ? cappedFrom(questionsWords, sql`questions_words match ${match}`, limit) : 0;
  if (!trigrams || words >= limit) return words;
  const trigramOnly = match
    ? sql`questions_trigram match ${trigrams} and ${questionsTrigram.rowid} not in (select rowid from questions_words where questions_words match ${match})`
    : sql`questions_trigram match ${trigrams}`;
  return words + cappedFrom(questionsTrigram, trigramOnly, limit - words);
}

/**
 * Schools whose questions the actor can see at all (for the school filters).
 * Archived schools are left out: their questions stay readable (a link with
 * `?school=` still works), but a filter offers only schools where work goes on (issue 19).
 */
export function visibleSchools(actor: Actor) {
  const { partnershipIds, isAdmin } = questionReach(actor);
  const db = getDb();
  const query = db.selectDistinct({ id: schools.id, name: schools.name }).from(schools);
  if (isAdmin) return query.where(isNull(schools.archivedAt)).orderBy(asc(schools.name)).all();
  if (partnershipIds.length === 0) return [];
  return query
    .innerJoin(partnershipSchools, eq(partnershipSchools.schoolId, schools.id))
    .where(and(inArray(partnershipSchools.partnershipId, [...partnershipIds]), isNull(schools.archivedAt)))
    .orderBy(asc(schools.name))
    .all();
}

/**
 * How many schools visibleSchools() would list, without reading their names:
 * /vragen needs the list only for a partnership-sized select or when a school
 * is being picked (an index count instead of sorting a region's names).
 */
export function countVisibleSchools(actor: Actor): number {
  const { partnershipIds, isAdmin } = questionReach(actor);
  const db = getDb();
  if (isAdmin) return db.select({ n: count() }).from(schools).where(isNull(schools.archivedAt)).get()!.n;
  if (partnershipIds.length === 0) return 0;
  return db
    .select({ n: countDistinct(partnershipSchools.schoolId) })
    .from(partnershipSchools)
    .innerJoin(schools, eq(schools.id, partnershipSchools.schoolId))
    .where(and(inArray(partnershipSchools.partnershipId, [...partnershipIds]), isNull(schools.archivedAt)))
    .get()!.n;
}

// ───────── Near-duplicates ─────────

/**
 * Questions of other schools that look alike, for the programmaleider to link
 * so they can be researched together. Candidates: FTS5 bm25 over the
 * distinctive terms of title and deelvragen, plus questions on the same theme.
 * Order: same theme and shared terms; two or more shared title terms; the
 * same theme alone (newest first). One shared term in another theme is chance: not shown. Only what the actor may see; never the question itself.
 */
export function similarQuestions(actor: Actor, question: QuestionRow, limit = 5): QuestionListItem[] {
  const terms = distinctiveTerms(`${question.title} ${parseSubQuestions(question.subQuestions).join(" ")}`);
  const others = and(visibilityFilter(actor), ne(questions.id, question.id), ne(questions.schoolId, question.schoolId));
  // The same stems as the search index (any of the distinctive words).
  syncSearchIndex();
  const anyTerm = anyWordQuery(terms);
  const byTerms =
    anyTerm === null
      ? []
      : (() => {
          const fts = ftsMatches(anyTerm);
          return getDb()
            .select(LIST_COLUMNS)
            .from(questions)
            .innerJoin(fts, eq(fts.rowid, sql`${questions}.rowid`))
            .innerJoin(schools, eq(schools.id, questions.schoolId))
            .leftJoin(themes, eq(themes.id, questions.themeId))
            .where(others)
            .orderBy(asc(fts.score))
            .limit(limit * 4)
            .all();
        })();
  const byTheme = question.themeId
    ? getDb()
        .select(LIST_COLUMNS)
        .from(questions)
        .innerJoin(schools, eq(schools.id, questions.schoolId))
        .leftJoin(themes, eq(themes.id, questions.themeId))
        .where(and(others, eq(questions.themeId, question.themeId), ne(questions.status, "gearchiveerd")))
        .orderBy(desc(questions.updatedAt))
        .limit(limit * 2)
        .all()
    : [];
  const sameTheme = new Set(byTheme.map((r) => r.id));
  const termRank = new Map(byTerms.map((r, i) => [r.id, i]));
  const sharedInTitle = (title: string) => sharedTermCount(terms, title);
  // One shared word across themes is mostly chance ("spel"): left out. Two or more, or the same theme, is not.
  const tier = (r: QuestionListItem) =>
    !termRank.has(r.id) ? 2 : sameTheme.has(r.id) ? 0 : sharedInTitle(r.title) >= 2 ? 1 : null;
  const candidates = [...new Map([...byTerms, ...byTheme].map((r) => [r.id, r])).values()]
    .filter((r) => tier(r) !== null)
    .sort((a, b) => tier(a)! - tier(b)! || (termRank.get(a.id) ?? 0) - (termRank.get(b.id) ?? 0));
  const partnerships = partnershipsOfSchools(candidates.map((r) => r.schoolId));
  return candidates.filter((r) => can(actor, "question:view", questionScope(r, partnerships.get(r.schoolId) ?? []))).slice(0, limit);
}
