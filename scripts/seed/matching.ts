import { amsterdamDate, endOfDayInAmsterdam } from "../../app/domain/dates";
import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { matchingRounds, memberships, questions, roundRankings, roundSchoolSettings, partnershipSchools, users } from "../../db/schema";
import { addLabMember, createLab, setQuestionLab, type NewLab } from "../../app/models/lab.server";
import { saveStudentProfile } from "../../app/models/student-profile.server";
import { seededRandom } from "./people";

type Ctx = {
  partnershipIds: { A: string; B: string };
  schoolIdByKey: (key: string) => string;
  instituteIdByKey: (key: string) => string;
  userIdByEmail: (email: string) => string | undefined;
  personAt: (key: string, role: string) => string | undefined;
  now: number;
};

const DAY = 24 * 3600 * 1000;
const PROGRAMMES: Record<string, string[]> = {
  PABO: ["Pabo voltijd", "Pabo deeltijd", "Pabo academische route"],
  ILVO: ["Leraar Nederlands tweedegraads", "Leraar wiskunde tweedegraads", "Leraar geschiedenis tweedegraads", "Leraar biologie tweedegraads"],
};
const CITIES = ["Lingestad", "Oeverbeek", "Dijkzicht", "Polderveen", "Waalhaven", "Uiterwaard"];

/**
 * Student profiles for every student, three learning labs, lab-attached
 * questions and an open matching round in partnership A in which most
 * students (not student3@demo.nl) have ranked their choices.
 */
export function seedMatching(tx: DbOrTx, ctx: Ctx) {
  const random = seededRandom(7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const themeIds = ["lezen-en-taal", "rekenen-en-wiskunde", "burgerschap", "ict-digitale-geletterdheid", "passend-onderwijs", "differentiatie", "welbevinden-gedrag", "loopbaanorientatie"];

  const students = tx
    .select({ userId: memberships.userId, instituteId: memberships.instituteId, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.role, "student"))
    .all();
  const instituteKeyById = new Map([
    [ctx.instituteIdByKey("PABO"), "PABO"],
    [ctx.instituteIdByKey("ILVO"), "ILVO"],
  ]);
  for (const s of students) {
    const key = instituteKeyById.get(s.instituteId ?? "") ?? "PABO";
    saveStudentProfile(
      s.userId,
      s.instituteId,
      {
        programme: pick(PROGRAMMES[key]!),
        studyYear: 2 + Math.floor(random() * 3),
        themeIds: [pick(themeIds), pick(themeIds)].filter((v, i, a) => a.indexOf(v) === i),
        sectors: key === "PABO" ? ["po", "so"] : ["vo", "mbo"],
        availability: pick(["voorjaar", "najaar", "heel-jaar"]),
        homeCity: pick(CITIES),
      },
      { db: tx, at: new Date(ctx.now - 20 * DAY) },
    );
  }

  const lab = (values: NewLab, supervisors: (string | undefined)[]) =>
    createLab(values, supervisors.filter((id): id is string => !!id), tx);
  const readingLab = lab(
    {
      partnershipId: ctx.partnershipIds.A,
      name: "Werkplaats Taal en lezen Lingestad",
      description: "Studenten en leraren onderzoeken samen hoe leesmotivatie en begrijpend lezen sterker worden.",
      hostSchoolId: ctx.schoolIdByKey("A1"),
      themeIds: ["lezen-en-taal", "meertaligheid-nt2"],
      seats: 4,
      periodStart: "2027-02-01",
      periodEnd: "2027-06-30",
    },
    [ctx.userIdByEmail("begeleider@demo.nl"), ctx.personAt("A1", "werkplekbegeleider")],
  );
  // Teachers take part as leraar-onderzoekers (issue 19), through the same model function as /labs.
  for (const teacher of [ctx.userIdByEmail("expert@demo.nl"), ctx.personAt("A1", "leraar")]) if (teacher) addLabMember(readingLab, teacher, tx);
  const digitalLab = lab(
    {
      partnershipId: ctx.partnershipIds.A,
      name: "Learning lab Digitale geletterdheid",
      description: "Een lab van de hogeschool waarin studenten lesmateriaal over AI en mediawijsheid ontwerpen en testen op scholen.",
      hostInstituteId: ctx.instituteIdByKey("ILVO"),
      themeIds: ["ict-digitale-geletterdheid"],
      seats: 3,
      periodStart: "2027-02-01",
      periodEnd: "2027-06-30",
    },
    [ctx.personAt("ILVO", "instituutsopleider"), ctx.userIdByEmail("expert@demo.nl")],
  );
  lab(
    {
      partnershipId: ctx.partnershipIds.B,
      name: "Werkplaats Passend onderwijs Waalrand",
      description: "Leraren uit het so en po onderzoeken met studenten hoe leerlingen zelfstandiger werken.",
      hostSchoolId: ctx.schoolIdByKey("B6"),
      themeIds: ["passend-onderwijs"],
      seats: 3,
      periodStart: "2026-09-01",
      periodEnd: "2027-01-31",
    },
    [ctx.personAt("B6", "werkplekbegeleider")],
  );

  // Partnership A's open questions; some belong to a lab.
  const schoolsA = tx.select({ id: partnershipSchools.schoolId }).from(partnershipSchools).where(eq(partnershipSchools.partnershipId, ctx.partnershipIds.A)).all().map((r) => r.id);
  const openA = tx
    .select({ id: questions.id, themeId: questions.themeId })
    .from(questions)
    .where(and(eq(questions.status, "open"), inArray(questions.schoolId, schoolsA)))
    .all();
  for (const q of openA) {
    if (q.themeId === "ict-digitale-geletterdheid") setQuestionLab(q.id, digitalLab, tx);
    if (q.themeId === "executieve-functies" || q.themeId === "meertaligheid-nt2") setQuestionLab(q.id, readingLab, tx);
  }

  const round = tx
    .insert(matchingRounds)
    .values({
      partnershipId: ctx.partnershipIds.A,
      name: "Matchingronde voorjaar 2027",
      // Like a deadline typed into the form: the end of that day in Amsterdam.
      deadline: endOfDayInAmsterdam(amsterdamDate(new Date(ctx.now + 14 * DAY)))!,
      status: "open",
      createdById: ctx.userIdByEmail("programmaleider@demo.nl") ?? null,
      createdAt: new Date(ctx.now - 10 * DAY).toISOString(),
    })
    .returning({ id: matchingRounds.id })
    .get();
  const schoolRows = tx.select({ id: partnershipSchools.schoolId }).from(partnershipSchools).where(eq(partnershipSchools.partnershipId, ctx.partnershipIds.A)).all();
  schoolRows.forEach((s, i) => {
    // The SBO and the school with the largest shortage get a solidarity minimum.
    tx.insert(roundSchoolSettings)
      .values({ roundId: round.id, schoolId: s.id, capacity: 3, minimum: s.id === ctx.schoolIdByKey("A6") || i === 0 ? 1 : 0 })
      .run();
  });

  // Most students in partnership A's institutes rank up to five open questions; popular ones more often.
  const aInstituteIds = [ctx.instituteIdByKey("PABO"), ctx.instituteIdByKey("ILVO")];
  const rankers = students.filter((s) => aInstituteIds.includes(s.instituteId ?? "") && s.email !== "student3@demo.nl");
  const ids = openA.map((q) => q.id);
  rankers.slice(0, Math.floor(rankers.length * 0.8)).forEach((s) => {
    const chosen: string[] = [];
    while (chosen.length < Math.min(5, ids.length)) {
      const candidate = random() < 0.4 ? ids[0]! : pick(ids);
      if (!chosen.includes(candidate)) chosen.push(candidate);
    }
    chosen.forEach((questionId, i) => tx.insert(roundRankings).values({ roundId: round.id, studentId: s.userId, questionId, rank: i + 1 }).run());
  });
  return round.id;
}
