import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "../../db/client";
import { cultureScans, partnershipSchools, questions, scanAgreements, scanResponses, schools } from "../../db/schema";
import {
  ASPECTS,
  MAX_PRIORITIES,
  respondentCount,
  summariseScan,
  trendPerAspect,
  type AspectSummary,
  type Phase,
  type TrendPoint,
} from "../domain/culture-scan";
import { can, knowActor, type Actor } from "../domain/permissions";
import { schoolScope } from "./scopes.server";

export type ScanRow = typeof cultureScans.$inferSelect;

/** Schools whose scans the actor may see: own schools first, then (programmaleider/admin) the partnership's. */
export function scanSchoolsFor(actor: Actor): { id: string; name: string; archived: boolean }[] {
  const db = getDb();
  const { schoolIds: ownIds, isAdmin, ledPartnershipIds: led } = knowActor(actor);
  const own = ownIds.length
    ? db.select({ id: schools.id, name: schools.name, archivedAt: schools.archivedAt }).from(schools).where(inArray(schools.id, ownIds)).orderBy(asc(schools.name)).all()
    : [];
  let others: { id: string; name: string; archivedAt: string | null }[] = [];
  if (isAdmin) others = db.select({ id: schools.id, name: schools.name, archivedAt: schools.archivedAt }).from(schools).orderBy(asc(schools.name)).all();
  else if (led.length)
    others = db
      .selectDistinct({ id: schools.id, name: schools.name, archivedAt: schools.archivedAt })
      .from(schools)
      .innerJoin(partnershipSchools, eq(partnershipSchools.schoolId, schools.id))
      .where(inArray(partnershipSchools.partnershipId, [...led]))
      .orderBy(asc(schools.name))
      .all();
  const all = [...own, ...others.filter((o) => !ownIds.includes(o.id))];
  // The permission module has the last word on every school offered.
  return all.filter((s) => can(actor, "scan:view", schoolScope(s.id))).map((s) => ({ id: s.id, name: s.name, archived: s.archivedAt !== null }));
}

export function scansOfSchool(schoolId: string): ScanRow[] {
  return getDb().select().from(cultureScans).where(eq(cultureScans.schoolId, schoolId)).orderBy(desc(cultureScans.schoolYear)).all();
}

export function findScan(id: string): ScanRow | undefined {
  return getDb().select().from(cultureScans).where(eq(cultureScans.id, id)).get();
}

/** Opens the scan for a school and year; false when one exists already. */
export function openScan(schoolId: string, schoolYear: string, userId: string): boolean {
  const db = getDb();
  return db.transaction((tx) => {
    const existing = tx
      .select({ id: cultureScans.id })
      .from(cultureScans)
      .where(and(eq(cultureScans.schoolId, schoolId), eq(cultureScans.schoolYear, schoolYear)))
      .get();
    if (existing) return false;
    tx.insert(cultureScans).values({ schoolId, schoolYear, status: "open", openedById: userId }).run();
    return true;
  });
}

/** Stores (or replaces) one respondent's answers in one transaction. */
export function saveResponses(scanId: string, userId: string, answers: Record<string, Phase>): void {
  const now = new Date().toISOString();
  getDb().transaction((tx) => {
    for (const [aspectId, phase] of Object.entries(answers)) {
      tx.insert(scanResponses)
        .values({ scanId, userId, aspectId, phase, answeredAt: now })
        .onConflictDoUpdate({ target: [scanResponses.scanId, scanResponses.userId, scanResponses.aspectId], set: { phase, answeredAt: now } })
        .run();
    }
  });
}

export function myResponses(scanId: string, userId: string): Record<string, number> {
  const rows = getDb()
    .select({ aspectId: scanResponses.aspectId, phase: scanResponses.phase })
    .from(scanResponses)
    .where(and(eq(scanResponses.scanId, scanId), eq(scanResponses.userId, userId)))
    .all();
  return Object.fromEntries(rows.map((r) => [r.aspectId, r.phase]));
}

export type AgreementView = { aspectId: string; agreedPhase: number; priority: boolean; action: string; questionId: string | null; questionTitle: string | null };

export function agreementsOf(scanId: string): AgreementView[] {
  return getDb()
    .select({
      aspectId: scanAgreements.aspectId,
      agreedPhase: scanAgreements.agreedPhase,
      priority: scanAgreements.priority,
      action: scanAgreements.action,
      questionId: scanAgreements.questionId,
      questionTitle: questions.title,
    })
    .from(scanAgreements)
    .leftJoin(questions, eq(questions.id, scanAgreements.questionId))
    .where(eq(scanAgreements.scanId, scanId))
    .all();
}

/**
 * The aggregated view of a scan: summaries per aspect (privacy threshold
 * applied by the domain) and the number of respondents. User ids are used
 * only to count and never leave this function.
 */
export function scanSummary(scanId: string): { summaries: AspectSummary[]; respondents: number } {
  const rows = getDb()
    .select({ userId: scanResponses.userId, aspectId: scanResponses.aspectId, phase: scanResponses.phase })
    .from(scanResponses)
    .where(eq(scanResponses.scanId, scanId))
    .all();
  const answers = rows.map((r) => ({ respondentKey: r.userId, aspectId: r.aspectId, phase: r.phase }));
  const agreed = Object.fromEntries(agreementsOf(scanId).map((a) => [a.aspectId, a.agreedPhase]));
  return { summaries: summariseScan(answers, agreed), respondents: respondentCount(answers) };
}

/** The trend per aspect over all of the school's scans. */
export function schoolTrend(schoolId: string): { years: string[]; trend: Record<string, TrendPoint[]> } {
  const scans = scansOfSchool(schoolId);
  const input = scans.map((s) => ({ schoolYear: s.schoolYear, summaries: scanSummary(s.id).summaries }));
  return { years: input.map((s) => s.schoolYear).sort(), trend: trendPerAspect(input) };
}

export type AgreementInput = { aspectId: string; agreedPhase: Phase; priority: boolean; action: string; questionId: string | null };

/**
 * Saves the team's agreements for the aspects given and keeps the others
 * (issue 20: aspect by aspect), in one transaction. Refused, with nothing
 * stored, when the scan would end up with more than MAX_PRIORITIES priorities.
 */
export function saveAgreements(scanId: string, rows: AgreementInput[]): "saved" | "tooManyPriorities" {
  const tooMany = new Error("tooManyPriorities");
  try {
    getDb().transaction((tx) => {
      for (const row of rows) {
        const values = { agreedPhase: row.agreedPhase, priority: row.priority, action: row.action, questionId: row.questionId };
        tx.insert(scanAgreements)
          .values({ scanId, aspectId: row.aspectId, ...values })
          .onConflictDoUpdate({ target: [scanAgreements.scanId, scanAgreements.aspectId], set: values })
          .run();
      }
      const priorities = tx
        .select({ aspectId: scanAgreements.aspectId })
        .from(scanAgreements)
        .where(and(eq(scanAgreements.scanId, scanId), eq(scanAgreements.priority, true)))
        .all().length;
      if (priorities > MAX_PRIORITIES) throw tooMany;
    });
  } catch (error) {
    if (error === tooMany) return "tooManyPriorities";
    throw error;
  }
  return "saved";
}

/** Whether the team chose at least one priority: a scan closes only with one. */
export function hasPriority(scanId: string): boolean {
  return !!getDb()
    .select({ aspectId: scanAgreements.aspectId })
    .from(scanAgreements)
    .where(and(eq(scanAgreements.scanId, scanId), eq(scanAgreements.priority, true)))
    .get();
}

export function closeScan(scanId: string): boolean {
  const result = getDb()
    .update(cultureScans)
    .set({ status: "gesloten", closedAt: new Date().toISOString() })
    .where(and(eq(cultureScans.id, scanId), eq(cultureScans.status, "open")))
    .run();
  return result.changes > 0;
}

/** Ids of agenda questions of the school and year a priority may link to. */
export function linkableQuestionIds(schoolId: string, schoolYear: string): Set<string> {
  const rows = getDb()
    .select({ id: questions.id })
    .from(questions)
    .where(and(eq(questions.schoolId, schoolId), eq(questions.schoolYear, schoolYear)))
    .all();
  return new Set(rows.map((r) => r.id));
}

export const ASPECT_ORDER = ASPECTS.map((a) => a.id);
