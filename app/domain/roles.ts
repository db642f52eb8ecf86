/**
 * Roles and the kind of organisation each role belongs to (ARCHITECTURE §3).
 * Pure data; the UI labels live in the locales (`roles.<role>`).
 */
export const ROLES = [
  "admin",
  "programmaleider",
  "schoolleider",
  "onderzoekscoordinator",
  "schoolopleider",
  "werkplekbegeleider",
  "leraar",
  "instituutsopleider",
  "onderzoeker",
  "student",
] as const;

export type Role = (typeof ROLES)[number];

export type OrganisationKind = "platform" | "partnership" | "school" | "institute";

const ORGANISATION_KIND_BY_ROLE: Record<Role, OrganisationKind> = {
  admin: "platform",
  programmaleider: "partnership",
  schoolleider: "school",
  onderzoekscoordinator: "school",
  schoolopleider: "school",
  werkplekbegeleider: "school",
  leraar: "school",
  instituutsopleider: "institute",
  onderzoeker: "institute",
  student: "institute",
};

export function organisationKindForRole(role: Role): OrganisationKind {
  return ORGANISATION_KIND_BY_ROLE[role];
}

export function rolesForOrganisationKind(kind: OrganisationKind): Role[] {
  return ROLES.filter((role) => ORGANISATION_KIND_BY_ROLE[role] === kind);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
