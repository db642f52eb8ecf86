import { data, json, redirect } from "@remix-run/node";
import { can, type Action, type KnownActor, type Scope } from "../domain/permissions";
import { toActor, type CurrentUser } from "../models/user.server";
import { getCurrentUser } from "./auth.server";
import { getT } from "./i18n.server";

/**
 * The one request guard: every loader, action, resource route, download and
 * API route asks here, and here a refusal becomes the right answer — a login
 * redirect or 401 for nobody, a Dutch 403, or a 404 where even existence must
 * not leak. Routes never write these statuses by hand.
 */

export type Signed = { user: CurrentUser; actor: KnownActor };

type GuardOptions = {
  /** JSON API: 401 `{error}` instead of a login redirect. */
  api?: boolean;
  /** Answer a refusal as 404, exactly like a resource that does not exist. */
  notFound?: boolean;
  /** The Dutch message of the refusal, as a locale key (default: errors.forbiddenText). */
  message?: string;
};

/** For pages: the user, or a redirect to the login page that comes back here. */
export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getCurrentUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = `${url.pathname}${url.search}`;
    throw redirect(`/login?${new URLSearchParams({ redirectTo: back })}`);
  }
  return user;
}

/** The user and their actor (computed once per request). */
export async function requireActor(request: Request, options: Pick<GuardOptions, "api"> = {}): Promise<Signed> {
  const user = options.api ? await requireApiSignedIn(request) : await requireUser(request);
  return { user, actor: toActor(user) };
}

async function requireApiSignedIn(request: Request): Promise<CurrentUser> {
  const user = await getCurrentUser(request);
  if (!user) throw json({ error: (await getT(request))("errors.unauthenticated") }, { status: 401 });
  return user;
}

/** Throws the refusal for `action`: a 404 when existence must not leak, else a Dutch 403. */
export async function refusal(request: Request, options: GuardOptions = {}): Promise<never> {
  const t = await getT(request);
  if (options.notFound) throw json({ error: t(options.message ?? "errors.notFoundText") }, { status: 404 });
  throw json({ error: t(options.message ?? "errors.forbiddenText") }, { status: 403 });
}

/**
 * The signed-in user and actor, after the permission module allowed `action`
 * on `scope`. A refusal is thrown (the root error boundary explains it in Dutch).
 */
export async function authorize(request: Request, action: Action, scope?: Scope, options: GuardOptions = {}): Promise<Signed> {
  const signed = await requireActor(request, options);
  if (!can(signed.actor, action, scope)) await refusal(request, options);
  return signed;
}

/** For pages: `authorize`, returning only the user. */
export async function requirePermission(request: Request, action: Action, scope?: Scope): Promise<CurrentUser> {
  return (await authorize(request, action, scope)).user;
}

/** For the JSON API: the user, or `401 {"error": ...}` (never a redirect), then 403 if refused. */
export async function requireApiUser(request: Request, action: Action = "dashboard:view"): Promise<CurrentUser> {
  return (await authorize(request, action, undefined, { api: true })).user;
}

/**
 * A refusal answered inside a form (not thrown), so the page shows the message
 * beside the form: the body is what the form's action data expects.
 */
export function forbidden<T>(body: T) {
  return data(body, { status: 403 });
}

/** A refused form action after asking the permission module: `null` when allowed. */
export function refuseUnless<T>(actor: KnownActor, action: Action, scope: Scope | undefined, body: T) {
  return can(actor, action, scope) ? null : forbidden(body);
}
