import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "../../db/client";
import { projectMembers, resultFiles, results, schools, themes, users } from "../../db/schema";
import { canViewResult } from "../domain/permissions";
import { safeLinks, type PublicResultFacts } from "../domain/public-result";
import type { ResultRow } from "./result.server";
import { resultScopes, scopeForResult } from "./scopes.server";

/** Shown instead of an erased person's name; never cited. */
const ERASED_NAME = "Verwijderde gebruiker";

/** The project's students, in the order they joined: the people who wrote (and consented to) the result. */
export function authorsOf(projectIds: string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  if (projectIds.length === 0) return map;
  const rows = getDb()
    .select({ projectId: projectMembers.projectId, name: users.name })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(and(inArray(projectMembers.projectId, [...new Set(projectIds)]), eq(projectMembers.role, "student")))
    .orderBy(asc(projectMembers.createdAt), asc(users.name))
    .all();
  for (const row of rows) {
    if (row.name === ERASED_NAME) continue;
    map.set(row.projectId, [...(map.get(row.projectId) ?? []), row.name]);
  }
  return map;
}

export function themeNamesNl(): Map<string, string> {
  return new Map(getDb().select({ id: themes.id, name: themes.nameNl }).from(themes).all().map((t) => [t.id, t.name]));
}

function parseIds(value: string): string[] {
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

export function parseLinks(value: string): { label: string; url: string }[] {
  try {
    return safeLinks(JSON.parse(value));
  } catch {
    return [];
  }
}

/**
 * What a public result shows outside the app (citation, JSON-LD), or null
 * when the result is not public: anonymous visitors see nothing else.
 */
export function publicFacts(row: ResultRow, origin: string, typeLabel: string): PublicResultFacts | null {
  if (!canViewResult(null, scopeForResult(row))) return null;
  const db = getDb();
  const school = db.select({ name: schools.name, city: schools.city }).from(schools).where(eq(schools.id, row.schoolId)).get();
  const names = themeNamesNl();
  const url = `${origin}/opbrengsten/${row.id}`;
  const files = db
    .select({ id: resultFiles.id, name: resultFiles.fileName, mimeType: resultFiles.mimeType })
    .from(resultFiles)
    .where(eq(resultFiles.resultId, row.id))
    .all();
  return {
    title: row.title,
    typeLabel,
    summary: row.summary,
    authors: row.projectId ? (authorsOf([row.projectId]).get(row.projectId) ?? []) : [],
    schoolName: school?.name ?? "",
    schoolCity: school?.city ?? "",
    publishedAt: row.publishedAt,
    themeNames: parseIds(row.themeIds).map((id) => names.get(id) ?? id),
    url,
    links: parseLinks(row.links),
    files: files.map((f) => ({ name: f.name, mimeType: f.mimeType, url: `${url}/bestand/${f.id}` })),
  };
}

/** Public results for the sitemap: id and last change, newest first. */
export function publicResultsForSitemap(limit = 50_000): { id: string; lastModified: string }[] {
  const rows = getDb()
    .select()
    .from(results)
    .where(eq(results.visibility, "public"))
    .orderBy(desc(results.publishedAt))
    .limit(limit)
    .all();
  // Pre-filtered in SQL; the permission module still decides every row.
  const scopes = resultScopes(rows);
  return rows.filter((row) => canViewResult(null, scopes.get(row.id)!)).map((row) => ({ id: row.id, lastModified: row.publishedAt }));
}

/** The years in which public results were published, newest first (for the year filter). */
export function publicResultYears(): string[] {
  return getDb()
    .select({ year: sql<string>`substr(${results.publishedAt}, 1, 4)`.as("year") })
    .from(results)
    .where(eq(results.visibility, "public"))
    .groupBy(sql`year`)
    .orderBy(desc(sql`year`))
    .all()
    .map((r) => r.year);
}
