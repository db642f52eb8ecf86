import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "../../db/client";
import { invitations, partnerships, partnershipSchools, schools, schoolShortages } from "../../db/schema";
import { parseImport, type ParsedImport, type ParsedRow, type PersonData, type SchoolData } from "../domain/import/parse";
import { operationCounts, planImport, type ImportPlan, type ImportSnapshot, type Operation, type RowPlan, type RowStatus } from "../domain/import/plan";
import { readCsv } from "../domain/import/read-text";
import { PREVIEW_VALID_MS, type FileFacts, type FileProblem, type ImportKind, type RawTable } from "../domain/import/types";
import { isZip } from "../domain/import/zip";
import { can, type Actor } from "../domain/permissions";
import type { Role } from "../domain/roles";
import { logger } from "../utils/logger.server";
import { readXlsx } from "../utils/xlsx.server";
import { recordAudit } from "./audit.server";
import { insertInvitation } from "./invitation.server";

/**
 * Onboarding by import: reading the file, the preview kept on disk, and the
 * confirm that applies exactly the previewed operations in one transaction.
 *
 * A preview is stored as JSON under `<data dir>/imports/<random id>.json`
 * (only its owner can open it; it expires after an hour). The confirm
 * recomputes the plan against the database inside an immediate transaction
 * and refuses when it differs from what was shown, so nothing is imported
 * that the person did not see.
 */
export function importsDir(): string {
  const dbPath = process.env.DATABASE_PATH || "./data/samen-onderzoeken.db";
  return path.resolve(path.dirname(path.resolve(dbPath)), "imports");
}

const ID_PATTERN = /^[A-Za-z0-9_-]{32}$/;

/**
 * Who was invited by an import. The links travel only by mail (issue 21), so
 * no token is stored here at all; `sealedToken` may still be in results stored
 * before that and is never read.
 */
export type StoredInvitationLink = { name: string; email: string; role: Role; organisation: string; expiresAt: string; sealedToken?: string };

/** The invitations of an import for the result page and its CSV: who, never a link. */
export function importedInvitations(links: StoredInvitationLink[]) {
  return links.map(({ name, email, role, organisation, expiresAt }) => ({ name, email, role, organisation, expiresAt }));
}

export type StoredImport = {
  version: 1;
  id: string;
  userId: string;
  kind: ImportKind;
  partnershipId: string;
  partnershipName: string;
  fileName: string;
  facts: FileFacts;
  createdAt: string;
  expiresAt: string;
  /** The checked rows that had no problems: what the confirm imports. */
  inputs: { row: number; data: SchoolData | PersonData }[];
  rows: RowPlan[];
  counts: Record<RowStatus, number>;
  operations: ReturnType<typeof operationCounts>;
  /** SHA-256 of the operations shown; the confirm must arrive at the same. */
  fingerprint: string;
  /** Set once imported: what happened, and the invitation links (kept until expiresAt). */
  result?: { at: string; counts: ReturnType<typeof operationCounts>; invitations: StoredInvitationLink[] };
};

/** The partnerships the actor may import into, for the form. */
export function importPartnerships(actor: Actor) {
  return getDb()
    .select({ id: partnerships.id, name: partnerships.name })
    .from(partnerships)
    .orderBy(asc(partnerships.name))
    .all()
    .filter((p) => can(actor, "import:partnership", { partnershipIds: [p.id] }));
}

/** CSV or XLSX, decided by the content (an .xlsx is a zip), never by the name. */
export async function readImportFile(bytes: Uint8Array): Promise<RawTable | FileProblem> {
  return isZip(bytes) ? readXlsx(bytes) : readCsv(bytes);
}

type SchoolSnapshotRow = {
  id: string;
  name: string;
  city: string;
  sector: SchoolData["sector"];
  board: string;
  regionId: string;
  pids: string;
  shortage: number | null;
  archived: number;
};

/** What the plan compares with: the partnership, every school and institute, and the people in the file. */
export function loadSnapshot(db: DbOrTx, partnershipId: string, emails: string[]): ImportSnapshot | null {
  const partnership = db
    .select({ id: partnerships.id, name: partnerships.name, regionId: partnerships.regionId })
    .from(partnerships)
    .where(eq(partnerships.id, partnershipId))
    .get();
  if (!partnership) return null;
  const schoolRows = db.all<SchoolSnapshotRow>(sql`
    select s.id, s.name, s.city, s.sector, s.board, s.region_id as regionId, sh.vacancy_tenths as shortage, s.archived_at is not null as archived,
      (select json_group_array(ps.partnership_id) from partnership_schools ps where ps.school_id = s.id) as pids
    from schools s left join school_shortages sh on sh.school_id = s.id`);
  const instituteRows = db.all<{ id: string; name: string; city: string; pids: string; archived: number }>(sql`
    select i.id, i.name, i.city, i.archived_at is not null as archived,
      (select json_group_array(pi.partnership_id) from partnership_institutes pi where pi.institute_id = i.id) as pids
    from institutes i`);
  const emailJson = JSON.stringify(emails);
  const users = emails.length
    ? db.all<{ id: string; email: string; disabledAt: string | null }>(
        sql`select id, email, disabled_at as disabledAt from users where email in (select value from json_each(${emailJson}))`,
      )
    : [];
  const memberships = users.length
    ? db.all<{ userId: string; role: Role; schoolId: string | null; instituteId: string | null }>(
        sql`select user_id as userId, role, school_id as schoolId, institute_id as instituteId from memberships
            where user_id in (select value from json_each(${JSON.stringify(users.map((u) => u.id))}))`,
      )
    : [];
  const openInvitations = emails.length
    ? db.all<{ id: string; email: string; name: string; role: Role; schoolId: string | null; instituteId: string | null }>(
        sql`select id, email, name, role, school_id as schoolId, institute_id as instituteId from invitations
            where email in (select value from json_each(${emailJson}))
              and accepted_at is null and revoked_at is null and expires_at > ${new Date().toISOString()}`,
      )
    : [];
  return {
    partnership,
    schools: schoolRows.map(({ pids, shortage, archived, ...s }) => ({ ...s, partnershipIds: JSON.parse(pids) as string[], shortageTenths: shortage, archived: archived === 1 })),
    institutes: instituteRows.map((i) => ({ id: i.id, name: i.name, city: i.city, partnershipIds: JSON.parse(i.pids) as string[], archived: i.archived === 1 })),
    users: users.map((u) => ({ id: u.id, email: u.email, disabled: u.disabledAt !== null })),
    memberships,
    openInvitations,
  };
}

function emailsOf(parsed: ParsedImport): string[] {
  if (parsed.kind === "scholen") return [];
  return [...new Set(parsed.rows.flatMap((r) => (r.data ? [r.data.email] : [])))];
}

/**
 * What the person saw and agreed to: the operations and, per row, its status,
 * changes (with the old values) and notes. Any difference at confirm time
 * means the database changed in between.
 */
function fingerprint(plan: ImportPlan): string {
  const shown = plan.rows.map((r) => [r.row, r.status, r.changes, r.notes.map((n) => n.code)]);
  return createHash("sha256").update(JSON.stringify({ operations: plan.operations, shown })).digest("hex");
}

function storedPath(id: string): string {
  return path.join(importsDir(), `${id}.json`);
}

function writeStored(stored: StoredImport): void {
  const dir = importsDir();
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const temporary = path.join(dir, `${stored.id}.${randomBytes(4).toString("hex")}.tmp`);
  fs.writeFileSync(temporary, JSON.stringify(stored), { mode: 0o600 });
  fs.renameSync(temporary, storedPath(stored.id));
}

/** The stored import if it exists, has not expired and belongs to this user. */
export function loadStoredImport(id: string, userId: string): StoredImport | null {
  if (!ID_PATTERN.test(id)) return null;
  let stored: StoredImport;
  try {
    stored = JSON.parse(fs.readFileSync(storedPath(id), "utf8")) as StoredImport;
  } catch {
    return null;
  }
  if (stored.version !== 1 || stored.userId !== userId) return null;
  if (stored.expiresAt <= new Date().toISOString()) {
    fs.rmSync(storedPath(id), { force: true });
    return null;
  }
  return stored;
}

export function discardStoredImport(id: string, userId: string): void {
  if (loadStoredImport(id, userId)) fs.rmSync(storedPath(id), { force: true });
}

/** Removes expired previews and results (cheap: one directory listing). */
export function sweepExpiredImports(now = Date.now()): void {
  const dir = importsDir();
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      const age = now - fs.statSync(file).mtimeMs;
      // The expiry inside the file is at most PREVIEW_VALID_MS after the last write.
      if (age > PREVIEW_VALID_MS + 60_000) fs.rmSync(file, { force: true });
    } catch {
      // Gone already (another request swept it).
    }
  }
}

export type PreviewOutcome = { problem: FileProblem } | { id: string; plan: ImportPlan };

/** Reads, checks and compares a file, and stores the preview. Writes nothing to the database. */
export async function createPreview(input: {
  actor: Actor;
  userId: string;
  kind: ImportKind;
  partnershipId: string;
  fileName: string;
  bytes: Uint8Array;
}): Promise<PreviewOutcome> {
  const table = await readImportFile(input.bytes);
  if ("code" in table) return { problem: table };
  const parsed = parseImport(input.kind, table);
  if ("code" in parsed) return { problem: parsed };
  const snapshot = loadSnapshot(getDb(), input.partnershipId, emailsOf(parsed));
  if (!snapshot) return { problem: { code: "empty" } };
  const plan = planImport(parsed, snapshot, input.actor);
  const now = Date.now();
  const stored: StoredImport = {
    version: 1,
    id: randomBytes(24).toString("base64url"),
    userId: input.userId,
    kind: input.kind,
    partnershipId: snapshot.partnership.id,
    partnershipName: snapshot.partnership.name,
    fileName: cleanFileName(input.fileName),
    facts: table.facts,
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(now + PREVIEW_VALID_MS).toISOString(),
    inputs: (parsed.rows as ParsedRow<SchoolData | PersonData>[]).flatMap((r) => (r.data ? [{ row: r.row, data: r.data }] : [])),
    rows: plan.rows,
    counts: plan.counts,
    operations: operationCounts(plan.operations),
    fingerprint: fingerprint(plan),
  };
  writeStored(stored);
  return { id: stored.id, plan };
}

function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex -- strip control characters from a user-given name
  return base.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 120) || "bestand";
}

function parsedFromInputs(stored: StoredImport): ParsedImport {
  const rows = stored.inputs.map((i) => ({ row: i.row, values: {}, data: i.data, issues: [] }));
  return stored.kind === "scholen"
    ? { kind: "scholen", rows: rows as ParsedRow<SchoolData>[] }
    : { kind: stored.kind, rows: rows as ParsedRow<PersonData>[] };
}

export type ConfirmOutcome =
  | { status: "notFound" }
  | { status: "alreadyImported"; stored: StoredImport }
  | { status: "hasErrors" }
  | { status: "changed"; stored: StoredImport }
  | { status: "imported"; stored: StoredImport };

class PartnershipGone extends Error {}

class PlanChanged extends Error {
  constructor(readonly plan: ImportPlan) {
    super("plan changed");
  }
}

/**
 * Imports a stored preview in one immediate transaction: the plan is made
 * again against the database as it is now and must match the preview's
 * fingerprint; any error or difference rolls everything back.
 */
export function confirmImport(input: { id: string; actor: Actor; userId: string; ip: string; origin?: string | null }): ConfirmOutcome {
  const stored = loadStoredImport(input.id, input.userId);
  if (!stored) return { status: "notFound" };
  if (stored.result) return { status: "alreadyImported", stored };
  if (stored.counts.fout > 0) return { status: "hasErrors" };
  if (!can(input.actor, "import:partnership", { partnershipIds: [stored.partnershipId] })) return { status: "notFound" };

  const parsed = parsedFromInputs(stored);
  const db = getDb();
  let links: StoredInvitationLink[] = [];
  let applied: Operation[] = [];
  try {
    db.transaction(
      (tx) => {
        const snapshot = loadSnapshot(tx, stored.partnershipId, emailsOf(parsed));
        if (!snapshot) throw new PartnershipGone();
        const plan = planImport(parsed, snapshot, input.actor);
        if (plan.counts.fout > 0 || fingerprint(plan) !== stored.fingerprint) throw new PlanChanged(plan);
        links = applyOperations(tx, plan.operations, { snapshot, importId: stored.id, kind: stored.kind, ...input });
        applied = plan.operations;
        // One entry per import (each invitation also gets its own, pointing here).
        recordAudit(
          {
            event: "import.completed",
            actorUserId: input.userId,
            ip: input.ip,
            detail: {
              importId: stored.id,
              kind: stored.kind,
              partnershipId: stored.partnershipId,
              fileName: stored.fileName,
              ...operationCounts(plan.operations),
            },
          },
          tx,
        );
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    if (error instanceof PartnershipGone) return { status: "notFound" };
    const changed = error instanceof PlanChanged;
    const constraint = !changed && (error as { code?: string }).code?.startsWith("SQLITE_CONSTRAINT");
    if (!changed && !constraint) throw error;
    // Someone changed the data in between: show the new preview instead.
    const snapshot = changed ? null : loadSnapshot(db, stored.partnershipId, emailsOf(parsed));
    if (!changed && !snapshot) return { status: "notFound" };
    const plan = changed ? error.plan : planImport(parsed, snapshot!, input.actor);
    const refreshed = refreshStored(stored, plan);
    logger.info({ importId: stored.id }, "import: gegevens gewijzigd sinds het voorbeeld; niets geïmporteerd");
    return { status: "changed", stored: refreshed };
  }

  const counts = operationCounts(applied);
  const now = Date.now();
  const done: StoredImport = {
    ...stored,
    expiresAt: new Date(now + PREVIEW_VALID_MS).toISOString(),
    result: { at: new Date(now).toISOString(), counts, invitations: links },
  };
  writeStored(done);
  logger.info({ importId: stored.id, kind: stored.kind, partnershipId: stored.partnershipId, ...counts }, "import uitgevoerd");
  return { status: "imported", stored: done };
}

/** A preview made again (after a change in the database): its rows, counts and fingerprint are replaced. */
function refreshStored(stored: StoredImport, plan: ImportPlan): StoredImport {
  // The replanned rows were made from the checked data only; keep the cells as the file had them.
  const cells = new Map(stored.rows.map((r) => [r.row, r.values]));
  const refreshed: StoredImport = {
    ...stored,
    rows: plan.rows.map((r) => ({ ...r, values: cells.get(r.row) ?? r.values })),
    counts: plan.counts,
    operations: operationCounts(plan.operations),
    fingerprint: fingerprint(plan),
    expiresAt: new Date(Date.now() + PREVIEW_VALID_MS).toISOString(),
  };
  writeStored(refreshed);
  return refreshed;
}

function applyOperations(
  tx: DbOrTx,
  operations: Operation[],
  context: { snapshot: ImportSnapshot; importId: string; kind: ImportKind; userId: string; ip: string; origin?: string | null },
): StoredInvitationLink[] {
  const now = new Date().toISOString();
  const links: StoredInvitationLink[] = [];
  const partnershipId = context.snapshot.partnership.id;
  for (const op of operations) {
    switch (op.op) {
      case "createSchool": {
        const id = crypto.randomUUID();
        tx.insert(schools)
          .values({ id, regionId: context.snapshot.partnership.regionId, name: op.name, city: op.city, sector: op.sector, board: op.board })
          .run();
        tx.insert(partnershipSchools).values({ partnershipId, schoolId: id }).run();
        if (op.shortageTenths !== null) tx.insert(schoolShortages).values({ schoolId: id, vacancyTenths: op.shortageTenths, updatedAt: now }).run();
        break;
      }
      case "updateSchool": {
        const set: { sector?: SchoolData["sector"]; board?: string } = {};
        if (op.sector) set.sector = op.sector;
        if (op.board) set.board = op.board;
        if (Object.keys(set).length) tx.update(schools).set(set).where(eq(schools.id, op.schoolId)).run();
        if (op.shortageTenths !== undefined) {
          tx.insert(schoolShortages)
            .values({ schoolId: op.schoolId, vacancyTenths: op.shortageTenths, updatedAt: now })
            .onConflictDoUpdate({ target: schoolShortages.schoolId, set: { vacancyTenths: op.shortageTenths, updatedAt: now } })
            .run();
        }
        if (op.link) tx.insert(partnershipSchools).values({ partnershipId, schoolId: op.schoolId }).onConflictDoNothing().run();
        break;
      }
      case "invite": {
        const created = insertInvitation(tx, {
          email: op.email,
          name: op.name,
          role: op.role,
          org: { partnershipId: null, schoolId: op.org.schoolId, instituteId: op.org.instituteId },
          invitedById: context.userId,
          ip: context.ip,
          auditDetail: { via: "import", importId: context.importId, row: op.row },
          origin: context.origin,
        });
        links.push({
          name: op.name,
          email: op.email,
          role: op.role,
          organisation: op.organisationName,
          expiresAt: created.expiresAt,
        });
        break;
      }
      case "renameInvitation": {
        const changed = tx
          .update(invitations)
          .set({ name: op.name })
          .where(and(eq(invitations.id, op.invitationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
          .run().changes;
        if (changed !== 1) throw Object.assign(new Error("invitation changed"), { code: "SQLITE_CONSTRAINT_IMPORT" });
        break;
      }
    }
  }
  return links;
}
