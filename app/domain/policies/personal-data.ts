import type { Rules } from "./rule";

/** Personal data (AVG, issue 22, record 0024): inzage, erasure and retention. */
export const personalDataRules = {
  /** Download everything stored about oneself (art. 15/20): every signed-in person. */
  "personal-data:export-own": () => true,
  /** Produce someone else's export, for a request that reached the organisation (admin only, audited). */
  "person:export": (actor) => actor.isAdmin,
  /** See a person's administrative view and erase them (art. 17). Admin only: it cannot be undone. */
  "person:erase": (actor) => actor.isAdmin,
  /** See who the retention job erases next and run the pruning now. */
  "retention:manage": (actor) => actor.isAdmin,
} satisfies Rules;
