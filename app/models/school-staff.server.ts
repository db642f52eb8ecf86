import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "../../db/client";
import { memberships, users } from "../../db/schema";
import { SCHOOL_ROLES } from "../domain/permissions";

/** The value of the question form's supervisor choice meaning "begeleiding vanuit het lab of de opleiding". */
export const EXTERNAL_SUPERVISION = "extern";
const EXTERNAL_NAME = "Begeleiding vanuit het lab of de opleiding";

/** The active staff of schools (any school role), for choosing a werkplekbegeleider or an action owner. */
export function staffOfSchools(schoolIds: readonly string[]): { id: string; name: string; schoolId: string }[] {
  if (schoolIds.length === 0) return [];
  const rows = getDb()
    .selectDistinct({ id: users.id, name: users.name, schoolId: memberships.schoolId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(inArray(memberships.schoolId, [...schoolIds]), inArray(memberships.role, [...SCHOOL_ROLES]), isNull(users.disabledAt)))
    .orderBy(asc(users.name))
    .all();
  return rows.map((r) => ({ id: r.id, name: r.name, schoolId: r.schoolId! }));
}

export function isStaffOf(userId: string, schoolId: string): { id: string; name: string } | null {
  if (!userId || !schoolId || userId.length > 100 || schoolId.length > 100) return null;
  return staffOfSchools([schoolId]).find((s) => s.id === userId) ?? null;
}

/** The form's supervisor choice: nothing, external supervision, a staff member of the school — or not staff (bad input). */
export function resolveSupervisor(value: string, schoolId: string): { name: string } | null | "notStaff" {
  if (!value) return null;
  if (value === EXTERNAL_SUPERVISION) return { name: EXTERNAL_NAME };
  return isStaffOf(value, schoolId) ?? "notStaff";
}
