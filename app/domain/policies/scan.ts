import { isSchoolStaffOf, leadsOneOf, SCHOOL_QUESTION_OWNERS, SCHOOL_ROLES } from "./actor";
import type { Rules } from "./rule";
import { orgOf } from "./scopes";

/** The culture scan and the dashboards built on it. */
export const scanRules = {
  /** See a school's culture scans, aggregated only (scope: the school); never names. */
  "scan:view": (actor, scope) =>
    isSchoolStaffOf(actor, orgOf(scope)?.schoolId, SCHOOL_ROLES) || actor.isAdmin || leadsOneOf(actor, orgOf(scope)?.partnershipIds),
  /** Fill in the school's open culture scan (scope: the school). */
  "scan:respond": (actor, scope) => isSchoolStaffOf(actor, orgOf(scope)?.schoolId, SCHOOL_ROLES),
  /** Open and close a scan, record agreed phases and priorities (scope: the school). */
  "scan:manage": (actor, scope) => isSchoolStaffOf(actor, orgOf(scope)?.schoolId, SCHOOL_QUESTION_OWNERS),
  /** The partnership/region dashboard (scope, optional: the partnership). */
  "dashboard:region": (actor, scope) => {
    if (actor.isAdmin) return true;
    const partnershipIds = orgOf(scope)?.partnershipIds;
    return partnershipIds ? leadsOneOf(actor, partnershipIds) : actor.ledPartnershipIds.length > 0;
  },
  /** The dashboard of one school (scope: the school). */
  "dashboard:school": (actor, scope) =>
    isSchoolStaffOf(actor, orgOf(scope)?.schoolId, SCHOOL_QUESTION_OWNERS) || actor.isAdmin || leadsOneOf(actor, orgOf(scope)?.partnershipIds),
} satisfies Rules;
