import { eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "../../db/client";
import { studentProfiles } from "../../db/schema";
import { parseList } from "../domain/json-list";

/** A student teacher's profile (themes, sectors, availability): what the matching round's fit uses. */

export function studentProfile(userId: string) {
  const row = getDb().select().from(studentProfiles).where(eq(studentProfiles.userId, userId)).get();
  return row ? { ...row, themeIds: parseList(row.themeIds), sectors: parseList(row.sectors) } : null;
}

/** Creates or replaces a student's profile. Theme ids must exist (checked by the caller). */
export function saveStudentProfile(
  userId: string,
  instituteId: string | null,
  profile: { programme: string; studyYear: number; themeIds: string[]; sectors: string[]; availability: string; homeCity: string },
  options: { db?: DbOrTx; at?: Date } = {},
) {
  const values = {
    programme: profile.programme,
    studyYear: profile.studyYear,
    themeIds: JSON.stringify(profile.themeIds),
    sectors: JSON.stringify(profile.sectors),
    availability: profile.availability,
    homeCity: profile.homeCity,
    updatedAt: (options.at ?? new Date()).toISOString(),
  };
  (options.db ?? getDb())
    .insert(studentProfiles)
    .values({ userId, instituteId, ...values })
    .onConflictDoUpdate({ target: studentProfiles.userId, set: values })
    .run();
}
