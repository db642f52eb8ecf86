import { and, count, eq, gt, lt } from "drizzle-orm";
import { getDb } from "../../db/client";
import { loginFailures } from "../../db/schema";
import { getEnv } from "./env.server";

/**
 * Login throttling per account and per IP, counted in the database so it holds
 * across processes and restarts. A success does not reset the count: an
 * attacker who guesses one account must not get a fresh budget for the next.
 */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

export type ThrottleVerdict = "ok" | "account" | "ip";

export function checkLoginThrottle(email: string, ip: string, now = Date.now()): ThrottleVerdict {
  const db = getDb();
  const env = getEnv();
  const since = new Date(now - THROTTLE_WINDOW_MS).toISOString();
  const perIp = db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.ip, ip), gt(loginFailures.at, since)))
    .get()!.n;
  if (perIp >= env.LOGIN_MAX_FAILURES_PER_IP) return "ip";
  const perAccount = db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.email, email), gt(loginFailures.at, since)))
    .get()!.n;
  if (perAccount >= env.LOGIN_MAX_FAILURES_PER_ACCOUNT) return "account";
  return "ok";
}

export function recordLoginFailure(email: string, ip: string, now = Date.now()): void {
  const db = getDb();
  db.insert(loginFailures).values({ email, ip, at: new Date(now).toISOString() }).run();
  // Keep the table small: anything older than the window no longer counts.
  db.delete(loginFailures).where(lt(loginFailures.at, new Date(now - THROTTLE_WINDOW_MS).toISOString())).run();
}
