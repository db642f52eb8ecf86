import type { PlanAccess } from "./policies/scopes";
import type { Block, PlanSectionContent } from "./plan-document";

/**
 * Pure helpers of the plan workspace (issue 24): the state each section shows
 * in the table of contents, and the presence list with one entry per person.
 */

export type SectionState = "empty" | "written" | "comments";

/** A section with open feedback shows that first (it asks for action); else whether it has text. */
export function sectionStates(
  sections: Pick<PlanSectionContent, "id" | "blocks">[],
  openThreads: { sectionId: string }[],
): Record<string, SectionState> {
  const withComments = new Set(openThreads.map((t) => t.sectionId));
  const out: Record<string, SectionState> = {};
  for (const s of sections) out[s.id] = withComments.has(s.id) ? "comments" : hasText(s.blocks) ? "written" : "empty";
  return out;
}

function hasText(blocks: Block[]): boolean {
  return blocks.some((b) => {
    switch (b.type) {
      case "paragraph":
      case "heading":
        return b.inlines.some((i) => i.text.trim() !== "");
      case "list":
        return b.items.some(hasText);
      case "quote":
        return hasText(b.blocks);
      case "code":
        return b.text.trim() !== "";
      case "rule":
        return false;
    }
  });
}

/** What the presence list calls someone; decided on the server, stamped into their awareness state. */
export type PresenceRole = "student" | "begeleider" | "feedback" | "reader";

export function presenceRole(scope: { studentIds: readonly string[]; begeleiderIds: readonly string[] }, userId: string, access: PlanAccess): PresenceRole {
  if (scope.studentIds.includes(userId)) return "student";
  if (scope.begeleiderIds.includes(userId)) return "begeleider";
  return access === "read" ? "reader" : access === "comment" ? "feedback" : "student";
}

export type PresenceState = { clientId: number; user?: { id?: unknown; name?: unknown; color?: unknown; role?: unknown; section?: unknown } };
export type Person = { id: string; name: string; color: string; role: PresenceRole | null; sections: string[]; self: boolean; tabs: number };

const ROLES: readonly string[] = ["student", "begeleider", "feedback", "reader"];

/**
 * One entry per person, however many tabs they have open: awareness states
 * are per tab (client id), the server stamps each with the user's id. The
 * sections are where their tabs are, most recent tab first; self first, then by name.
 */
export function mergePresence(states: PresenceState[], selfClientId: number, selfUserId: string, sectionIds: readonly string[]): Person[] {
  const people = new Map<string, Person>();
  for (const { clientId, user } of states) {
    if (!user || typeof user.name !== "string") continue;
    const self = clientId === selfClientId;
    // A state without an id (an old client) still counts, as its own person.
    const id = self ? selfUserId : typeof user.id === "string" ? user.id : `tab:${clientId}`;
    const person = people.get(id) ?? {
      id,
      name: user.name.slice(0, 80),
      color: typeof user.color === "string" && /^#[0-9a-f]{3,8}$/i.test(user.color) ? user.color : "#4b5563",
      role: typeof user.role === "string" && ROLES.includes(user.role) ? (user.role as PresenceRole) : null,
      sections: [],
      self: false,
      tabs: 0,
    };
    person.tabs++;
    person.self ||= self || id === selfUserId;
    if (typeof user.section === "string" && sectionIds.includes(user.section) && !person.sections.includes(user.section)) {
      person.sections.push(user.section);
    }
    people.set(id, person);
  }
  return [...people.values()].sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name, "nl"));
}

/**
 * The order in which a plan's sections get their live editor (record 0031):
 * the section jumped to (URL hash), else the first in view; then the others
 * in view; then the rest in document order.
 */
export function editorMountOrder(sectionIds: readonly string[], inView: readonly string[], hashed: string | null): string[] {
  const order: string[] = [];
  const known = new Set(sectionIds);
  for (const id of [...(hashed ? [hashed] : []), ...inView, ...sectionIds]) if (known.has(id) && !order.includes(id)) order.push(id);
  return order;
}
