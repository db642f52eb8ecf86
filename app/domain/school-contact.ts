import type { Role } from "./roles";

/**
 * The school's contact in the matching round (issue 20): its schoolopleider(s),
 * the "spin in het web" between school and opleiding; a school without one
 * falls back to its schoolleider(s). Pure, so the rule has one place.
 */
export type ContactRole = "schoolopleider" | "schoolleider";
export type SchoolContact = { name: string; email: string; role: ContactRole };
export type StaffRow = { schoolId: string; role: Role; name: string; email: string };

export const CONTACT_ROLES: readonly ContactRole[] = ["schoolopleider", "schoolleider"];

export function pickSchoolContacts(rows: readonly StaffRow[]): Record<string, SchoolContact[]> {
  const bySchool = new Map<string, StaffRow[]>();
  for (const row of rows) bySchool.set(row.schoolId, [...(bySchool.get(row.schoolId) ?? []), row]);
  const out: Record<string, SchoolContact[]> = {};
  for (const [schoolId, staff] of bySchool) {
    for (const role of CONTACT_ROLES) {
      const seen = new Set<string>();
      const people = staff
        .filter((s) => s.role === role && !seen.has(s.email) && seen.add(s.email))
        .sort((a, b) => a.name.localeCompare(b.name, "nl"))
        .map((s) => ({ name: s.name, email: s.email, role }));
      if (people.length) {
        out[schoolId] = people;
        break;
      }
    }
  }
  return out;
}
