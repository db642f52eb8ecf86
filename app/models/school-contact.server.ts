import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "../../db/client";
import { memberships, questions, roundRankings, schools, users } from "../../db/schema";
import { CONTACT_ROLES, pickSchoolContacts, type SchoolContact } from "../domain/school-contact";

export type { SchoolContact };

/** Each school's contact in the matching round: its schoolopleider(s), else its schoolleider(s) (active accounts). */
export function schoolContactsOf(schoolIds: readonly string[]): Record<string, SchoolContact[]> {
  if (schoolIds.length === 0) return {};
  const rows = getDb()
    .select({ schoolId: memberships.schoolId, role: memberships.role, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(inArray(memberships.schoolId, [...schoolIds]), inArray(memberships.role, [...CONTACT_ROLES]), isNull(users.disabledAt)))
    .all();
  return pickSchoolContacts(rows.flatMap((r) => (r.schoolId ? [{ ...r, schoolId: r.schoolId }] : [])));
}

/** For a student left without a place: the schools of the questions they chose in the round, with each school's contact. */
export function contactsOfChosenSchools(roundId: string, studentId: string): { schoolId: string; schoolName: string; contacts: SchoolContact[] }[] {
  const chosen = getDb()
    .selectDistinct({ schoolId: schools.id, schoolName: schools.name })
    .from(roundRankings)
    .innerJoin(questions, eq(questions.id, roundRankings.questionId))
    .innerJoin(schools, eq(schools.id, questions.schoolId))
    .where(and(eq(roundRankings.roundId, roundId), eq(roundRankings.studentId, studentId)))
    .orderBy(asc(schools.name))
    .all();
  const contacts = schoolContactsOf(chosen.map((c) => c.schoolId));
  return chosen.flatMap((c) => (contacts[c.schoolId]?.length ? [{ ...c, contacts: contacts[c.schoolId]! }] : []));
}
