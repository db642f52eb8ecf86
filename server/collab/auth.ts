import type { IncomingMessage } from "node:http";
import { planAccess, type PlanAccess } from "../../app/domain/permissions";
import { presenceRole } from "../../app/domain/plan-workspace";
import { findPlanById, findPlanByRoom } from "../../app/models/plan.server";
import { loadPlanScope } from "../../app/models/scopes.server";
import { loadCurrentUser, toActor, type CurrentUser } from "../../app/models/user.server";
import { userForSessionToken } from "../../app/utils/auth.server";
import { liveSessionsByToken, sessionCookie } from "../../app/utils/session.server";

export type UpgradeDecision =
  | { ok: true; planId: string; access: PlanAccess; userId: string; userName: string; presenceRole: string; token: string }
  | { ok: false; status: 401 | 403 | 404; reason: string };

/** The session token from the Cookie header, or null. */
export async function sessionTokenFrom(cookieHeader: string | undefined): Promise<string | null> {
  if (!cookieHeader) return null;
  try {
    const value: unknown = await sessionCookie.parse(cookieHeader);
    return typeof value === "string" && value.length > 0 && value.length < 200 ? value : null;
  } catch {
    return null;
  }
}

export async function userFromCookie(cookieHeader: string | undefined): Promise<{ user: CurrentUser; token: string } | null> {
  const token = await sessionTokenFrom(cookieHeader);
  const user = userForSessionToken(token);
  return user && token ? { user, token } : null;
}

/**
 * Cross-site WebSocket hijacking guard: a browser always sends Origin, and it
 * must be this site. Non-browser clients send none and carry no ambient cookie.
 */
export function originAllowed(req: IncomingMessage, appOrigin: string | undefined): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (appOrigin && origin === appOrigin) return true;
  const host = req.headers.host;
  if (!host) return false;
  return origin === `http://${host}` || origin === `https://${host}`;
}

/** Who may join which room. An unknown room answers exactly like a forbidden one. */
export async function decideUpgrade(req: IncomingMessage, room: string): Promise<UpgradeDecision> {
  const session = await userFromCookie(req.headers.cookie);
  if (!session) return { ok: false, status: 401, reason: "geen sessie" };
  const plan = findPlanByRoom(room);
  const scope = plan ? loadPlanScope(plan) : null;
  const access = plan && scope ? planAccess(toActor(session.user), scope) : null;
  if (!plan || !scope || !access) return { ok: false, status: 403, reason: "geen toegang" };
  return {
    ok: true,
    planId: plan.id,
    access,
    userId: session.user.id,
    userName: session.user.name,
    presenceRole: presenceRole(scope, session.user.id, access),
    token: session.token,
  };
}

export type RoomAccess = {
  byToken: Map<string, { access: PlanAccess | null; signedIn: boolean }>;
  /** When the first of these sessions expires (ms since epoch): the answers hold until then at most. */
  validUntil: number;
};

/**
 * Re-check of a room's live connections: still signed in, plan still there,
 * which access now. Done for all connections at once: the plan and its
 * scope are loaded once, each user once, and all sessions in one query. With
 * many editors this keeps the periodic check from stalling the event loop (it
 * ran ~9 queries per connection before, then one per connection).
 */
export function currentAccessForAll(tokens: string[], planId: string): RoomAccess {
  const byToken = new Map<string, { access: PlanAccess | null; signedIn: boolean }>();
  let validUntil = Infinity;
  const plan = findPlanById(planId);
  const scope = plan ? loadPlanScope(plan) : null;
  const users = new Map<string, ReturnType<typeof loadCurrentUser>>();
  const live = liveSessionsByToken([...new Set(tokens)]);
  for (const token of new Set(tokens)) {
    const session = live.get(token);
    if (!session) {
      byToken.set(token, { access: null, signedIn: false });
      continue;
    }
    validUntil = Math.min(validUntil, Date.parse(session.expiresAt));
    if (!users.has(session.userId)) users.set(session.userId, loadCurrentUser(session.userId));
    const user = users.get(session.userId);
    if (!user) {
      byToken.set(token, { access: null, signedIn: false });
      continue;
    }
    byToken.set(token, { access: scope ? planAccess(toActor(user), scope) : null, signedIn: true });
  }
  return { byToken, validUntil };
}
