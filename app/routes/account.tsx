import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MailPreferenceSection, PasswordSection, ProfileSection, SessionsSection, type AccountActionData } from "../components/account/account-sections";
import { changePassword, endSessions, isPasswordLoginAllowed, listSessions, loadAccount, setMailPreference, updateProfile } from "../models/account.server";
import { changePasswordSchema, mailPreferenceSchema, profileSchema } from "../schemas/account";
import { authorize } from "../utils/guard.server";
import { fieldErrors, readForm } from "../utils/forms.server";
import { getLocale, getT, localeCookie, tFor } from "../utils/i18n.server";
import { hashPassword } from "../utils/password.server";
import { checkPasswordGuess, throttleMessage } from "../utils/password-guard.server";
import { clearSessionCookie, readSessionToken } from "../utils/session.server";
import { redirectWithToast } from "../utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Mijn account — Samen Onderzoeken" }];

// A throttled password guess tells the client when to come back.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

/** Every signed-in person's own account (issue 21): name, language, mail preference, password, sessions. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await authorize(request, "account:manage");
  const account = loadAccount(user.id)!;
  const token = await readSessionToken(request);
  return {
    account: { name: account.name, email: account.email, locale: account.locale, mailPreference: account.mailPreference, hasPassword: account.hasPassword !== null },
    passwordsAllowed: isPasswordLoginAllowed(user.id),
    sessions: listSessions(user.id, token),
    locale: await getLocale(request),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await authorize(request, "account:manage");
  const t = await getT(request);
  const form = await readForm(request);
  if (!form) return data<AccountActionData>({ formError: t("errors.badRequest") }, { status: 400 });
  const intent = form.intent ?? "";
  const token = await readSessionToken(request);

  switch (intent) {
    case "profile": {
      const parsed = profileSchema.safeParse(form);
      if (!parsed.success) return data<AccountActionData>({ intent, errors: fieldErrors(parsed.error, t), values: { name: (form.name ?? "").slice(0, 300) } }, { status: 400 });
      updateProfile(user.id, parsed.data, context.clientIp);
      // The chosen language also becomes this browser's (mail uses the stored one).
      return redirectWithToast("/account", { kind: "success", message: tFor(parsed.data.locale)("account.profile.saved") }, { headers: { "Set-Cookie": await localeCookie.serialize(parsed.data.locale) } });
    }
    case "mail": {
      const parsed = mailPreferenceSchema.safeParse(form);
      if (!parsed.success) return data<AccountActionData>({ intent, errors: fieldErrors(parsed.error, t) }, { status: 400 });
      setMailPreference(user.id, parsed.data.mailPreference);
      return redirectWithToast("/account#mail", { kind: "success", message: t("account.mail.saved") });
    }
    case "password": {
      const parsed = changePasswordSchema.safeParse(form);
      if (!parsed.success) return data<AccountActionData>({ intent, errors: fieldErrors(parsed.error, t) }, { status: 400 });
      const account = loadAccount(user.id)!;
      // The same throttle as the login form and the invitation (contract 6.12).
      const guess = await checkPasswordGuess({ form: "account", email: account.email, ip: context.clientIp, passwordHash: account.hasPassword, password: parsed.data.currentPassword, userId: user.id });
      if (!guess.ok && guess.reason === "throttled") {
        const message = throttleMessage(guess);
        return data<AccountActionData>({ intent, formError: t(message.key, message.values) }, { status: 429, headers: message.headers });
      }
      if (!guess.ok) return data<AccountActionData>({ intent, errors: { currentPassword: t("account.password.wrong") } }, { status: 401 });
      if (parsed.data.password === parsed.data.currentPassword) return data<AccountActionData>({ intent, errors: { password: t("account.errors.passwordSame") } }, { status: 400 });
      changePassword(user.id, await hashPassword(parsed.data.password), token, context.clientIp);
      return redirectWithToast("/account#password", { kind: "success", message: t("account.password.changed") });
    }
    case "end-others": {
      const ended = endSessions(user.id, token, context.clientIp);
      return redirectWithToast("/account#sessions", { kind: "success", message: t("account.sessions.endedOthers", { count: ended }) });
    }
    case "end-all": {
      endSessions(user.id, null, context.clientIp);
      return redirectWithToast("/login", { kind: "success", message: t("account.sessions.endedAll") }, { headers: { "Set-Cookie": await clearSessionCookie(context.isSecure) } });
    }
    default:
      return data<AccountActionData>({ formError: t("account.errors.unknownIntent") }, { status: 400 });
  }
}

export default function AccountPage() {
  const { account, passwordsAllowed, sessions, locale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="stack-lg account-page">
      <header>
        <h1>{t("account.title")}</h1>
        <p className="lead">{t("account.intro")}</p>
      </header>
      {actionData?.formError && !actionData.intent ? (
        <div className="alert alert--error" role="alert">
          {actionData.formError}
        </div>
      ) : null}
      <ProfileSection account={account} reply={actionData?.intent === "profile" ? actionData : undefined} />
      <MailPreferenceSection preference={account.mailPreference} reply={actionData?.intent === "mail" ? actionData : undefined} />
      <PasswordSection hasPassword={account.hasPassword} passwordsAllowed={passwordsAllowed} email={account.email} reply={actionData?.intent === "password" ? actionData : undefined} />
      <SessionsSection sessions={sessions} locale={locale} />
      <section className="card stack-sm" aria-labelledby="my-data">
        <h2 id="my-data">{t("account.data.title")}</h2>
        <p>{t("account.data.text")}</p>
        <p>
          <Link to="/account/gegevens">{t("account.data.link")}</Link>
        </p>
      </section>
    </div>
  );
}
