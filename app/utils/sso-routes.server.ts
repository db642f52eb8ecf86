import { data, redirect, type AppLoadContext } from "@remix-run/node";
import { getT } from "./i18n.server";
import { createSession, destroySession, readSessionToken, serializeSessionCookie } from "./session.server";
import { clearStateCookie, finishSsoLogin, ssoProvider, SsoUnavailable, startSsoLogin } from "./sso.server";
import { toastHeader } from "./toast.server";

/** The loaders behind /login/sso[/2] and their callbacks; the route files only pick the provider. */

function plain(text: string, status: number): Response {
  return new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export async function ssoStart(key: "1" | "2", request: Request, context: AppLoadContext): Promise<Response> {
  const t = await getT(request);
  const provider = ssoProvider(key);
  if (!provider) return plain(t("account.sso.notConfigured"), 404);
  try {
    const start = await startSsoLogin(provider, {
      origin: context.origin,
      secure: context.isSecure,
      redirectTo: new URL(request.url).searchParams.get("redirectTo"),
    });
    return redirect(start.location, { status: 302, headers: { "Set-Cookie": start.cookie, "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof SsoUnavailable) return plain(t("account.sso.unavailable"), 503);
    throw error;
  }
}

export type SsoErrorData = { problem: "badRequest" | "providerError" | "unavailable" | "noAccount" | "noEmail" | "disabled" | "notConfigured"; email?: string };

export async function ssoCallback(key: "1" | "2", request: Request, context: AppLoadContext) {
  const provider = ssoProvider(key);
  const clear = await clearStateCookie(context.isSecure);
  if (!provider) return data<SsoErrorData>({ problem: "notConfigured" }, { status: 404, headers: { "Set-Cookie": clear } });
  const outcome = await finishSsoLogin(provider, request, { origin: context.origin, ip: context.clientIp });
  switch (outcome.status) {
    case "signedIn": {
      const t = await getT(request);
      const previous = await readSessionToken(request);
      if (previous) destroySession(previous);
      const token = createSession(outcome.userId, request.headers.get("user-agent"));
      const headers = new Headers();
      headers.append("Set-Cookie", clear);
      headers.append("Set-Cookie", await serializeSessionCookie(token, context.isSecure));
      const message = outcome.acceptedInvitations > 0 ? t("account.sso.invitationAccepted", { name: outcome.name }) : t("account.sso.welcome", { name: outcome.name });
      headers.append("Set-Cookie", await toastHeader({ kind: "success", message }));
      return redirect(outcome.redirectTo, { status: 303, headers });
    }
    case "noAccount":
      return data<SsoErrorData>({ problem: "noAccount", email: outcome.email }, { status: 403, headers: { "Set-Cookie": clear } });
    case "noEmail":
      return data<SsoErrorData>({ problem: "noEmail" }, { status: 403, headers: { "Set-Cookie": clear } });
    case "disabled":
      return data<SsoErrorData>({ problem: "disabled" }, { status: 403, headers: { "Set-Cookie": clear } });
    case "unavailable":
      return data<SsoErrorData>({ problem: "unavailable" }, { status: 503, headers: { "Set-Cookie": clear } });
    case "providerError":
      return data<SsoErrorData>({ problem: "providerError" }, { status: 400, headers: { "Set-Cookie": clear } });
    case "badRequest":
      return data<SsoErrorData>({ problem: "badRequest" }, { status: 400, headers: { "Set-Cookie": clear } });
  }
}
