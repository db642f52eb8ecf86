import { askConsents } from "./consent-notices.server";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "../../db/client";
import { memberships, projectMembers, projects, resultConsents, resultFiles, results, users } from "../../db/schema";
import { can, type Actor, type ResultVisibility } from "../domain/permissions";
import { isSchoolStaffOf, SCHOOL_QUESTION_OWNERS, schoolsWhere } from "../domain/policies/actor";
import { projectScopes } from "./scopes.server";

/** Uploaded files live beside the database, never at a user-chosen path. */
export function uploadsDir(): string {
  const dbPath = process.env.DATABASE_PATH || "./data/samen-onderzoeken.db";
  return path.resolve(path.dirname(path.resolve(dbPath)), "uploads");
}

/** Projects the actor may publish a result of: as a student on it, or as its school's owner. */
export function publishableProjects(actor: Actor) {
  const db = getDb();
  const asStudent = db
    .select({ id: projects.id })
    .from(projectMembers)
    .innerJoin(projects, eq(projects.id, projectMembers.projectId))
    .where(and(eq(projectMembers.userId, actor.userId), eq(projectMembers.role, "student")))
    .all()
    .map((r) => r.id);
  const ownedSchools = schoolsWhere(actor, SCHOOL_QUESTION_OWNERS);
  const asSchool = ownedSchools.length
    ? db.select({ id: projects.id }).from(projects).where(inArray(projects.schoolId, ownedSchools)).all().map((r) => r.id)
    : [];
  // SQL found the candidates; the permission module decides on each.
  const scopes = projectScopes([...new Set([...asStudent, ...asSchool])]);
  const ids = [...scopes].filter(([, scope]) => can(actor, "result:publish", scope)).map(([id]) => id);
  // Newest first: a student's current project is the one the form offers first (was: id order, i.e. random).
  return ids.length
    ? db.select({ id: projects.id, title: projects.title, schoolId: projects.schoolId }).from(projects).where(inArray(projects.id, ids)).orderBy(desc(projects.createdAt), asc(projects.title)).all()
    : [];
}

/** As whom the publisher's consent counts: the school's leader, or a student of the project. */
export function publisherRole(actor: Actor, schoolId: string): "schoolleider" | "student" {
  return isSchoolStaffOf(actor, schoolId, ["schoolleider"]) ? "schoolleider" : "student";
}

/** A file to store: in memory, or already streamed to a temporary file (result-upload.server.ts) that is moved into place. */
export type NewFile =
  | { name: string; mime: string; bytes: Uint8Array }
  | { name: string; mime: string; tempPath: string; size: number; sha256: string };

/**
 * Stores a result in one transaction together with its files on disk. The
 * result starts visible to the school only; the visibility the publisher asks
 * for is recorded as their consent and takes effect once every student of the
 * project and the schoolleider have consented too (see giveConsent).
 */
export function createResult(input: {
  project: { id: string; schoolId: string };
  authorId: string;
  authorRole: "student" | "schoolleider";
  title: string;
  type: (typeof results.$inferInsert)["type"];
  summary: string;
  conclusions: string;
  recommendations: string[];
  themeIds: string[];
  links: { label: string; url: string }[];
  visibility: ResultVisibility;
  files: NewFile[];
}): string {
  const db = getDb();
  const resultId = crypto.randomUUID();
  const dir = path.join(uploadsDir(), resultId);
  try {
    return db.transaction((tx) => {
      tx.insert(results)
        .values({
          id: resultId,
          projectId: input.project.id,
          schoolId: input.project.schoolId,
          title: input.title,
          type: input.type,
          summary: input.summary,
          conclusions: input.conclusions,
          recommendations: JSON.stringify(input.recommendations),
          themeIds: JSON.stringify(input.themeIds),
          links: JSON.stringify(input.links),
          visibility: "school",
          authorId: input.authorId,
          publishedAt: new Date().toISOString(),
        })
        .run();
      if (input.visibility !== "school") {
        tx.insert(resultConsents)
          .values({ resultId, userId: input.authorId, role: input.authorRole, visibility: input.visibility, at: new Date().toISOString() })
          .run();
      }
      if (input.files.length) fs.mkdirSync(dir, { recursive: true });
      for (const file of input.files) {
        const fileId = crypto.randomUUID();
        if ("tempPath" in file) fs.renameSync(file.tempPath, path.join(dir, fileId));
        else fs.writeFileSync(path.join(dir, fileId), file.bytes, { flag: "wx" });
        tx.insert(resultFiles)
          .values({
            id: fileId,
            resultId,
            fileName: file.name,
            mimeType: file.mime,
            size: "tempPath" in file ? file.size : file.bytes.byteLength,
            storageKey: `${resultId}/${fileId}`,
            sha256: "tempPath" in file ? file.sha256 : createHash("sha256").update(file.bytes).digest("hex"),
          })
          .run();
      }
      applyConsents(tx, resultId);
      // Everyone else whose consent the publisher's wish needs is told (issue 20).
      askConsents(tx, resultId, input.authorId);
      return resultId;
    });
  } catch (error) {
    // Nothing half-stored: the rows rolled back, so the files go too.
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

type Tx = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];

/** Who must consent before a result leaves the school: the project's students and a schoolleider. */
export function consentState(resultId: string, tx: Tx | ReturnType<typeof getDb> = getDb()) {
  const result = tx.select().from(results).where(eq(results.id, resultId)).get();
  if (!result) return null;
  const consents = tx.select().from(resultConsents).where(eq(resultConsents.resultId, resultId)).all();
  const requested = consents[0]?.visibility ?? null;
  const students = result.projectId
    ? tx
        .select({ userId: projectMembers.userId, name: users.name })
        .from(projectMembers)
        .innerJoin(users, eq(users.id, projectMembers.userId))
        .where(and(eq(projectMembers.projectId, result.projectId), eq(projectMembers.role, "student")))
        .all()
    : [];
  const leaders = tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.schoolId, result.schoolId), eq(memberships.role, "schoolleider")))
    .all()
    .map((r) => r.userId);
  const consented = new Set(consents.filter((c) => c.visibility === requested).map((c) => c.userId));
  const missingStudents = students.filter((s) => !consented.has(s.userId));
  const leaderConsented = leaders.some((id) => consented.has(id));
  return {
    result,
    requested,
    missingStudents,
    leaderConsented,
    leaders,
    studentIds: students.map((s) => s.userId),
    consentedIds: [...consented],
    complete: requested !== null && missingStudents.length === 0 && leaderConsented,
  };
}

function applyConsents(tx: Tx, resultId: string) {
  const state = consentState(resultId, tx);
  if (state?.complete && state.requested && state.result.visibility !== state.requested) {
    tx.update(results).set({ visibility: state.requested }).where(eq(results.id, resultId)).run();
  }
}

/** Records one person's consent; returns false when they are not asked to consent. */
export function giveConsent(resultId: string, userId: string): boolean {
  const db = getDb();
  return db.transaction((tx) => {
    const state = consentState(resultId, tx);
    if (!state?.requested) return false;
    const role = state.studentIds.includes(userId) ? "student" : state.leaders.includes(userId) ? "schoolleider" : null;
    if (!role) return false;
    tx.insert(resultConsents)
      .values({ resultId, userId, role, visibility: state.requested, at: new Date().toISOString() })
      .onConflictDoUpdate({ target: [resultConsents.resultId, resultConsents.userId], set: { visibility: state.requested, at: new Date().toISOString() } })
      .run();
    applyConsents(tx, resultId);
    return true;
  });
}

/** A file of a result, with its absolute path; the caller checked result:view. */
export function resultFile(resultId: string, fileId: string) {
  if (!fileId || fileId.length > 100) return null;
  const row = getDb()
    .select()
    .from(resultFiles)
    .where(and(eq(resultFiles.id, fileId), eq(resultFiles.resultId, resultId)))
    .get();
  if (!row) return null;
  const base = uploadsDir();
  const absolute = path.resolve(base, row.storageKey);
  // Defence in depth: storage keys are ours, but never serve outside the uploads dir.
  if (!absolute.startsWith(base + path.sep)) return null;
  return { ...row, absolute };
}

/** The bytes of a stored file, or null when it is gone from disk. */
export function readStoredFile(absolute: string): Buffer | null {
  try {
    return fs.readFileSync(absolute);
  } catch {
    return null;
  }
}
