import { createCookie } from "@remix-run/node";
import type { Statement } from "better-sqlite3";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import { getDb } from "../../db/client";
import { sessions } from "../../db/schema";
import { preparedPerDb } from "../models/prepared.server";
import { hashToken, newToken } from "./tokens.server";

export const SESSION_MAX_AGE_SECONDS = 60 * 60 * 24 * 14; // two weeks

/**
 * The session cookie carries only an opaque random token. httpOnly and
 * SameSite=Lax always; Secure whenever the request came in over HTTPS (so a
 * production deployment behind TLS gets it, and http://localhost still works).
 */
export const sessionCookie = createCookie("so_session", {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  maxAge: SESSION_MAX_AGE_SECONDS,
});

export async function readSessionToken(request: Request): Promise<string | null> {
  try {
    const value: unknown = await sessionCookie.parse(request.headers.get("Cookie"));
    return typeof value === "string" && value.length > 0 && value.length < 200 ? value : null;
  } catch {
    return null; // a mangled cookie is simply "not signed in"
  }
}

export function createSession(userId: string, userAgent: string | null): string {
  const token = newToken();
  const expiresAt = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000).toISOString();
  getDb()
    .insert(sessions)
    .values({ tokenHash: hashToken(token), userId, expiresAt, userAgent: userAgent?.slice(0, 300) ?? null, lastSeenAt: new Date().toISOString() })
    .run();
  return token;
}

/** How stale "last seen" may get before a request refreshes it: one write per session per few minutes, not per request. */
const LAST_SEEN_RESOLUTION_MS = 5 * 60 * 1000;

// Every request asks this: prepared once, not rebuilt per request (record 0029).
const liveSession = preparedPerDb((db) =>
  db
    .select({ userId: sessions.userId, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .where(and(eq(sessions.tokenHash, sql.placeholder("tokenHash")), gt(sessions.expiresAt, sql.placeholder("now"))))
    .prepare(),
);

/** The user id of a live session, or null; refreshes its "last seen" (shown on /account) when that is stale. */
export function userIdForSessionToken(token: string): string | null {
  const tokenHash = hashToken(token);
  const now = new Date();
  const row = liveSession().get({ tokenHash, now: now.toISOString() });
  if (!row) return null;
  if (!row.lastSeenAt || Date.parse(row.lastSeenAt) < now.getTime() - LAST_SEEN_RESOLUTION_MS) {
    getDb().update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.tokenHash, tokenHash)).run();
  }
  return row.userId;
}

/**
 * The user ids and expiry times of many live sessions in one prepared query
 * (the collaboration server re-checks every socket of a room; one query per
 * token stalled the event loop for milliseconds at 50 editors). Missing = not live.
 */
export function liveSessionsByToken(tokens: readonly string[]): Map<string, { userId: string; expiresAt: string }> {
  const result = new Map<string, { userId: string; expiresAt: string }>();
  if (tokens.length === 0) return result;
  const byHash = new Map(tokens.map((token) => [hashToken(token), token]));
  const rows = liveSessionsStatement().all(JSON.stringify([...byHash.keys()]), new Date().toISOString());
  for (const row of rows) {
    const token = byHash.get(row.token_hash);
    if (token) result.set(token, { userId: row.user_id, expiresAt: row.expires_at });
  }
  return result;
}

type LiveSessionRow = { token_hash: string; user_id: string; expires_at: string };
let liveSessions: { db: unknown; statement: Statement<[string, string], LiveSessionRow> } | undefined;
function liveSessionsStatement() {
  const db = getDb();
  if (!liveSessions || liveSessions.db !== db) {
    liveSessions = {
      db,
      statement: db.$client.prepare(
        "select token_hash, user_id, expires_at from sessions where token_hash in (select value from json_each(?)) and expires_at > ?",
      ),
    };
  }
  return liveSessions.statement;
}

export function destroySession(token: string): void {
  getDb().delete(sessions).where(eq(sessions.tokenHash, hashToken(token))).run();
}

export function deleteExpiredSessions(): number {
  return getDb().delete(sessions).where(lt(sessions.expiresAt, new Date().toISOString())).run().changes;
}

export function serializeSessionCookie(token: string, secure: boolean): Promise<string> {
  return sessionCookie.serialize(token, { secure });
}

export function clearSessionCookie(secure: boolean): Promise<string> {
  return sessionCookie.serialize("", { maxAge: 0, expires: new Date(0), secure });
}
