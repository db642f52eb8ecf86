import { leadsOneOf } from "./actor";
import type { Rules } from "./rule";
import { orgOf } from "./scopes";

/** Onboarding by import (record 0009). */
export const importRules = {
  /** Open the import page: admins and programmaleiders. */
  "import:use": (actor) => actor.isAdmin || actor.ledPartnershipIds.length > 0,
  /**
   * Import schools, students or staff into a partnership (scope: the partnership).
   * A programmaleider only within the partnerships they lead.
   */
  "import:partnership": (actor, scope) => actor.isAdmin || leadsOneOf(actor, orgOf(scope)?.partnershipIds),
  /**
   * Through an import, change or link an existing school, or add people to a
   * school or institute (scope: the organisation and the partnerships it is in).
   * An organisation outside every partnership (or in someone else's) is for admins.
   */
  "import:organisation": (actor, scope) => actor.isAdmin || leadsOneOf(actor, orgOf(scope)?.partnershipIds),
} satisfies Rules;
