import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RESET_VALID_MS } from "../models/password-reset.server";
import { useTranslation } from "react-i18next";
import privacyStyles from "../components/privacy/privacy.css?url";
import { RIGHTS_KEYS, STATEMENT_ROW_KEYS } from "../components/privacy/keys";
import { PRIVACY_THRESHOLD } from "../domain/culture-scan";
import { PREVIEW_VALID_MS } from "../domain/import/types";
import {
  AUDIT_LOG_MONTHS,
  DEFAULT_LEAVER_RETENTION_MONTHS,
  LOGIN_FAILURE_DAYS,
  PASSWORD_RESET_DAYS,
  SENT_MAIL_DAYS,
  FAILED_MAIL_DAYS,
  PRUNE_INTERVAL_MINUTES,
  STALE_INVITATION_DAYS,
} from "../domain/retention";
import { INVITATION_VALID_DAYS } from "../models/invitation.server";
import { listRetentionTerms } from "../models/retention.server";
import { getCurrentUser } from "../utils/auth.server";
import { SESSION_MAX_AGE_SECONDS } from "../utils/session.server";

export const meta: MetaFunction = () => [
  { title: "Privacyverklaring — Samen Onderzoeken" },
  { name: "description", content: "Welke persoonsgegevens Samen Onderzoeken bewaart, waarom en hoe lang." },
];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: privacyStyles }];

/**
 * The privacy statement (issue 22): public, and built from the same constants
 * and partnership settings the pruning job uses, so it cannot drift from it.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const signedIn = !!(await getCurrentUser(request));
  return {
    signedIn,
    terms: listRetentionTerms().map(({ name, months }) => ({ name, months })),
    values: {
      account: {},
      work: {},
      studentProfile: {},
      scan: { threshold: PRIVACY_THRESHOLD },
      sessions: { days: Math.round(SESSION_MAX_AGE_SECONDS / 86400) },
      loginFailures: { days: LOGIN_FAILURE_DAYS },
      invitations: { valid: INVITATION_VALID_DAYS, days: STALE_INVITATION_DAYS },
      passwordResets: { minutes: Math.round(RESET_VALID_MS / 60000), days: PASSWORD_RESET_DAYS },
      mail: { sent: SENT_MAIL_DAYS, failed: FAILED_MAIL_DAYS },
      audit: { months: AUDIT_LOG_MONTHS },
      imports: { minutes: Math.round(PREVIEW_VALID_MS / 60000) },
    } satisfies Record<(typeof STATEMENT_ROW_KEYS)[number], Record<string, number>>,
    defaultMonths: DEFAULT_LEAVER_RETENTION_MONTHS,
    intervalMinutes: PRUNE_INTERVAL_MINUTES,
  };
}

export default function PrivacyPage() {
  const { signedIn, terms, values, defaultMonths, intervalMinutes } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="stack-lg">
      <header>
        <h1>{t("privacy.statement.title")}</h1>
        <p className="lead">{t("privacy.statement.intro")}</p>
      </header>
      <section className="stack" aria-labelledby="controller">
        <h2 id="controller">{t("privacy.statement.controllerTitle")}</h2>
        <p>{t("privacy.statement.controller")}</p>
      </section>
      <section className="stack" aria-labelledby="what">
        <h2 id="what">{t("privacy.statement.whatTitle")}</h2>
        <div
          className="table-scroll"
          // A scrollable region must take focus (axe scrollable-region-focusable).
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
          role="region" aria-labelledby="what"
        >
          <table className="privacy-table">
            <thead>
              <tr>
                <th scope="col">{t("privacy.statement.kind")}</th>
                <th scope="col">{t("privacy.statement.why")}</th>
                <th scope="col">{t("privacy.statement.howLong")}</th>
              </tr>
            </thead>
            <tbody>
              {STATEMENT_ROW_KEYS.map((key) => (
                <tr key={key}>
                  <th scope="row">{t(`privacy.statement.rows.${key}.kind`)}</th>
                  <td data-label={t("privacy.statement.why")}>{t(`privacy.statement.rows.${key}.why`)}</td>
                  <td data-label={t("privacy.statement.howLong")}>{t(`privacy.statement.rows.${key}.howLong`, values[key])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="stack" aria-labelledby="leavers">
        <h2 id="leavers">{t("privacy.statement.leaversTitle")}</h2>
        <p>{t("privacy.statement.leaversIntro")}</p>
        <p>{t("privacy.statement.leaversDefault", { months: defaultMonths })}</p>
        {terms.length > 0 ? (
          <div
            className="table-scroll"
            // A scrollable region must take focus (axe scrollable-region-focusable).
            // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
            tabIndex={0}
            role="region" aria-labelledby="leavers"
          >
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("privacy.statement.partnership")}</th>
                  <th scope="col">{t("privacy.statement.term")}</th>
                </tr>
              </thead>
              <tbody>
                {terms.map((p) => (
                  <tr key={p.name}>
                    <td>{p.name}</td>
                    <td>{t("privacy.statement.months", { count: p.months })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <section className="stack" aria-labelledby="schedule">
        <h2 id="schedule">{t("privacy.statement.scheduleTitle")}</h2>
        <p>{t("privacy.statement.schedule", { minutes: intervalMinutes })}</p>
      </section>
      <section className="stack" aria-labelledby="rights">
        <h2 id="rights">{t("privacy.statement.rightsTitle")}</h2>
        <ul>
          {RIGHTS_KEYS.map((key) => (
            <li key={key}>{t(`privacy.statement.rights.${key}`)}</li>
          ))}
        </ul>
        {signedIn ? (
          <p>
            <Link to="/account/gegevens">{t("privacy.statement.myData")}</Link>
          </p>
        ) : null}
      </section>
    </div>
  );
}
