import type { IncomingMessage } from "node:http";
import type { PlanAccess } from "../../app/domain/permissions";
import { accessToPlan, findPlanById, findPlanByRoom } from "../../app/models/plan.server";
import { loadCurrentUser, toActor, type CurrentUser } from "../../app/models/user.server";
import { sessionCookie, userIdForSessionToken } from "../../app/utils/session.server";

export type UpgradeDecision =
  | { ok: true; planId: string; access: PlanAccess; userId: string; userName: string; token: string }
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
  const userId = token ? userIdForSessionToken(token) : null;
  const user = userId ? loadCurrentUser(userId) : null;
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
  const access = plan ? accessToPlan(toActor(session.user), plan) : null;
  if (!plan || !access) return { ok: false, status: 403, reason: "geen toegang" };
  return { ok: true, planId: plan.id, access, userId: session.user.id, userName: session.user.name, token: session.token };
}

/** Re-check of a live connection: still signed in, plan still there, which access now. */
export function currentAccess(token: string, planId: string): { access: PlanAccess | null; signedIn: boolean } {
  const userId = userIdForSessionToken(token);
  const user = userId ? loadCurrentUser(userId) : null;
  if (!user) return { access: null, signedIn: false };
  const plan = findPlanById(planId);
  return { access: plan ? accessToPlan(toActor(user), plan) : null, signedIn: true };
}
