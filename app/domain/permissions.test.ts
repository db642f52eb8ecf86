import { describe, expect, it } from "vitest";
import { ACTIONS, can, planAccess, transitionActorsFor, type Action, type Actor, type Membership, type OrganisationScope, type PlanScope, type QuestionScope, type ResultScope, type ProjectScope, type ExpertGroupScope, type Scope } from "./permissions";
import { ROLES, organisationKindForRole, type Role } from "./roles";

// The organisation tree the table is written against.
const PARTNERSHIP_A = "partnership-a";
const PARTNERSHIP_B = "partnership-b";
const SCHOOL_A1 = "school-a1";
const INSTITUTE_1 = "institute-1";
const REGION = "region-1";

function membershipFor(role: Role): Membership {
  switch (organisationKindForRole(role)) {
    case "platform":
      return { role };
    case "partnership":
      return { role, partnershipId: PARTNERSHIP_A, regionId: REGION };
    case "school":
      return { role, schoolId: SCHOOL_A1, partnershipIds: [PARTNERSHIP_A], regionId: REGION };
    case "institute":
      return { role, instituteId: INSTITUTE_1, partnershipIds: [PARTNERSHIP_A, PARTNERSHIP_B], regionId: REGION };
  }
}

function actorWith(role: Role): Actor {
  return { userId: `user-${role}`, memberships: [membershipFor(role)] };
}

const inOwnPartnership: OrganisationScope = { partnershipIds: [PARTNERSHIP_A], schoolId: SCHOOL_A1 };
const inOtherPartnership: OrganisationScope = { partnershipIds: [PARTNERSHIP_B], schoolId: "school-b1" };

// The demo project: a student writes, the instituutsopleider supervises, at school A1.
const demoPlan: PlanScope = {
  partnershipIds: [PARTNERSHIP_A],
  schoolId: SCHOOL_A1,
  studentIds: ["user-student"],
  begeleiderIds: ["user-instituutsopleider"],
};
const otherPartnershipPlan: PlanScope = { ...demoPlan, partnershipIds: [PARTNERSHIP_B], schoolId: "school-b1", studentIds: [], begeleiderIds: [] };

const conceptA1: QuestionScope = { partnershipIds: [PARTNERSHIP_A], schoolId: SCHOOL_A1, status: "concept" };
const submittedA1: QuestionScope = { ...conceptA1, status: "ingediend" };
const sentBackA1: QuestionScope = { ...conceptA1, status: "teruggestuurd" };
const submittedB1: QuestionScope = { partnershipIds: [PARTNERSHIP_B], schoolId: "school-b1", status: "ingediend" };
const schoolA1: OrganisationScope = { partnershipIds: [PARTNERSHIP_A], schoolId: SCHOOL_A1 };
const SCHOOL_STAFF: Role[] = ["schoolleider", "onderzoekscoordinator", "schoolopleider", "werkplekbegeleider", "leraar"];
const QUESTION_OWNERS: Role[] = ["schoolleider", "onderzoekscoordinator"];
const INSTITUTE_ROLES: Role[] = ["instituutsopleider", "onderzoeker", "student"];

const resultAt = (visibility: ResultScope["visibility"], where: "A1" | "B1" | "elsewhere"): ResultScope => ({
  visibility,
  schoolId: where === "A1" ? SCHOOL_A1 : where === "B1" ? "school-b1" : "school-x",
  partnershipIds: where === "A1" ? [PARTNERSHIP_A] : where === "B1" ? [PARTNERSHIP_B] : ["partnership-x"],
  regionId: where === "elsewhere" ? "region-2" : REGION,
  projectMemberIds: where === "A1" ? ["user-student"] : [],
});

// The demo project: student "user-student" at school A1.
const projectA1: ProjectScope = { partnershipIds: [PARTNERSHIP_A], schoolId: SCHOOL_A1, projectStudentIds: ["user-student"] };
const groupIn = (regionId: string, membership: ExpertGroupScope["membership"]): ExpertGroupScope => ({ regionId, membership });

type Row = { action: Action; scope?: Scope; label: string; allowed: Role[] };

// Every role against every action; a role missing from `allowed` must be refused.
const TABLE: Row[] = [
  { action: "dashboard:view", label: "dashboard", allowed: [...ROLES] },
  { action: "organisations:view", label: "organisation tree", allowed: ["admin", "programmaleider"] },
  { action: "people:view", scope: inOwnPartnership, label: "people, own partnership", allowed: ["admin", "programmaleider"] },
  { action: "people:view", scope: inOtherPartnership, label: "people, other partnership", allowed: ["admin"] },
  { action: "people:view", label: "people, no scope", allowed: ["admin"] },
  { action: "invitation:create", scope: inOwnPartnership, label: "invite into a school of the own partnership", allowed: ["admin", "programmaleider"] },
  { action: "invitation:create", scope: inOtherPartnership, label: "invite into a school of another partnership", allowed: ["admin"] },
  { action: "invitation:create", scope: { instituteId: INSTITUTE_1, partnershipIds: [PARTNERSHIP_A, PARTNERSHIP_B] }, label: "invite into an institute of the own partnership", allowed: ["admin", "programmaleider"] },
  { action: "invitation:create", scope: { partnershipIds: [PARTNERSHIP_A] }, label: "invite into the own partnership itself (a second programmaleider)", allowed: ["admin", "programmaleider"] },
  { action: "invitation:create", scope: { partnershipIds: [PARTNERSHIP_B] }, label: "invite into another partnership itself", allowed: ["admin"] },
  { action: "invitation:create", scope: { partnershipIds: [PARTNERSHIP_A, PARTNERSHIP_B] }, label: "invite into two partnerships at once", allowed: ["admin"] },
  { action: "invitation:create", scope: { partnershipIds: [] }, label: "invite into the platform", allowed: ["admin"] },
  { action: "organisation:create", label: "create or rename a region, partnership, school or institute", allowed: ["admin"] },
  { action: "organisation:add-member", scope: { partnershipIds: [PARTNERSHIP_A] }, label: "add a school or institute to the own partnership", allowed: ["admin", "programmaleider"] },
  { action: "organisation:add-member", scope: { partnershipIds: [PARTNERSHIP_A, PARTNERSHIP_B] }, label: "add a school to the own and another partnership", allowed: ["admin"] },
  { action: "organisation:add-member", scope: { partnershipIds: [] }, label: "add a school to no partnership", allowed: ["admin"] },
  { action: "organisation:link", scope: { partnershipIds: [PARTNERSHIP_A] }, label: "link a school to the own partnership", allowed: ["admin", "programmaleider"] },
  { action: "organisation:link", scope: { partnershipIds: [PARTNERSHIP_B] }, label: "link a school to another partnership", allowed: ["admin"] },
  { action: "organisation:link", label: "link without a partnership", allowed: ["admin"] },
  { action: "invitation:manage", label: "open the invitations page", allowed: ["admin", "programmaleider"] },
  { action: "invitation:manage", scope: inOwnPartnership, label: "see and withdraw an invitation into a school of the own partnership", allowed: ["admin", "programmaleider"] },
  { action: "invitation:manage", scope: inOtherPartnership, label: "see and withdraw an invitation into another partnership's school", allowed: ["admin"] },
  { action: "invitation:manage", scope: { partnershipIds: [] }, label: "see and withdraw an invitation into the platform", allowed: ["admin"] },
  { action: "audit:view", label: "audit log", allowed: ["admin"] },
  { action: "metrics:view", label: "collaboration metrics", allowed: ["admin"] },
  { action: "account:manage", label: "own account page", allowed: [...ROLES] },
  { action: "mail:view-queue", label: "mail queue", allowed: ["admin"] },
  { action: "partnership:set-sso-only", label: "turn passwords off for a partnership", allowed: ["admin"] },
  {
    action: "plan:read",
    scope: demoPlan,
    label: "read the demo plan",
    allowed: ["admin", "programmaleider", "schoolleider", "onderzoekscoordinator", "schoolopleider", "instituutsopleider", "student"],
  },
  {
    action: "plan:comment",
    scope: demoPlan,
    label: "comment on the demo plan",
    allowed: ["schoolleider", "onderzoekscoordinator", "schoolopleider", "instituutsopleider", "student"],
  },
  { action: "plan:edit", scope: demoPlan, label: "edit the demo plan", allowed: ["student"] },
  { action: "plan:read", scope: otherPartnershipPlan, label: "read a plan elsewhere", allowed: ["admin"] },
  { action: "plan:read", label: "read a plan without scope", allowed: [] },
  { action: "plan:sign-off-ethics", scope: demoPlan, label: "sign off the demo plan's ethics checklist", allowed: ["instituutsopleider"] },
  { action: "plan:sign-off-ethics", scope: otherPartnershipPlan, label: "sign off a plan one does not supervise", allowed: [] },
  { action: "proposal:create", scope: schoolA1, label: "propose a question to the leadership of A1", allowed: ["leraar", "schoolopleider"] },
  { action: "proposal:create", scope: { schoolId: "school-b1", partnershipIds: [PARTNERSHIP_B] }, label: "propose a question at B1", allowed: [] },
  { action: "proposal:decide", scope: schoolA1, label: "adopt or decline a proposal at A1", allowed: QUESTION_OWNERS },
  { action: "proposal:decide", scope: { schoolId: "school-b1", partnershipIds: [PARTNERSHIP_B] }, label: "decide on a proposal at B1", allowed: [] },
  { action: "questions:browse", label: "browse questions", allowed: [...ROLES] },
  { action: "question:view", scope: conceptA1, label: "see a concept of school A1", allowed: SCHOOL_STAFF },
  { action: "question:view", scope: submittedA1, label: "see a submitted question of A1", allowed: [...ROLES] },
  { action: "question:view", scope: submittedB1, label: "see a submitted question in partnership B", allowed: ["admin", ...INSTITUTE_ROLES] },
  { action: "question:view", label: "see a question without scope", allowed: [] },
  { action: "question:create", scope: schoolA1, label: "write a question for A1", allowed: QUESTION_OWNERS },
  { action: "question:create", scope: { schoolId: "school-b1", partnershipIds: [PARTNERSHIP_B] }, label: "write a question for B1", allowed: [] },
  { action: "question:edit", scope: conceptA1, label: "edit a concept of A1", allowed: QUESTION_OWNERS },
  { action: "question:edit", scope: sentBackA1, label: "edit a sent-back question of A1", allowed: QUESTION_OWNERS },
  { action: "question:edit", scope: submittedA1, label: "edit a submitted question of A1", allowed: [] },
  { action: "question:act-as-school", scope: submittedA1, label: "act as the school of A1", allowed: QUESTION_OWNERS },
  { action: "question:act-as-programme", scope: submittedA1, label: "act as programme on A1", allowed: ["admin", "programmaleider"] },
  { action: "question:act-as-programme", scope: conceptA1, label: "act as programme on a concept", allowed: [] },
  { action: "question:act-as-programme", scope: submittedB1, label: "act as programme in partnership B", allowed: ["admin"] },
  { action: "question:start-teacher-research", scope: { ...submittedA1, status: "open" }, label: "give an open A1 question to teachers or a lab", allowed: [...QUESTION_OWNERS, "admin", "programmaleider"] },
  { action: "question:start-teacher-research", scope: submittedA1, label: "give a submitted (not yet open) A1 question to teachers", allowed: [] },
  { action: "question:start-teacher-research", scope: { ...submittedB1, status: "open" }, label: "give an open B1 question to teachers", allowed: ["admin"] },
  { action: "question:triage", label: "see the triage queue", allowed: ["admin", "programmaleider"] },
  { action: "agenda:view", scope: schoolA1, label: "see the agenda of A1", allowed: [...SCHOOL_STAFF, "admin", "programmaleider"] },
  { action: "agenda:edit", scope: schoolA1, label: "reorder the agenda of A1", allowed: QUESTION_OWNERS },
  // Results: every visibility level against every role and organisation relation.
  { action: "result:view", scope: resultAt("school", "A1"), label: "a school-only result of A1 (own school / project)", allowed: [...SCHOOL_STAFF, "student"] },
  { action: "result:view", scope: resultAt("school", "B1"), label: "a school-only result of B1 (elsewhere)", allowed: [] },
  { action: "result:view", scope: resultAt("partnership", "A1"), label: "a partnership result of A1 (same partnership)", allowed: [...ROLES] },
  { action: "result:view", scope: resultAt("partnership", "B1"), label: "a partnership result of B1 (other partnership)", allowed: ["admin", ...INSTITUTE_ROLES] },
  { action: "result:view", scope: resultAt("region", "B1"), label: "a region result in the same region", allowed: [...ROLES] },
  { action: "result:view", scope: resultAt("region", "elsewhere"), label: "a region result of another region", allowed: ["admin"] },
  { action: "result:view", scope: resultAt("public", "elsewhere"), label: "a public result anywhere", allowed: [...ROLES] },
  { action: "result:manage-actions", scope: resultAt("school", "A1"), label: "manage actions of an A1 result", allowed: QUESTION_OWNERS },
  // Actions spread ownership (issue 20): the school's owners, or the action's owner while they work at the school.
  { action: "action:update-status", scope: { ...schoolA1, actionOwnerId: "user-leraar" }, label: "update an A1 action a leraar owns", allowed: [...QUESTION_OWNERS, "leraar"] },
  { action: "action:update-status", scope: { ...schoolA1, actionOwnerId: "user-werkplekbegeleider" }, label: "update an A1 action a werkplekbegeleider owns", allowed: [...QUESTION_OWNERS, "werkplekbegeleider"] },
  { action: "action:update-status", scope: { ...schoolA1, actionOwnerId: null }, label: "update an A1 action nobody owns", allowed: QUESTION_OWNERS },
  { action: "action:update-status", scope: { schoolId: "school-b1", partnershipIds: [PARTNERSHIP_B], actionOwnerId: "user-leraar" }, label: "update a B1 action 'owned' by an A1 leraar", allowed: [] },
  { action: "result:publish", scope: projectA1, label: "publish a result of the demo project", allowed: [...QUESTION_OWNERS, "student"] },
  { action: "result:publish", scope: { ...projectA1, schoolId: "school-b1", partnershipIds: [PARTNERSHIP_B], projectStudentIds: [] }, label: "publish a result of a project elsewhere", allowed: [] },
  { action: "result:set-visibility", scope: resultAt("public", "A1"), label: "change the visibility of an A1 result (owners, project)", allowed: [...QUESTION_OWNERS, "student"] },
  { action: "result:set-visibility", scope: resultAt("public", "B1"), label: "change the visibility of a B1 result", allowed: [] },
  { action: "expertgroups:view", label: "see expert groups", allowed: [...ROLES] },
  { action: "expertgroup:view", scope: groupIn(REGION, null), label: "see a group of the own region", allowed: [...ROLES] },
  { action: "expertgroup:view", scope: groupIn("region-2", null), label: "see a group of another region", allowed: ["admin"] },
  { action: "expertgroup:join", scope: groupIn(REGION, null), label: "join a group of the own region", allowed: [...ROLES] },
  { action: "expertgroup:join", scope: groupIn(REGION, { role: "member", status: "requested" }), label: "join a group one asked to join already", allowed: [] },
  { action: "expertgroup:post", scope: groupIn(REGION, { role: "member", status: "active" }), label: "post in a group as a member", allowed: [...ROLES] },
  { action: "expertgroup:post", scope: groupIn(REGION, { role: "member", status: "requested" }), label: "post in a group while the request waits", allowed: [] },
  { action: "expertgroup:moderate", scope: groupIn(REGION, { role: "moderator", status: "active" }), label: "moderate as the group's moderator", allowed: [...ROLES] },
  { action: "expertgroup:moderate", scope: groupIn(REGION, { role: "member", status: "active" }), label: "moderate as a plain member", allowed: [] },
  // Culture scan and dashboards (issue 7).
  { action: "scan:view", scope: schoolA1, label: "see the scan of A1", allowed: [...SCHOOL_STAFF, "admin", "programmaleider"] },
  { action: "scan:view", scope: { schoolId: "school-b1", partnershipIds: [PARTNERSHIP_B] }, label: "see the scan of B1", allowed: ["admin"] },
  { action: "scan:respond", scope: schoolA1, label: "fill in the scan of A1", allowed: SCHOOL_STAFF },
  { action: "scan:respond", scope: { schoolId: "school-b1", partnershipIds: [PARTNERSHIP_B] }, label: "fill in the scan of B1", allowed: [] },
  { action: "scan:manage", scope: schoolA1, label: "open, agree and close the scan of A1", allowed: QUESTION_OWNERS },
  { action: "dashboard:region", label: "the region dashboard", allowed: ["admin", "programmaleider"] },
  { action: "dashboard:region", scope: { partnershipIds: [PARTNERSHIP_B] }, label: "the dashboard of partnership B", allowed: ["admin"] },
  { action: "dashboard:school", scope: schoolA1, label: "the school dashboard of A1", allowed: [...QUESTION_OWNERS, "admin", "programmaleider"] },
  { action: "labs:view", label: "see labs and the matching page", allowed: [...ROLES] },
  { action: "round:manage", scope: { partnershipIds: [PARTNERSHIP_A] }, label: "run partnership A's round", allowed: ["admin", "programmaleider"] },
  { action: "round:manage", scope: { partnershipIds: [PARTNERSHIP_B] }, label: "run partnership B's round", allowed: ["admin"] },
  { action: "partnership:settings", scope: { partnershipIds: [PARTNERSHIP_A] }, label: "settings of partnership A", allowed: ["admin", "programmaleider"] },
  { action: "partnership:settings", scope: { partnershipIds: [PARTNERSHIP_B] }, label: "settings of partnership B", allowed: ["admin"] },
  { action: "partnership:settings", label: "partnership settings without scope", allowed: ["admin"] },
  { action: "round:rank", scope: { partnershipIds: [PARTNERSHIP_A] }, label: "rank in partnership A's round", allowed: ["student"] },
  { action: "round:rank", scope: { partnershipIds: ["partnership-x"] }, label: "rank in another partnership's round", allowed: [] },
  { action: "profile:edit", label: "keep a student profile", allowed: ["student"] },
  { action: "proposal:respond-school", scope: schoolA1, label: "answer a proposal for A1", allowed: QUESTION_OWNERS },
  // Onboarding by import (issue 7).
  { action: "import:use", label: "open the import page", allowed: ["admin", "programmaleider"] },
  { action: "import:partnership", scope: { partnershipIds: [PARTNERSHIP_A] }, label: "import into partnership A", allowed: ["admin", "programmaleider"] },
  { action: "import:partnership", scope: { partnershipIds: [PARTNERSHIP_B] }, label: "import into partnership B", allowed: ["admin"] },
  { action: "import:partnership", label: "import without a partnership", allowed: ["admin"] },
  { action: "import:organisation", scope: schoolA1, label: "change school A1 or add people to it by import", allowed: ["admin", "programmaleider"] },
  { action: "import:organisation", scope: { schoolId: "school-b1", partnershipIds: [PARTNERSHIP_B] }, label: "change school B1 by import", allowed: ["admin"] },
  { action: "import:organisation", scope: { instituteId: INSTITUTE_1, partnershipIds: [PARTNERSHIP_A, PARTNERSHIP_B] }, label: "add people to an institute shared with A", allowed: ["admin", "programmaleider"] },
  { action: "import:organisation", scope: { schoolId: "school-orphan", partnershipIds: [] }, label: "change a school outside every partnership", allowed: ["admin"] },
  // Personal data (issue 22).
  { action: "personal-data:export-own", label: "download one's own data", allowed: [...ROLES] },
  { action: "person:export", label: "download someone else's data", allowed: ["admin"] },
  { action: "person:erase", label: "erase a person", allowed: ["admin"] },
  { action: "retention:manage", label: "see the erasure schedule and run the pruning", allowed: ["admin"] },
  // Running a partnership year (issue 19).
  { action: "person:manage", label: "change roles, deactivate and reactivate people", allowed: ["admin"] },
  { action: "lab:manage", scope: { partnershipIds: [PARTNERSHIP_A] }, label: "manage partnership A's labs", allowed: ["admin", "programmaleider"] },
  { action: "lab:manage", scope: { partnershipIds: [PARTNERSHIP_B] }, label: "manage partnership B's labs", allowed: ["admin"] },
  { action: "project:manage-members", scope: schoolA1, label: "add or remove begeleiders of a project at A1", allowed: ["admin", "programmaleider"] },
  { action: "project:manage-members", scope: inOtherPartnership, label: "add or remove begeleiders of a project at B1", allowed: ["admin"] },
  { action: "year:close", scope: { partnershipIds: [PARTNERSHIP_A] }, label: "close partnership A's schooljaar", allowed: ["admin", "programmaleider"] },
  { action: "year:close", scope: { partnershipIds: [PARTNERSHIP_B] }, label: "close partnership B's schooljaar", allowed: ["admin"] },
  { action: "expertgroup:create", scope: groupIn(REGION, null), label: "create an expert group in the own region", allowed: ["admin", "programmaleider"] },
  { action: "expertgroup:create", scope: groupIn("region-2", null), label: "create an expert group in another region", allowed: ["admin"] },
  { action: "expertgroup:manage", scope: groupIn(REGION, { role: "moderator", status: "active" }), label: "manage a group one moderates", allowed: [...ROLES] },
  { action: "expertgroup:manage", scope: groupIn(REGION, { role: "member", status: "active" }), label: "manage a group one is a member of", allowed: ["admin"] },
  { action: "expertgroup:meet", scope: groupIn(REGION, { role: "member", status: "active" }), label: "plan a meeting as an active member", allowed: [...ROLES] },
  { action: "expertgroup:meet", scope: groupIn(REGION, { role: "member", status: "requested" }), label: "plan a meeting while the request is open", allowed: [] },
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
  it("refuses anonymous callers and users without memberships, except about their own data", () => {
    const selfService = ["personal-data:export-own", "account:manage"];
    for (const action of ACTIONS.filter((a) => a !== "result:view")) {
      expect(can(null, action)).toBe(false);
      expect(can({ userId: "u", memberships: [] }, action)).toBe(selfService.includes(action));
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

  it("lets anonymous visitors read public results and nothing else", () => {
    expect(can(null, "result:view", resultAt("public", "A1"))).toBe(true);
    for (const visibility of ["school", "partnership", "region"] as const) {
      expect(can(null, "result:view", resultAt(visibility, "A1"))).toBe(false);
    }
  });

  it("lets a schoolleider act as school only for their own school", () => {
    expect(transitionActorsFor(actorWith("schoolleider"), submittedA1)).toEqual(["school"]);
    expect(transitionActorsFor(actorWith("schoolleider"), submittedB1)).toEqual([]);
    expect(transitionActorsFor(actorWith("programmaleider"), submittedA1)).toEqual(["programme"]);
    expect(transitionActorsFor(actorWith("student"), submittedA1)).toEqual([]);
  });

  it("gives plan access by project role first, then by organisation", () => {
    expect(planAccess(actorWith("student"), demoPlan)).toBe("edit");
    expect(planAccess({ userId: "another-student", memberships: [membershipFor("student")] }, demoPlan)).toBeNull();
    expect(planAccess(actorWith("instituutsopleider"), demoPlan)).toBe("comment");
    expect(planAccess(actorWith("schoolleider"), demoPlan)).toBe("comment");
    expect(planAccess(actorWith("onderzoekscoordinator"), demoPlan)).toBe("comment");
    expect(planAccess(actorWith("schoolopleider"), demoPlan)).toBe("comment");
    expect(planAccess(actorWith("programmaleider"), demoPlan)).toBe("read");
    expect(planAccess(actorWith("admin"), demoPlan)).toBe("read");
    // A werkplekbegeleider comments once added to the project, not before.
    expect(planAccess(actorWith("werkplekbegeleider"), demoPlan)).toBeNull();
    expect(planAccess(actorWith("werkplekbegeleider"), { ...demoPlan, begeleiderIds: ["user-werkplekbegeleider"] })).toBe("comment");
    // Teacher research: the school's teachers who write the plan edit it.
    expect(planAccess(actorWith("leraar"), { ...demoPlan, teacherIds: ["user-leraar"] })).toBe("edit");
    expect(planAccess(actorWith("leraar"), demoPlan)).toBeNull();
    expect(planAccess(null, demoPlan)).toBeNull();
    // A schoolleider who is also a student on the project writes.
    const both: Actor = { userId: "user-student", memberships: [membershipFor("schoolleider")] };
    expect(planAccess(both, demoPlan)).toBe("edit");
  });

  it("lets a programmaleider of two partnerships import into both, and one of B only into B", () => {
    const both: Actor = { userId: "u", memberships: [{ role: "programmaleider", partnershipId: PARTNERSHIP_A }, { role: "programmaleider", partnershipId: PARTNERSHIP_B }] };
    expect(can(both, "import:partnership", { partnershipIds: [PARTNERSHIP_B] })).toBe(true);
    const onlyB: Actor = { userId: "v", memberships: [{ role: "programmaleider", partnershipId: PARTNERSHIP_B }] };
    expect(can(onlyB, "import:partnership", { partnershipIds: [PARTNERSHIP_A] })).toBe(false);
    expect(can(onlyB, "import:organisation", schoolA1)).toBe(false);
    // A schoolleider who leads nothing may not import, even into their own school's partnership.
    expect(can(actorWith("schoolleider"), "import:partnership", { partnershipIds: [PARTNERSHIP_A] })).toBe(false);
  });

  it("throws on an action it does not know rather than allowing it", () => {
    expect(() => can(actorWith("admin"), "delete:everything" as Action)).toThrow(/Onbekende actie/);
  });
});
