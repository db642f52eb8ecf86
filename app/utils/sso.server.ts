import { createCookie } from "@remix-run/node";
import { eq, lt } from "drizzle-orm";
import * as oidc from "openid-client";
import { getDb } from "../../db/client";
import { ssoLogins, users } from "../../db/schema";
import { recordAudit } from "../models/audit.server";
import { acceptInvitation, openInvitationsFor } from "../models/invitation.server";
import { safeRedirect } from "./auth.server";
import { normaliseEmail } from "./email";
import { getEnv } from "./env.server";
import { logger } from "./logger.server";
import { hashToken } from "./tokens.server";

/**
 * Single sign-on with OpenID Connect (contract 6.13, record 0022b): the
 * authorization code flow with PKCE (S256), state and nonce, the ID token
 * checked by openid-client (signature, issuer, audience, expiry, nonce).
 * State, nonce and verifier stay in the database (sso_logins); the browser
 * holds the state in a 10-minute httpOnly cookie, so a callback is accepted
 * only in the browser that started it, and only once.
 */
export type SsoProvider = { key: "1" | "2"; issuer: string; clientId: string; clientSecret: string; label: string; startPath: string; callbackPath: string };

const LOGIN_VALID_MS = 10 * 60 * 1000;

export function ssoProviders(): SsoProvider[] {
  const env = getEnv();
  const list: SsoProvider[] = [];
  if (env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET) {
    list.push({ key: "1", issuer: env.OIDC_ISSUER, clientId: env.OIDC_CLIENT_ID, clientSecret: env.OIDC_CLIENT_SECRET, label: env.OIDC_LABEL, startPath: "/login/sso", callbackPath: "/login/sso/callback" });
  }
  if (env.OIDC2_ISSUER && env.OIDC2_CLIENT_ID && env.OIDC2_CLIENT_SECRET) {
    list.push({ key: "2", issuer: env.OIDC2_ISSUER, clientId: env.OIDC2_CLIENT_ID, clientSecret: env.OIDC2_CLIENT_SECRET, label: env.OIDC2_LABEL, startPath: "/login/sso/2", callbackPath: "/login/sso/2/callback" });
  }
  return list;
}

export function ssoProvider(key: "1" | "2"): SsoProvider | null {
  return ssoProviders().find((p) => p.key === key) ?? null;
}

// Discovery once per provider and process; a failure is not cached, so the next login tries again.
const configs = new Map<string, Promise<oidc.Configuration>>();
function configurationFor(provider: SsoProvider): Promise<oidc.Configuration> {
  const cacheKey = `${provider.issuer}|${provider.clientId}`;
  let pending = configs.get(cacheKey);
  if (!pending) {
    const issuer = new URL(provider.issuer);
    // Plain http only for a provider on this machine (tests, a local test IdP); a real one speaks https.
    const local = issuer.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(issuer.hostname);
    pending = oidc.discovery(issuer, provider.clientId, provider.clientSecret, undefined, local ? { execute: [oidc.allowInsecureRequests] } : undefined);
    pending.catch(() => configs.delete(cacheKey));
    configs.set(cacheKey, pending);
  }
  return pending;
}

const stateCookie = createCookie("so_sso", { httpOnly: true, sameSite: "lax", path: "/login/sso", maxAge: LOGIN_VALID_MS / 1000 });

function redirectUri(provider: SsoProvider, requestOrigin: string): string {
  return `${(getEnv().APP_ORIGIN ?? requestOrigin).replace(/\/$/, "")}${provider.callbackPath}`;
}

export class SsoUnavailable extends Error {}

/** The redirect to the provider, with the state cookie; throws SsoUnavailable when discovery fails. */
export async function startSsoLogin(provider: SsoProvider, input: { origin: string; secure: boolean; redirectTo: string | null }): Promise<{ location: string; cookie: string }> {
  let config: oidc.Configuration;
  try {
    config = await configurationFor(provider);
  } catch (error) {
    logger.warn({ err: error, issuer: provider.issuer }, "sso: discovery mislukt");
    throw new SsoUnavailable();
  }
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const codeChallenge = await oidc.calculatePKCECodeChallenge(codeVerifier);
  const db = getDb();
  db.delete(ssoLogins).where(lt(ssoLogins.expiresAt, new Date().toISOString())).run();
  db.insert(ssoLogins)
    .values({
      stateHash: hashToken(state),
      provider: provider.key,
      nonce,
      codeVerifier,
      redirectTo: safeRedirect(input.redirectTo),
      expiresAt: new Date(Date.now() + LOGIN_VALID_MS).toISOString(),
    })
    .run();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri(provider, input.origin),
    scope: "openid email profile",
    code_challenge: codeChallenge,
    code_challenge_method: "S256",
    state,
    nonce,
  });
  return { location: url.href, cookie: await stateCookie.serialize(state, { secure: input.secure }) };
}

export type SsoOutcome =
  | { status: "signedIn"; userId: string; name: string; redirectTo: string; acceptedInvitations: number }
  | { status: "badRequest"; reason: string }
  | { status: "providerError" }
  | { status: "unavailable" }
  | { status: "noAccount"; email: string }
  | { status: "noEmail" }
  | { status: "disabled" };

/** Clears the state cookie whatever the outcome. */
export function clearStateCookie(secure: boolean): Promise<string> {
  return stateCookie.serialize("", { maxAge: 0, expires: new Date(0), secure });
}

/**
 * The callback: checks the state against the cookie and the stored login
 * (used once), exchanges the code with the PKCE verifier, lets openid-client
 * check the ID token (and nonce), and finds the account or open invitation by
 * the `email` claim. Nothing is created for anyone else.
 */
export async function finishSsoLogin(provider: SsoProvider, request: Request, input: { origin: string; ip: string }): Promise<SsoOutcome> {
  const url = new URL(request.url);
  const state = url.searchParams.get("state");
  let cookieState: unknown;
  try {
    cookieState = await stateCookie.parse(request.headers.get("Cookie"));
  } catch {
    cookieState = null;
  }
  if (!state || state.length > 200 || typeof cookieState !== "string" || cookieState !== state) return { status: "badRequest", reason: "state" };
  const db = getDb();
  // Single use: the stored login is deleted before anything else happens.
  const login = db.delete(ssoLogins).where(eq(ssoLogins.stateHash, hashToken(state))).returning().get();
  if (!login || login.provider !== provider.key || login.expiresAt <= new Date().toISOString()) return { status: "badRequest", reason: "state" };
  if (url.searchParams.get("error")) return { status: "providerError" };
  if (!url.searchParams.get("code")) return { status: "badRequest", reason: "code" };

  let config: oidc.Configuration;
  try {
    config = await configurationFor(provider);
  } catch {
    return { status: "unavailable" };
  }
  // The URL as the provider redirected to it (behind a proxy request.url may name an inner address).
  const current = new URL(redirectUri(provider, input.origin));
  current.search = url.search;
  let claims: Record<string, unknown> | undefined;
  try {
    const tokens = await oidc.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: login.codeVerifier,
      expectedState: state,
      expectedNonce: login.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims()!;
    claims = idToken;
    // Many providers put email and name only in the userinfo answer; its `sub` must match the ID token's.
    if (typeof idToken.email !== "string") claims = { ...idToken, ...(await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub)) };
  } catch (error) {
    // Wrong or replayed code, an ID token for another audience, a bad signature, a nonce mismatch.
    logger.warn({ issuer: provider.issuer, error: error instanceof Error ? error.message : String(error) }, "sso: code of ID-token geweigerd");
    return { status: "badRequest", reason: "token" };
  }
  const rawEmail = typeof claims?.email === "string" ? claims.email : null;
  if (!rawEmail || claims?.email_verified === false || rawEmail.length > 320) {
    logger.warn({ issuer: provider.issuer, claims: Object.keys(claims ?? {}) }, "sso: geen (bevestigd) e-mailadres in de claims");
    return { status: "noEmail" };
  }
  const email = normaliseEmail(rawEmail);
  const claimedName = typeof claims?.name === "string" ? claims.name.trim().slice(0, 200) : "";

  const user = db.select().from(users).where(eq(users.email, email)).get();
  if (user?.disabledAt) return { status: "disabled" };
  const invitations = openInvitationsFor(email);
  let userId = user?.id ?? null;
  let accepted = 0;
  for (const invitation of invitations) {
    const id = acceptInvitation(invitation, userId ? { existingUserId: userId } : { name: claimedName || invitation.name, passwordHash: null }, input.ip);
    if (id) {
      userId = id;
      accepted++;
    }
  }
  if (!userId) return { status: "noAccount", email };
  const name = db.select({ name: users.name }).from(users).where(eq(users.id, userId)).get()?.name ?? "";
  recordAudit({ event: "login.sso", actorUserId: userId, subjectUserId: userId, email, ip: input.ip, detail: { provider: provider.key, issuer: provider.issuer, acceptedInvitations: accepted } });
  return { status: "signedIn", userId, name, redirectTo: login.redirectTo, acceptedInvitations: accepted };
}
