import { and, count, eq, gt, lt, max } from "drizzle-orm";
import { getDb } from "../../db/client";
import { loginFailures } from "../../db/schema";
import { getEnv } from "./env.server";

/**
 * Password-guess throttling, counted in the database so it holds across
 * processes and restarts (docs/decisions/0002, amended by issue 18):
 * - per (account, client address): LOGIN_MAX_FAILURES_PER_ACCOUNT failures in
 *   15 minutes refuse that address for that account — a stranger's guesses no
 *   longer lock the owner out;
 * - per address: LOGIN_MAX_FAILURES_PER_IP across accounts (schools share NAT);
 * - per account from all addresses: from LOGIN_ACCOUNT_CEILING failures on, every
 *   attempt waits a delay after the account's last failure that doubles with each
 *   further failure (1 s, 2 s, 4 s … at most a minute), instead of a hard lock.
 * A success does not reset the counts: an attacker who guesses one account must
 * not get a fresh budget for the next.
 */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_ACCOUNT_DELAY_MS = 60 * 1000;

export type ThrottleVerdict =
  | { verdict: "ok" }
  | { verdict: "account" | "ip" | "slowdown"; retryAfterSeconds: number };

/** The wait after the last failure once an account has `failures` from everywhere (pure). */
export function accountDelayMs(failures: number, ceiling: number): number {
  if (failures < ceiling) return 0;
  return Math.min(1000 * 2 ** Math.min(failures - ceiling, 30), MAX_ACCOUNT_DELAY_MS);
}

export function checkLoginThrottle(email: string, ip: string, now = Date.now()): ThrottleVerdict {
  const db = getDb();
  const env = getEnv();
  const since = new Date(now - THROTTLE_WINDOW_MS).toISOString();
  const windowLeft = Math.ceil(THROTTLE_WINDOW_MS / 1000);
  const perIp = db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.ip, ip), gt(loginFailures.at, since)))
    .get()!.n;
  if (perIp >= env.LOGIN_MAX_FAILURES_PER_IP) return { verdict: "ip", retryAfterSeconds: windowLeft };
  const account = db
    .select({ n: count(), last: max(loginFailures.at) })
    .from(loginFailures)
    .where(and(eq(loginFailures.email, email), gt(loginFailures.at, since)))
    .get()!;
  if (account.n === 0) return { verdict: "ok" };
  const fromHere = db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.email, email), eq(loginFailures.ip, ip), gt(loginFailures.at, since)))
    .get()!.n;
  if (fromHere >= env.LOGIN_MAX_FAILURES_PER_ACCOUNT) return { verdict: "account", retryAfterSeconds: windowLeft };
  const wait = accountDelayMs(account.n, env.LOGIN_ACCOUNT_CEILING) - (now - Date.parse(account.last ?? since));
  if (wait > 0) return { verdict: "slowdown", retryAfterSeconds: Math.ceil(wait / 1000) };
  return { verdict: "ok" };
}

export function recordLoginFailure(email: string, ip: string, now = Date.now()): void {
  const db = getDb();
  db.insert(loginFailures).values({ email, ip, at: new Date(now).toISOString() }).run();
  // Keep the table small: anything older than the window no longer counts.
  db.delete(loginFailures).where(lt(loginFailures.at, new Date(now - THROTTLE_WINDOW_MS).toISOString())).run();
}
