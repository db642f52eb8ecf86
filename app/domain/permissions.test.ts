import { describe, expect, it } from "vitest";
import { ACTIONS, can, type Action, type Actor, type Membership, type OrganisationScope } from "./permissions";
import { ROLES, organisationKindForRole, type Role } from "./roles";

// The organisation tree the table is written against.
const PARTNERSHIP_A = "partnership-a";
const PARTNERSHIP_B = "partnership-b";
const SCHOOL_A1 = "school-a1";
const INSTITUTE_1 = "institute-1";

function membershipFor(role: Role): Membership {
  switch (organisationKindForRole(role)) {
    case "platform":
      return { role };
    case "partnership":
      return { role, partnershipId: PARTNERSHIP_A };
    case "school":
      return { role, schoolId: SCHOOL_A1, partnershipIds: [PARTNERSHIP_A] };
    case "institute":
      return { role, instituteId: INSTITUTE_1, partnershipIds: [PARTNERSHIP_A, PARTNERSHIP_B] };
  }
}

function actorWith(role: Role): Actor {
  return { userId: `user-${role}`, memberships: [membershipFor(role)] };
}

const inOwnPartnership: OrganisationScope = { partnershipIds: [PARTNERSHIP_A], schoolId: SCHOOL_A1 };
const inOtherPartnership: OrganisationScope = { partnershipIds: [PARTNERSHIP_B], schoolId: "school-b1" };

type Row = { action: Action; scope?: OrganisationScope; label: string; allowed: Role[] };

// Every role against every action; a role missing from `allowed` must be refused.
const TABLE: Row[] = [
  { action: "dashboard:view", label: "dashboard", allowed: [...ROLES] },
  { action: "organisations:view", label: "organisation tree", allowed: ["admin", "programmaleider"] },
  { action: "people:view", scope: inOwnPartnership, label: "people, own partnership", allowed: ["admin", "programmaleider"] },
  { action: "people:view", scope: inOtherPartnership, label: "people, other partnership", allowed: ["admin"] },
  { action: "people:view", label: "people, no scope", allowed: ["admin"] },
  { action: "invitation:create", scope: inOwnPartnership, label: "invite", allowed: ["admin"] },
  { action: "invitation:manage", label: "manage invitations", allowed: ["admin"] },
  { action: "audit:view", label: "audit log", allowed: ["admin"] },
];

describe("can(): every role against every action", () => {
  it("covers every action in the table", () => {
    expect(new Set(TABLE.map((row) => row.action))).toEqual(new Set(ACTIONS));
  });

  for (const row of TABLE) {
    for (const role of ROLES) {
      const expected = row.allowed.includes(role);
      it(`${role} ${expected ? "may" : "may not"}: ${row.label}`, () => {
        expect(can(actorWith(role), row.action, row.scope)).toBe(expected);
      });
    }
  }
});

describe("can(): edge cases", () => {
  it("refuses anonymous callers and users without memberships", () => {
    for (const action of ACTIONS) {
      expect(can(null, action)).toBe(false);
      expect(can({ userId: "u", memberships: [] }, action)).toBe(false);
    }
  });

  it("combines memberships: a leraar who is also programmaleider elsewhere", () => {
    const actor: Actor = {
      userId: "u",
      memberships: [
        { role: "leraar", schoolId: SCHOOL_A1, partnershipIds: [PARTNERSHIP_A] },
        { role: "programmaleider", partnershipId: PARTNERSHIP_B },
      ],
    };
    expect(can(actor, "people:view", inOtherPartnership)).toBe(true);
    expect(can(actor, "people:view", inOwnPartnership)).toBe(false);
  });

  it("throws on an action it does not know rather than allowing it", () => {
    expect(() => can(actorWith("admin"), "delete:everything" as Action)).toThrow(/Onbekende actie/);
  });
});
