import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRouteLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormField } from "../components/ui/form-field";
import type { loader as rootLoader } from "../root";
import { isPasswordLoginAllowed } from "../models/account.server";
import { recordAudit } from "../models/audit.server";
import { findUserByEmail } from "../models/user.server";
import { loginSchema } from "../schemas/login";
import { getCurrentUser, safeRedirect } from "../utils/auth.server";
import { normaliseEmail } from "../utils/email";
import { fieldErrors, readForm } from "../utils/forms.server";
import { getT } from "../utils/i18n.server";
import { checkPasswordGuess, throttleMessage } from "../utils/password-guard.server";
import {
  createSession,
  destroySession,
  readSessionToken,
  serializeSessionCookie,
} from "../utils/session.server";
import { ssoProviders } from "../utils/sso.server";
import { toastHeader } from "../utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Inloggen — Samen Onderzoeken" }];

// A throttled guess tells the client when to come back (the action's Retry-After).
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export async function loader({ request }: LoaderFunctionArgs) {
  // Already signed in: go where the user was heading.
  if (await getCurrentUser(request)) {
    throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  }
  // Single sign-on buttons (contract 6.13): only the label and where to start; nothing secret.
  return { sso: ssoProviders().map((p) => ({ href: p.startPath, label: p.label })) };
}

type ActionData = { formError?: string; errors?: Record<string, string>; email?: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const t = await getT(request);
  const form = await readForm(request);
  if (!form) return data<ActionData>({ formError: t("errors.badRequest") }, { status: 400 });

  const parsed = loginSchema.safeParse(form);
  if (!parsed.success) {
    return data<ActionData>(
      { errors: fieldErrors(parsed.error, t), email: (form.email ?? "").slice(0, 320) },
      { status: 400 },
    );
  }
  const email = normaliseEmail(parsed.data.email);
  const ip = context.clientIp;

  const user = findUserByEmail(email);
  const usable = user && !user.disabledAt ? user.passwordHash : null;
  const guess = await checkPasswordGuess({ form: "login", email, ip, passwordHash: usable ?? null, password: parsed.data.password, userId: user?.id });
  if (!guess.ok && guess.reason === "throttled") {
    const message = throttleMessage(guess);
    return data<ActionData>({ formError: t(message.key, message.values), email }, { status: 429, headers: message.headers });
  }
  if (!guess.ok || !user) return data<ActionData>({ formError: t("login.invalid"), email }, { status: 401 });
  // Checked only after a right password, so it tells strangers nothing about the account (record 0022b).
  if (!isPasswordLoginAllowed(user.id)) return data<ActionData>({ formError: t("account.sso.passwordsOff"), email }, { status: 401 });

  // Rotate: whatever session this browser had is ended, a new one starts.
  const previous = await readSessionToken(request);
  if (previous) destroySession(previous);
  const token = createSession(user.id, request.headers.get("user-agent"));
  recordAudit({ event: "login.success", actorUserId: user.id, subjectUserId: user.id, email, ip });

  const headers = new Headers();
  headers.append("Set-Cookie", await serializeSessionCookie(token, context.isSecure));
  headers.append("Set-Cookie", await toastHeader({ kind: "success", message: t("login.welcome", { name: user.name }) }));
  return redirect(safeRedirect(parsed.data.redirectTo), { headers });
}

export default function LoginPage() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const { sso } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const rootData = useRouteLoaderData<typeof rootLoader>("root");
  const pending = navigation.state !== "idle" && navigation.formAction === "/login";
  const errors = actionData?.errors ?? {};
  return (
    <div className="narrow">
      <h1>{t("login.title")}</h1>
      <p>{t("login.intro")}</p>
      {actionData?.formError ? (
        <div className="alert alert--error" role="alert" id="login-error">
          {actionData.formError}
        </div>
      ) : null}
      <Form method="post" className="stack" noValidate aria-describedby={actionData?.formError ? "login-error" : undefined}>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <FormField
          label={t("login.email")}
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={actionData?.email ?? ""}
          error={errors.email}
        />
        <FormField
          label={t("login.password")}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={errors.password}
        />
        <button type="submit" className="button" disabled={pending} aria-busy={pending}>
          {pending ? t("login.pending") : t("login.submit")}
        </button>
      </Form>
      <p>
        <Link to="/wachtwoord-vergeten">{t("account.forgot.loginLink")}</Link>
      </p>
      {sso.length > 0 ? (
        <div className="stack-sm sso-buttons">
          <p className="sso-buttons__or">{t("account.sso.or")}</p>
          {sso.map((p) => {
            const back = searchParams.get("redirectTo");
            return (
              <a key={p.href} className="button button--secondary" href={back ? `${p.href}?${new URLSearchParams({ redirectTo: back })}` : p.href}>
                {p.label}
              </a>
            );
          })}
        </div>
      ) : null}
      {/* Demo accounts are named only while they exist (contract 6.11). */}
      {rootData?.demo ? <p className="hint">{t("login.demoHint")}</p> : null}
    </div>
  );
}
