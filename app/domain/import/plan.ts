import { can, type Actor } from "../permissions";
import type { Role } from "../roles";
import type { SectorValue } from "../sectors";
import type { ColumnKey } from "./columns";
import { matchKey, roleBelongsTo, type ParsedImport, type ParsedRow, type PersonData, type SchoolData } from "./parse";
import type { ImportKind, IssueParams, RowIssue } from "./types";

/**
 * Compares checked rows with what the database holds now and decides per row:
 * new, updated (and what changes), unchanged, or an error. Pure: the model
 * loads the snapshot, this decides, the model applies the operations in one
 * transaction. Matching keys: schools by (name, city), people by e-mail; the
 * same file imported twice yields only "unchanged" rows.
 *
 * An import adds and updates; it never removes a school, a link or a role.
 */
export type SnapshotSchool = {
  id: string;
  name: string;
  city: string;
  sector: SectorValue;
  board: string;
  regionId: string;
  partnershipIds: string[];
  shortageTenths: number | null;
  /** An archived school keeps its history but takes no new people or changes (issue 19). */
  archived?: boolean;
};
export type SnapshotInstitute = { id: string; name: string; city: string; partnershipIds: string[]; archived?: boolean };
export type SnapshotUser = { id: string; email: string; disabled: boolean };
export type SnapshotMembership = { userId: string; role: Role; schoolId: string | null; instituteId: string | null };
export type SnapshotInvitation = { id: string; email: string; name: string; role: Role; schoolId: string | null; instituteId: string | null };

export type ImportSnapshot = {
  partnership: { id: string; name: string; regionId: string };
  schools: SnapshotSchool[];
  institutes: SnapshotInstitute[];
  /** Only the people whose e-mail is in the file. */
  users: SnapshotUser[];
  memberships: SnapshotMembership[];
  /** Open invitations (not accepted, revoked or expired) for those e-mails. */
  openInvitations: SnapshotInvitation[];
};

export type RowStatus = "nieuw" | "bijgewerkt" | "ongewijzigd" | "fout";

export type Change = { field: "sector" | "board" | "shortage" | "partnership" | "name"; from: string; to: string };
export type NoteCode = "newSchool" | "linkSchool" | "newAccount" | "existingAccount" | "hasRole" | "alreadyInvited";
export type Note = { code: NoteCode; params?: IssueParams };

export type OrgRef = { schoolId: string | null; instituteId: string | null };

export type Operation =
  | { op: "createSchool"; row: number; name: string; city: string; sector: SectorValue; board: string; shortageTenths: number | null }
  | {
      op: "updateSchool";
      row: number;
      schoolId: string;
      sector?: SectorValue;
      board?: string;
      shortageTenths?: number;
      link: boolean;
    }
  | { op: "invite"; row: number; email: string; name: string; role: Role; org: OrgRef; organisationName: string }
  | { op: "renameInvitation"; row: number; invitationId: string; name: string };

export type RowPlan = {
  row: number;
  status: RowStatus;
  values: Partial<Record<ColumnKey, string>>;
  changes: Change[];
  notes: Note[];
  issues: RowIssue[];
};

export type ImportPlan = {
  kind: ImportKind;
  rows: RowPlan[];
  operations: Operation[];
  counts: Record<RowStatus, number>;
};

type OrgCandidate = { kind: "school" | "institute"; id: string; name: string; city: string; partnershipIds: string[]; archived?: boolean };

/** 25 tenths → "2,5" (fte, Dutch decimal comma); "" when unknown. */
export function formatShortage(tenths: number | null): string {
  if (tenths === null) return "";
  return `${Math.floor(tenths / 10)}${tenths % 10 ? `,${tenths % 10}` : ""}`;
}

export function planImport(parsed: ParsedImport, snapshot: ImportSnapshot, actor: Actor): ImportPlan {
  const rows: RowPlan[] = [];
  const operations: Operation[] = [];
  if (parsed.kind === "scholen") {
    for (const row of parsed.rows) rows.push(planSchool(row, snapshot, actor, operations));
  } else {
    const context = peopleContext(snapshot);
    for (const row of parsed.rows) rows.push(planPerson(row, snapshot, context, actor, operations));
  }
  const counts: Record<RowStatus, number> = { nieuw: 0, bijgewerkt: 0, ongewijzigd: 0, fout: 0 };
  for (const row of rows) counts[row.status]++;
  return { kind: parsed.kind, rows, operations, counts };
}

function base<T>(row: ParsedRow<T>): RowPlan {
  return { row: row.row, status: "fout", values: row.values, changes: [], notes: [], issues: [...row.issues] };
}

function planSchool(row: ParsedRow<SchoolData>, snapshot: ImportSnapshot, actor: Actor, operations: Operation[]): RowPlan {
  const plan = base(row);
  const data = row.data;
  if (!data) return plan;
  const partnershipId = snapshot.partnership.id;
  const key = `${matchKey(data.name)}|${matchKey(data.city)}`;
  const matches = snapshot.schools.filter((s) => `${matchKey(s.name)}|${matchKey(s.city)}` === key);
  const existing = matches.find((s) => s.name === data.name && s.city === data.city) ?? matches[0];

  if (!existing) {
    plan.status = "nieuw";
    plan.notes.push({ code: "newSchool", params: { partnership: snapshot.partnership.name } });
    operations.push({ op: "createSchool", row: row.row, ...data });
    return plan;
  }

  if (existing.archived) {
    plan.issues.push({ row: row.row, column: "naam", code: "schoolArchived", params: { name: existing.name }, value: data.name });
    return plan;
  }
  if (existing.regionId !== snapshot.partnership.regionId) {
    plan.issues.push({ row: row.row, column: "naam", code: "schoolOtherRegion", value: data.name });
    return plan;
  }
  const linked = existing.partnershipIds.includes(partnershipId);
  // Changing or linking a school that is already someone else's: only with
  // permission on the school's own partnerships (admins), so nobody pulls a
  // school (and its people) into their partnership by uploading its name.
  if (!can(actor, "import:organisation", { partnershipIds: existing.partnershipIds, schoolId: existing.id })) {
    plan.issues.push({ row: row.row, column: "naam", code: "schoolOtherPartnership", value: data.name });
    return plan;
  }
  const update: Extract<Operation, { op: "updateSchool" }> = { op: "updateSchool", row: row.row, schoolId: existing.id, link: !linked };
  if (existing.sector !== data.sector) {
    plan.changes.push({ field: "sector", from: existing.sector, to: data.sector });
    update.sector = data.sector;
  }
  if (existing.board !== data.board) {
    plan.changes.push({ field: "board", from: existing.board, to: data.board });
    update.board = data.board;
  }
  if (data.shortageTenths !== null && existing.shortageTenths !== data.shortageTenths) {
    plan.changes.push({ field: "shortage", from: formatShortage(existing.shortageTenths), to: formatShortage(data.shortageTenths) });
    update.shortageTenths = data.shortageTenths;
  }
  if (!linked) {
    plan.changes.push({ field: "partnership", from: "", to: snapshot.partnership.name });
    plan.notes.push({ code: "linkSchool", params: { partnership: snapshot.partnership.name } });
  }
  if (plan.changes.length === 0) {
    plan.status = "ongewijzigd";
    return plan;
  }
  plan.status = "bijgewerkt";
  operations.push(update);
  return plan;
}

type PeopleContext = {
  /** Schools and institutes of the partnership, by match key of the name. */
  inPartnership: Map<string, OrgCandidate[]>;
  /** All schools and institutes, to tell "not in this partnership" from "unknown". */
  anywhere: Set<string>;
  /** Archived schools and institutes of the partnership, by match key: named, but no new people. */
  archived: Map<string, OrgCandidate[]>;
  usersByEmail: Map<string, SnapshotUser>;
};

function peopleContext(snapshot: ImportSnapshot): PeopleContext {
  const inPartnership = new Map<string, OrgCandidate[]>();
  const anywhere = new Set<string>();
  const archived = new Map<string, OrgCandidate[]>();
  const add = (candidate: OrgCandidate) => {
    const key = matchKey(candidate.name);
    anywhere.add(key);
    if (!candidate.partnershipIds.includes(snapshot.partnership.id)) return;
    const target = candidate.archived ? archived : inPartnership;
    const list = target.get(key);
    if (list) list.push(candidate);
    else target.set(key, [candidate]);
  };
  for (const s of snapshot.schools) add({ kind: "school", id: s.id, name: s.name, city: s.city, partnershipIds: s.partnershipIds, archived: s.archived });
  for (const i of snapshot.institutes) add({ kind: "institute", id: i.id, name: i.name, city: i.city, partnershipIds: i.partnershipIds, archived: i.archived });
  return { inPartnership, anywhere, archived, usersByEmail: new Map(snapshot.users.map((u) => [u.email, u])) };
}

function planPerson(row: ParsedRow<PersonData>, snapshot: ImportSnapshot, context: PeopleContext, actor: Actor, operations: Operation[]): RowPlan {
  const plan = base(row);
  const data = row.data;
  if (!data) return plan;
  const orgColumn = data.role === "student" ? "instituut" : "organisatie";
  const key = matchKey(data.organisation);
  const fitting = (c: OrgCandidate) => data.role !== "student" || c.kind === "institute";
  let candidates = (context.inPartnership.get(key) ?? []).filter(fitting);
  let archived = (context.archived.get(key) ?? []).filter(fitting);
  if (data.city) {
    const sameCity = (c: OrgCandidate) => matchKey(c.city) === matchKey(data.city!);
    const byCity = candidates.filter(sameCity);
    const archivedByCity = archived.filter(sameCity);
    if (byCity.length) candidates = byCity;
    // The named place is an archived school: never fall back to a namesake elsewhere.
    else if (archivedByCity.length) [candidates, archived] = [[], archivedByCity];
  }
  if (candidates.length === 0) {
    if (archived.length) {
      plan.issues.push({ row: row.row, column: orgColumn, code: "orgArchived", params: { name: archived[0]!.name }, value: data.organisation });
      return plan;
    }
    const code = context.anywhere.has(key) ? "orgOutsidePartnership" : "orgUnknown";
    plan.issues.push({
      row: row.row,
      column: orgColumn,
      code,
      params: { name: data.organisation, partnership: snapshot.partnership.name },
      value: data.organisation,
    });
    return plan;
  }
  if (candidates.length > 1) {
    const cities = candidates.map((c) => c.city).join(", ");
    plan.issues.push({ row: row.row, column: orgColumn, code: "orgAmbiguous", params: { name: data.organisation, cities }, value: data.organisation });
    return plan;
  }
  const org = candidates[0]!;
  const belongs = roleBelongsTo(data.role);
  if (belongs !== org.kind) {
    plan.issues.push({
      row: row.row,
      column: "rol",
      code: "roleOrgMismatch",
      params: { role: data.role, name: org.name, kind: org.kind },
      value: data.role,
    });
    return plan;
  }
  const scope = org.kind === "school" ? { partnershipIds: org.partnershipIds, schoolId: org.id } : { partnershipIds: org.partnershipIds, instituteId: org.id };
  if (!can(actor, "import:organisation", scope)) {
    plan.issues.push({ row: row.row, column: orgColumn, code: "orgForbidden", params: { name: org.name }, value: data.organisation });
    return plan;
  }
  const ref: OrgRef = { schoolId: org.kind === "school" ? org.id : null, instituteId: org.kind === "institute" ? org.id : null };
  const sameOrg = (m: OrgRef) => m.schoolId === ref.schoolId && m.instituteId === ref.instituteId;

  const user = context.usersByEmail.get(data.email);
  if (user && snapshot.memberships.some((m) => m.userId === user.id && m.role === data.role && sameOrg(m))) {
    plan.status = "ongewijzigd";
    plan.notes.push({ code: "hasRole", params: { name: org.name } });
    return plan;
  }
  const invitation = snapshot.openInvitations.find((i) => i.email === data.email && i.role === data.role && sameOrg(i));
  if (invitation) {
    if (invitation.name === data.name) {
      plan.status = "ongewijzigd";
      plan.notes.push({ code: "alreadyInvited" });
      return plan;
    }
    plan.status = "bijgewerkt";
    plan.changes.push({ field: "name", from: invitation.name, to: data.name });
    plan.notes.push({ code: "alreadyInvited" });
    operations.push({ op: "renameInvitation", row: row.row, invitationId: invitation.id, name: data.name });
    return plan;
  }
  if (user?.disabled) {
    plan.issues.push({ row: row.row, column: "e-mail", code: "accountDisabled", value: data.email });
    return plan;
  }
  plan.status = "nieuw";
  plan.notes.push({ code: user ? "existingAccount" : "newAccount", params: { name: org.name } });
  operations.push({ op: "invite", row: row.row, email: data.email, name: data.name, role: data.role, org: ref, organisationName: org.name });
  return plan;
}

/** What the confirm will do, as counts for the summary and the toast. */
export function operationCounts(operations: readonly Operation[]) {
  const counts = { schoolsCreated: 0, schoolsUpdated: 0, invitationsCreated: 0, invitationsUpdated: 0 };
  for (const op of operations) {
    if (op.op === "createSchool") counts.schoolsCreated++;
    else if (op.op === "updateSchool") counts.schoolsUpdated++;
    else if (op.op === "invite") counts.invitationsCreated++;
    else counts.invitationsUpdated++;
  }
  return counts;
}
