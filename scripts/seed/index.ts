import { count } from "drizzle-orm";
import { hashPassword } from "../../app/utils/password.server";
import type { DB } from "../../db/client";
import { planSnapshots, questionEvents, questions, regions, users } from "../../db/schema";
import { addMembership, createInstitute, createPartnership, createRegion, createSchool, createUser } from "../../app/models/organisation-admin.server";
import { addProjectMember, createProject } from "../../app/models/project.server";
import { buildDemoPlanState } from "./demo-plan";
import { historyTo } from "./lifecycle-paths";
import { seedMatching } from "./matching";
import { seedResults } from "./results";
import { seedScans } from "./scans";
import { CURRENT_SCHOOL_YEAR, QUESTIONS } from "./questions";
import { INSTITUTES, PARTNERSHIPS, REGION_NAME, SCHOOLS } from "./organisations";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, generatePeople } from "./people";

export type SeedSummary = { seeded: boolean; users: number; schools: number; institutes: number; questions: number };

const NOT_SEEDED: SeedSummary = { seeded: false, users: 0, schools: 0, institutes: 0, questions: 0 };
const DAY = 24 * 3600 * 1000;

/**
 * Loads the demo region into an empty database. Idempotent: when any user or
 * region exists it does nothing, so it is safe to call at every start.
 * Everything is written in one transaction: a failure leaves the database empty.
 */
export async function seedDemo(db: DB): Promise<SeedSummary> {
  if (!isEmpty(db)) return NOT_SEEDED;

  // Hash once: every demo account shares the documented demo password.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const people = [...DEMO_ACCOUNTS, ...generatePeople(SCHOOLS.map((s) => s.key), INSTITUTES.map((i) => i.key))];

  return db.transaction((tx) => {
    // Re-check inside the transaction: another process may have seeded meanwhile.
    if (tx.select({ n: count() }).from(users).get()!.n > 0) {
      return NOT_SEEDED;
    }
    // Organisations and people through the same model functions the app uses.
    const regionId = createRegion({ name: REGION_NAME }, tx);
    const partnershipIds = {
      A: createPartnership({ regionId, name: PARTNERSHIPS.A }, tx),
      B: createPartnership({ regionId, name: PARTNERSHIPS.B }, tx),
    };
    const region = { id: regionId };

    const orgIds = new Map<string, { schoolId?: string; instituteId?: string; partnershipId?: string }>();
    orgIds.set("partnership:A", { partnershipId: partnershipIds.A });
    orgIds.set("partnership:B", { partnershipId: partnershipIds.B });

    for (const school of SCHOOLS) {
      const id = createSchool(
        { regionId, name: school.name, sector: school.sector, board: school.board, city: school.city, partnershipIds: [partnershipIds[school.partnership]] },
        tx,
      );
      orgIds.set(school.key, { schoolId: id });
    }
    for (const institute of INSTITUTES) {
      const id = createInstitute(
        { regionId, name: institute.name, kind: institute.kind, city: institute.city, partnershipIds: institute.partnerships.map((p) => partnershipIds[p]) },
        tx,
      );
      orgIds.set(institute.key, { instituteId: id });
    }

    const userIds = new Map<string, string>();
    // Per organisation, who signs school events and who signs programme events.
    const schoolLeaders = new Map<string, string>();
    const programmeLeaders = new Map<string, string>();
    for (const person of people) {
      const userId = createUser({ email: person.email, name: person.name, passwordHash }, tx);
      userIds.set(person.email, userId);
      for (const m of person.memberships) {
        const org = m.org ? orgIds.get(m.org) : {};
        if (!org) throw new Error(`Seed: onbekende organisatie ${m.org}`);
        addMembership(
          { userId, role: m.role, org: { partnershipId: org.partnershipId ?? null, schoolId: org.schoolId ?? null, instituteId: org.instituteId ?? null } },
          tx,
        );
        if (m.role === "schoolleider" && m.org && !schoolLeaders.has(m.org)) schoolLeaders.set(m.org, userId);
        if (m.role === "programmaleider" && m.org) programmeLeaders.set(m.org.replace("partnership:", ""), userId);
      }
    }

    // Questions with their status history, spread over the past months.
    const questionIds = new Map<string, string>();
    const priorities = new Map<string, number>();
    const now = Date.now();
    QUESTIONS.forEach((q, index) => {
      const school = SCHOOLS.find((s) => s.key === q.school)!;
      const schoolYear = q.schoolYear ?? CURRENT_SCHOOL_YEAR;
      const agendaKey = `${q.school}/${schoolYear}`;
      const priority = (priorities.get(agendaKey) ?? 0) + 1;
      priorities.set(agendaKey, priority);
      const history = historyTo(q.status);
      const createdAt = new Date(now - (120 - index * 2) * DAY).toISOString();
      const row = tx
        .insert(questions)
        .values({
          schoolId: orgIds.get(q.school)!.schoolId!,
          authorId: schoolLeaders.get(q.school) ?? null,
          title: q.title,
          background: q.background,
          desiredOutcome: q.desiredOutcome,
          visionFit: q.visionFit ?? "",
          themeId: q.theme,
          subQuestions: JSON.stringify(q.subQuestions),
          sector: school.sector,
          schoolYear,
          priority,
          studentCapacity: q.studentCapacity ?? 1,
          supervisorName: q.supervisorName ?? "",
          supervisionCapacity: q.studentCapacity ?? 1,
          status: q.status,
          feedback: q.feedback ?? null,
          createdAt,
          updatedAt: createdAt,
        })
        .returning({ id: questions.id })
        .get();
      if (q.key) questionIds.set(q.key, row.id);
      let from: (typeof history)[number]["to"] = "concept";
      history.forEach((step, i) => {
        tx.insert(questionEvents)
          .values({
            questionId: row.id,
            actorId:
              step.by === "school" ? (schoolLeaders.get(q.school) ?? null) : (programmeLeaders.get(school.partnership) ?? null),
            fromStatus: from,
            toStatus: step.to,
            reason: step.to === "teruggestuurd" ? (q.feedback ?? "") : "",
            at: new Date(Date.parse(createdAt) + (i + 1) * 6 * DAY).toISOString(),
          })
          .run();
        from = step.to;
      });
    });

    // The demo project (contract 6.2): student@ and student2@ write, begeleider@ supervises.
    const demoQuestion = QUESTIONS.find((q) => q.key === "demo-project")!;
    const { projectId, planId } = createProject(
      {
        questionId: questionIds.get("demo-project")!,
        schoolId: orgIds.get(demoQuestion.school)!.schoolId!,
        title: demoQuestion.title,
        planTitle: "Onderzoeksplan leesmotivatie groep 6-8",
      },
      tx,
    );
    for (const [email, role] of [
      ["student@demo.nl", "student"],
      ["student2@demo.nl", "student"],
      ["begeleider@demo.nl", "begeleider"],
    ] as const) {
      addProjectMember(projectId, userIds.get(email)!, role, tx);
    }
    const plan = { id: planId };
    // The plan is already partly written (issue 4): its Yjs state as the first snapshot.
    tx.insert(planSnapshots)
      .values({ planId: plan.id, state: Buffer.from(buildDemoPlanState()), throughUpdateId: 0, updatedAt: new Date().toISOString() })
      .run();

    // Results at every visibility level, with actions; expert groups.
    const peopleAt = new Map<string, string>();
    for (const person of people) {
      for (const m of person.memberships) {
        const key = `${m.org}/${m.role}`;
        if (m.org && !peopleAt.has(key)) peopleAt.set(key, userIds.get(person.email)!);
      }
    }
    seedResults(tx, {
      regionId: region.id,
      schoolIdByKey: (key) => orgIds.get(key)!.schoolId!,
      userIdByEmail: (email) => userIds.get(email),
      personAt: (key, role) => peopleAt.get(`${key}/${role}`),
      now,
    });
    seedMatching(tx, {
      partnershipIds,
      schoolIdByKey: (key) => orgIds.get(key)!.schoolId!,
      instituteIdByKey: (key) => orgIds.get(key)!.instituteId!,
      userIdByEmail: (email) => userIds.get(email),
      personAt: (key, role) => peopleAt.get(`${key}/${role}`),
      now,
    });

    // Culture scans over two years and school shortages (issue 7).
    seedScans(tx, { schoolIdByKey: (key) => orgIds.get(key)!.schoolId!, now });

    return {
      seeded: true,
      users: people.length,
      schools: SCHOOLS.length,
      institutes: INSTITUTES.length,
      questions: QUESTIONS.length,
    };
  });
}

function isEmpty(db: DB): boolean {
  const userCount = db.select({ n: count() }).from(users).get()!.n;
  const regionCount = db.select({ n: count() }).from(regions).get()!.n;
  return userCount === 0 && regionCount === 0;
}
