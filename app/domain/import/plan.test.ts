import { describe, expect, it } from "vitest";
import type { Actor } from "../permissions";
import { parseImport, type ParsedImport } from "./parse";
import { planImport, operationCounts, type ImportSnapshot } from "./plan";
import { readCsv } from "./read-text";
import type { ImportKind, RawTable } from "./types";

const P_A = "p-a";
const P_B = "p-b";
const admin: Actor = { userId: "admin", memberships: [{ role: "admin" }] };
const leaderA: Actor = { userId: "pl", memberships: [{ role: "programmaleider", partnershipId: P_A }] };

const snapshot = (over: Partial<ImportSnapshot> = {}): ImportSnapshot => ({
  partnership: { id: P_A, name: "Partnerschap A", regionId: "r1" },
  schools: [
    { id: "s1", name: "De Linde", city: "Gouda", sector: "po", board: "Stichting Een", regionId: "r1", partnershipIds: [P_A], shortageTenths: 10 },
    { id: "s2", name: "Het Baken", city: "Ede", sector: "so", board: "Stichting Twee", regionId: "r1", partnershipIds: [P_B], shortageTenths: null },
    { id: "s3", name: "De Linde", city: "Ede", sector: "po", board: "Stichting Een", regionId: "r1", partnershipIds: [P_A], shortageTenths: null },
    { id: "s4", name: "Ver Weg", city: "Elders", sector: "vo", board: "X", regionId: "r2", partnershipIds: [], shortageTenths: null },
  ],
  institutes: [{ id: "i1", name: "Hogeschool Rivierland – Pabo", city: "Lingestad", partnershipIds: [P_A, P_B] }],
  users: [
    { id: "u1", email: "bestaand@x.nl", disabled: false },
    { id: "u2", email: "geblokkeerd@x.nl", disabled: true },
  ],
  memberships: [{ userId: "u1", role: "leraar", schoolId: "s1", instituteId: null }],
  openInvitations: [{ id: "inv1", email: "uitgenodigd@x.nl", name: "Oude Naam", role: "student", schoolId: null, instituteId: "i1" }],
  ...over,
});

function parsed(kind: ImportKind, csv: string): ParsedImport {
  const raw = readCsv(new TextEncoder().encode(csv)) as RawTable;
  const result = parseImport(kind, raw);
  if ("code" in result) throw new Error(result.code);
  return result;
}

describe("planImport: schools", () => {
  const csv = [
    "naam;plaats;sector;bestuur;tekort",
    "De Linde;Gouda;po;Stichting Een;1", // unchanged (case and shortage the same)
    "de linde;GOUDA;po;Stichting Een;1", // duplicate in the file
  ].join("\n");

  it("matches on name and city, case-insensitively; the same data is unchanged", () => {
    const plan = planImport(parsed("scholen", "naam;plaats;sector;bestuur;tekort\nde linde;gouda;po;Stichting Een;1,0"), snapshot(), admin);
    expect(plan.rows[0]).toMatchObject({ status: "ongewijzigd", changes: [] });
    expect(plan.operations).toEqual([]);
    expect(planImport(parsed("scholen", csv), snapshot(), admin).counts.fout).toBe(2);
  });

  it("creates new schools and updates changed ones, listing each change", () => {
    const plan = planImport(
      parsed("scholen", "naam;plaats;sector;bestuur;tekort\nNieuw;Gouda;vo;Stichting Drie;\nDe Linde;Gouda;po;Stichting Vier;2,5\nDe Linde;Ede;po;Stichting Een;"),
      snapshot(),
      leaderA,
    );
    expect(plan.rows.map((r) => r.status)).toEqual(["nieuw", "bijgewerkt", "ongewijzigd"]);
    expect(plan.rows[1]!.changes).toEqual([
      { field: "board", from: "Stichting Een", to: "Stichting Vier" },
      { field: "shortage", from: "1", to: "2,5" },
    ]);
    expect(plan.operations).toEqual([
      { op: "createSchool", row: 2, name: "Nieuw", city: "Gouda", sector: "vo", board: "Stichting Drie", shortageTenths: null },
      { op: "updateSchool", row: 3, schoolId: "s1", board: "Stichting Vier", shortageTenths: 25, link: false },
    ]);
    expect(operationCounts(plan.operations)).toEqual({ schoolsCreated: 1, schoolsUpdated: 1, invitationsCreated: 0, invitationsUpdated: 0 });
  });

  it("lets only an admin link a school of another partnership; never one of another region", () => {
    const file = parsed("scholen", "naam;plaats;sector;bestuur\nHet Baken;Ede;so;Stichting Twee\nVer Weg;Elders;vo;X");
    const asLeader = planImport(file, snapshot(), leaderA);
    expect(asLeader.rows.map((r) => r.issues.map((i) => i.code))).toEqual([["schoolOtherPartnership"], ["schoolOtherRegion"]]);
    expect(asLeader.operations).toEqual([]);
    const asAdmin = planImport(file, snapshot(), admin);
    expect(asAdmin.rows[0]).toMatchObject({ status: "bijgewerkt", changes: [{ field: "partnership", from: "", to: "Partnerschap A" }] });
    expect(asAdmin.operations).toEqual([{ op: "updateSchool", row: 2, schoolId: "s2", link: true }]);
    expect(asAdmin.rows[1]!.status).toBe("fout");
  });
});

describe("planImport: people", () => {
  it("invites new people, leaves existing roles and open invitations alone, renames an open invitation", () => {
    const plan = planImport(
      parsed(
        "studenten",
        [
          "naam;e-mail;instituut",
          "Nieuwe Student;nieuw@x.nl;hogeschool rivierland - pabo",
          "Nieuwe Naam;uitgenodigd@x.nl;Hogeschool Rivierland – Pabo",
          "Bestaand;bestaand@x.nl;Hogeschool Rivierland – Pabo",
        ].join("\n"),
      ),
      snapshot(),
      leaderA,
    );
    expect(plan.rows.map((r) => r.status)).toEqual(["nieuw", "bijgewerkt", "nieuw"]);
    expect(plan.rows[0]!.notes).toEqual([{ code: "newAccount", params: { name: "Hogeschool Rivierland – Pabo" } }]);
    expect(plan.rows[2]!.notes[0]!.code).toBe("existingAccount");
    expect(plan.operations).toEqual([
      { op: "invite", row: 2, email: "nieuw@x.nl", name: "Nieuwe Student", role: "student", org: { schoolId: null, instituteId: "i1" }, organisationName: "Hogeschool Rivierland – Pabo" },
      { op: "renameInvitation", row: 3, invitationId: "inv1", name: "Nieuwe Naam" },
      { op: "invite", row: 4, email: "bestaand@x.nl", name: "Bestaand", role: "student", org: { schoolId: null, instituteId: "i1" }, organisationName: "Hogeschool Rivierland – Pabo" },
    ]);
  });

  it("is idempotent: someone with the role, or an open invitation with the same name, is unchanged", () => {
    const plan = planImport(
      parsed("medewerkers", "naam;e-mail;rol;organisatie;plaats\nJan;bestaand@x.nl;leraar;De Linde;Gouda"),
      snapshot(),
      leaderA,
    );
    expect(plan.rows[0]).toMatchObject({ status: "ongewijzigd", notes: [{ code: "hasRole" }] });
    const students = planImport(parsed("studenten", "naam;e-mail;instituut\nOude Naam;uitgenodigd@x.nl;Hogeschool Rivierland – Pabo"), snapshot(), leaderA);
    expect(students.rows[0]).toMatchObject({ status: "ongewijzigd", notes: [{ code: "alreadyInvited" }] });
    expect(students.operations).toEqual([]);
  });

  it("resolves the organisation within the partnership only, asking for the city when the name is ambiguous", () => {
    const plan = planImport(
      parsed(
        "medewerkers",
        [
          "naam;e-mail;rol;organisatie;plaats",
          "A;a@x.nl;leraar;De Linde;",
          "B;b@x.nl;leraar;De Linde;Ede",
          "C;c@x.nl;leraar;Het Baken;",
          "D;d@x.nl;leraar;Bestaat Niet;",
          "E;e@x.nl;leraar;Hogeschool Rivierland – Pabo;",
          "F;f@x.nl;onderzoeker;Hogeschool Rivierland – Pabo;",
          "G;geblokkeerd@x.nl;leraar;De Linde;Gouda",
        ].join("\n"),
      ),
      snapshot(),
      leaderA,
    );
    expect(plan.rows.map((r) => [r.status, r.issues.map((i) => i.code)])).toEqual([
      ["fout", ["orgAmbiguous"]],
      ["nieuw", []],
      ["fout", ["orgOutsidePartnership"]],
      ["fout", ["orgUnknown"]],
      ["fout", ["roleOrgMismatch"]],
      ["nieuw", []],
      ["fout", ["accountDisabled"]],
    ]);
    expect(plan.rows[0]!.issues[0]!.params).toMatchObject({ cities: "Gouda, Ede" });
    // The error report repeats the cell the problem is about.
    expect(plan.rows.filter((r) => r.status === "fout").map((r) => r.issues[0]!.value)).toEqual([
      "De Linde",
      "Het Baken",
      "Bestaat Niet",
      "leraar",
      "geblokkeerd@x.nl",
    ]);
    expect(plan.operations.map((o) => (o.op === "invite" ? o.org : null))).toEqual([
      { schoolId: "s3", instituteId: null },
      { schoolId: null, instituteId: "i1" },
    ]);
  });

  it("refuses people at an organisation of the partnership when the permission module says no", () => {
    const leaderB: Actor = { userId: "pb", memberships: [{ role: "programmaleider", partnershipId: P_B }] };
    const plan = planImport(parsed("studenten", "naam;e-mail;instituut\nX Y;xy@x.nl;Hogeschool Rivierland – Pabo"), snapshot({ institutes: [{ id: "i1", name: "Hogeschool Rivierland – Pabo", city: "L", partnershipIds: [P_A] }] }), leaderB);
    expect(plan.rows[0]!.issues.map((i) => i.code)).toEqual(["orgForbidden"]);
  });
});

describe("planImport: archived schools and institutes (issue 19)", () => {
  const archived = () =>
    snapshot({
      schools: snapshot().schools.map((s) => (s.id === "s1" ? { ...s, archived: true } : s)),
      institutes: [{ id: "i1", name: "Hogeschool Rivierland – Pabo", city: "Lingestad", partnershipIds: [P_A, P_B], archived: true }],
    });

  it("refuses a school row that names an archived school, instead of updating or recreating it", () => {
    const plan = planImport(parsed("scholen", "naam;plaats;sector;bestuur\nDe Linde;Gouda;vo;Stichting Vier"), archived(), admin);
    expect(plan.rows[0]).toMatchObject({ status: "fout", issues: [{ row: 2, column: "naam", code: "schoolArchived", params: { name: "De Linde" } }] });
    expect(plan.operations).toEqual([]);
  });

  it("refuses people for an archived school or institute, per row, and still plans the others", () => {
    const plan = planImport(
      parsed("medewerkers", "naam;e-mail;rol;organisatie;plaats\nA;a@x.nl;leraar;De Linde;Gouda\nB;b@x.nl;leraar;De Linde;Ede"),
      archived(),
      leaderA,
    );
    expect(plan.rows[0]).toMatchObject({ status: "fout", issues: [{ column: "organisatie", code: "orgArchived" }] });
    expect(plan.rows[1]!.status).toBe("nieuw");
    const students = planImport(parsed("studenten", "naam;e-mail;instituut\nS;s@x.nl;Hogeschool Rivierland – Pabo"), archived(), leaderA);
    expect(students.rows[0]).toMatchObject({ status: "fout", issues: [{ column: "instituut", code: "orgArchived" }] });
  });
});
