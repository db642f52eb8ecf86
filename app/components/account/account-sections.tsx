import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { MailPreference } from "../../domain/mail/kinds";
import { FormField } from "../ui/form-field";
import { NewPasswordFields } from "../ui/new-password-fields";

/** The sections of /account; each form posts its own `intent` and works before JavaScript loads. */
export type AccountActionData = { intent?: string; errors?: Record<string, string>; formError?: string; values?: Record<string, string> };

function usePending(intent: string) {
  const navigation = useNavigation();
  return navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
}

function FormError({ reply }: { reply?: AccountActionData }) {
  return reply?.formError ? (
    <div className="alert alert--error" role="alert">
      {reply.formError}
    </div>
  ) : null;
}

export function ProfileSection({ account, reply }: { account: { name: string; email: string; locale: string }; reply?: AccountActionData }) {
  const { t } = useTranslation();
  const pending = usePending("profile");
  const errors = reply?.errors ?? {};
  return (
    <section className="card stack" aria-labelledby="profile">
      <h2 id="profile">{t("account.profile.title")}</h2>
      <FormError reply={reply} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="profile" />
        <FormField label={t("account.profile.name")} name="name" required maxLength={200} autoComplete="name" defaultValue={reply?.values?.name ?? account.name} error={errors.name} />
        <FormField label={t("account.profile.email")} name="email-display" value={account.email} readOnly help={t("account.profile.emailHelp")} autoComplete="username" />
        <div className={`field${errors.locale ? " field--invalid" : ""}`}>
          <label htmlFor="account-locale">{t("account.profile.locale")}</label>
          <select id="account-locale" name="locale" defaultValue={account.locale} aria-invalid={errors.locale ? true : undefined}>
            <option value="nl">{t("language.nl")}</option>
            <option value="en">{t("language.en")}</option>
          </select>
          {errors.locale ? <p className="field__error">{errors.locale}</p> : null}
        </div>
        <div>
          <button type="submit" className="button" disabled={pending} aria-busy={pending}>
            {pending ? t("account.password.pending") : t("account.profile.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export function MailPreferenceSection({ preference, reply }: { preference: MailPreference; reply?: AccountActionData }) {
  const { t } = useTranslation();
  const pending = usePending("mail");
  const options: MailPreference[] = ["direct", "digest", "off"];
  return (
    <section className="card stack" aria-labelledby="mail" id="mail-section">
      <h2 id="mail">{t("account.mail.title")}</h2>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="mail" />
        <fieldset className="stack-sm" aria-describedby="mail-help">
          <legend>{t("account.mail.legend")}</legend>
          {options.map((option) => (
            <div key={option} className="radio-option">
              <label className="checkbox">
                <input type="radio" name="mailPreference" value={option} defaultChecked={preference === option} /> {t(`account.mail.${option}`)}
              </label>
            </div>
          ))}
        </fieldset>
        {reply?.errors?.mailPreference ? <p className="field__error">{reply.errors.mailPreference}</p> : null}
        <p className="field__help" id="mail-help">
          {t("account.mail.help")}
        </p>
        <div>
          <button type="submit" className="button" disabled={pending} aria-busy={pending}>
            {pending ? t("account.password.pending") : t("account.mail.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export function PasswordSection({ hasPassword, passwordsAllowed, email, reply }: { hasPassword: boolean; passwordsAllowed: boolean; email: string; reply?: AccountActionData }) {
  const { t } = useTranslation();
  const pending = usePending("password");
  const errors = reply?.errors ?? {};
  return (
    <section className="card stack" aria-labelledby="password">
      <h2 id="password">{t("account.password.title")}</h2>
      {!passwordsAllowed ? <p>{t("account.password.ssoOnly")}</p> : null}
      {!hasPassword ? <p>{t("account.password.noPassword")}</p> : null}
      <FormError reply={reply} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="password" />
        <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
        <FormField label={t("account.password.current")} name="currentPassword" type="password" autoComplete="current-password" required error={errors.currentPassword} />
        <NewPasswordFields label={t("account.password.new")} help={t("account.password.newHelp")} confirmLabel={t("account.password.confirm")} errors={errors} />
        <div>
          <button type="submit" className="button" disabled={pending} aria-busy={pending}>
            {pending ? t("account.password.pending") : t("account.password.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}

type SessionRow = { createdAt: string; lastSeenAt: string | null; userAgent: string | null; current: boolean };

/** A short, readable name for a user-agent string (no library: only the browser and system matter here). */
function deviceName(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser = /Edg\//.test(userAgent) ? "Edge" : /Firefox\//.test(userAgent) ? "Firefox" : /Chrome\//.test(userAgent) ? "Chrome" : /Safari\//.test(userAgent) ? "Safari" : null;
  const system = /Windows/.test(userAgent) ? "Windows" : /Android/.test(userAgent) ? "Android" : /iPhone|iPad/.test(userAgent) ? "iOS" : /Mac OS X/.test(userAgent) ? "macOS" : /Linux/.test(userAgent) ? "Linux" : null;
  if (browser && system) return `${browser} · ${system}`;
  return browser ?? system ?? userAgent.slice(0, 60);
}

export function SessionsSection({ sessions, locale }: { sessions: SessionRow[]; locale: string }) {
  const { t } = useTranslation();
  const format = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "nl-NL", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Amsterdam" });
  const endingOthers = usePending("end-others");
  const endingAll = usePending("end-all");
  return (
    <section className="card stack" aria-labelledby="sessions" id="sessions-section">
      <h2 id="sessions">{t("account.sessions.title")}</h2>
      <p>{t("account.sessions.intro")}</p>
      <div className="table-scroll" role="region" aria-labelledby="sessions">
        <table>
          <caption className="visually-hidden">{t("account.sessions.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("account.sessions.device")}</th>
              <th scope="col">{t("account.sessions.created")}</th>
              <th scope="col">{t("account.sessions.lastSeen")}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s, i) => (
              <tr key={`${s.createdAt}-${i}`}>
                <th scope="row">
                  {deviceName(s.userAgent) ?? t("account.sessions.unknownDevice")}
                  {s.current ? (
                    <>
                      {" "}
                      <span className="badge">{t("account.sessions.thisOne")}</span>
                    </>
                  ) : null}
                </th>
                <td>{format.format(new Date(s.createdAt))}</td>
                <td>{s.lastSeenAt ? format.format(new Date(s.lastSeenAt)) : t("account.sessions.never")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="button-row">
        <Form method="post">
          <input type="hidden" name="intent" value="end-others" />
          <button type="submit" className="button button--secondary" aria-describedby="end-others-help" disabled={endingOthers} aria-busy={endingOthers}>
            {t("account.sessions.endOthers")}
          </button>
        </Form>
        <Form method="post">
          <input type="hidden" name="intent" value="end-all" />
          <button type="submit" className="button button--secondary" disabled={endingAll} aria-busy={endingAll}>
            {t("account.sessions.endAll")}
          </button>
        </Form>
      </div>
      <p className="field__help" id="end-others-help">
        {t("account.sessions.endOthersHelp")}
      </p>
    </section>
  );
}
