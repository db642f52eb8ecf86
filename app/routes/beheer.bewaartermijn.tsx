import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import privacyStyles from "../components/privacy/privacy.css?url";
import { formatDate } from "../domain/dates";
import { can } from "../domain/permissions";
import {
  DEFAULT_LEAVER_RETENTION_MONTHS,
  MAX_LEAVER_RETENTION_MONTHS,
  MIN_LEAVER_RETENTION_MONTHS,
  PRUNE_INTERVAL_MINUTES,
  UPCOMING_ERASURE_DAYS,
} from "../domain/retention";
import { listRetentionTerms, runRetention, setLeaverRetention, upcomingErasures } from "../models/retention.server";
import { authorize } from "../utils/guard.server";
import { readForm } from "../utils/forms.server";
import { getLocale, getT } from "../utils/i18n.server";
import { redirectWithToast } from "../utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Bewaartermijnen — Samen Onderzoeken" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: privacyStyles }];

/**
 * Retention (issue 22, record 0024): each partnership's bewaartermijn, the list
 * of students the job erases next (check first: reactivate who must stay), and
 * running the pruning now.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await authorize(request, "retention:manage");
  return { terms: listRetentionTerms(), upcoming: upcomingErasures(), locale: await getLocale(request) };
}

type ActionData = { termError?: { partnershipId: string; message: string } };

export async function action({ request }: ActionFunctionArgs) {
  const { user, actor } = await authorize(request, "retention:manage");
  const t = await getT(request);
  const form = await readForm(request);
  if (!form) return data<ActionData>({}, { status: 400 });

  if (form.intent === "run") {
    const counts = runRetention(new Date(), user.id);
    const parts = Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([kind, n]) => t(`privacy.retention.counts.${kind}`, { count: n, defaultValue: `${n} ${kind}` }));
    const message = parts.length ? t("privacy.retention.ran", { summary: parts.join(", ") }) : t("privacy.retention.ranNothing");
    return redirectWithToast("/beheer/bewaartermijn", { kind: "success", message });
  }

  if (form.intent === "term") {
    const partnershipId = String(form.partnershipId ?? "").slice(0, 100);
    const text = String(form.months ?? "").trim();
    const months = /^\d{1,4}$/.test(text) ? Number(text) : NaN;
    if (!can(actor, "partnership:settings", { partnershipIds: [partnershipId] })) return data<ActionData>({}, { status: 403 });
    if (!(months >= MIN_LEAVER_RETENTION_MONTHS && months <= MAX_LEAVER_RETENTION_MONTHS)) {
      const message = t("privacy.retention.termInvalid", { min: MIN_LEAVER_RETENTION_MONTHS, max: MAX_LEAVER_RETENTION_MONTHS });
      return data<ActionData>({ termError: { partnershipId, message } }, { status: 400 });
    }
    const name = setLeaverRetention(partnershipId, months, user.id);
    if (!name) return data<ActionData>({ termError: { partnershipId, message: t("errors.notFoundText") } }, { status: 404 });
    return redirectWithToast("/beheer/bewaartermijn", { kind: "success", message: t("privacy.retention.saved", { name, months }) });
  }
  return data<ActionData>({}, { status: 400 });
}

export default function RetentionPage() {
  const { terms, upcoming, locale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const busyIntent = navigation.state !== "idle" ? navigation.formData?.get("intent") : null;
  const busyPartnership = navigation.state !== "idle" ? navigation.formData?.get("partnershipId") : null;
  return (
    <div className="stack-lg">
      <header>
        <h1>{t("privacy.retention.title")}</h1>
        <p className="lead">{t("privacy.retention.intro")}</p>
      </header>

      <section className="stack" aria-labelledby="upcoming">
        <h2 id="upcoming">{t("privacy.retention.upcomingTitle")}</h2>
        <p>{t("privacy.retention.upcomingIntro", { days: UPCOMING_ERASURE_DAYS })}</p>
        {upcoming.length === 0 ? (
          <p className="empty">{t("privacy.retention.none", { days: UPCOMING_ERASURE_DAYS })}</p>
        ) : (
          <div
            className="table-scroll"
            // A scrollable region must take focus (axe scrollable-region-focusable).
            // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
            tabIndex={0}
            role="region" aria-labelledby="upcoming"
          >
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("privacy.retention.person")}</th>
                  <th scope="col">{t("privacy.retention.institutes")}</th>
                  <th scope="col">{t("privacy.retention.disabledAt")}</th>
                  <th scope="col">{t("privacy.retention.eraseAt")}</th>
                </tr>
              </thead>
              <tbody>
                {upcoming.map((u) => (
                  <tr key={u.userId}>
                    <td>
                      <Link to={`/beheer/personen/${u.userId}`}>{u.name}</Link>
                      <br />
                      <span className="muted">{u.email}</span>
                    </td>
                    <td>{u.institutes}</td>
                    <td>{formatDate(u.disabledAt, locale)}</td>
                    <td>{u.due ? t("privacy.retention.due") : formatDate(u.eraseAt, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card stack" aria-labelledby="terms">
        <h2 id="terms">{t("privacy.retention.termsTitle")}</h2>
        {terms.map((p) => {
          const error = actionData?.termError?.partnershipId === p.id ? actionData.termError.message : undefined;
          const busy = busyIntent === "term" && busyPartnership === p.id;
          return (
            <Form method="post" className="button-row" key={p.id} noValidate>
              <input type="hidden" name="intent" value="term" />
              <input type="hidden" name="partnershipId" value={p.id} />
              <div className={`field field--grow${error ? " field--invalid" : ""}`}>
                <label htmlFor={`term-${p.id}`}>{t("privacy.retention.termLabel", { name: p.name })}</label>
                <p className="field__help" id={`term-${p.id}-help`}>
                  {t("privacy.retention.termHelp", { min: MIN_LEAVER_RETENTION_MONTHS, max: MAX_LEAVER_RETENTION_MONTHS, default: DEFAULT_LEAVER_RETENTION_MONTHS })}
                </p>
                <input
                  id={`term-${p.id}`}
                  name="months"
                  type="number"
                  inputMode="numeric"
                  min={MIN_LEAVER_RETENTION_MONTHS}
                  max={MAX_LEAVER_RETENTION_MONTHS}
                  defaultValue={p.months}
                  required
                  aria-invalid={error ? true : undefined}
                  aria-describedby={`term-${p.id}-help${error ? ` term-${p.id}-error` : ""}`}
                />
                {error ? (
                  <p className="field__error" id={`term-${p.id}-error`}>
                    {error}
                  </p>
                ) : null}
              </div>
              <button type="submit" className="button button--secondary" disabled={busy} aria-busy={busy}>
                {t("privacy.retention.save")}
              </button>
            </Form>
          );
        })}
      </section>

      <section className="card stack" aria-labelledby="run">
        <h2 id="run">{t("privacy.retention.runTitle")}</h2>
        <p>{t("privacy.retention.runText", { minutes: PRUNE_INTERVAL_MINUTES })}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="run" />
          <button type="submit" className="button" disabled={busyIntent === "run"} aria-busy={busyIntent === "run"}>
            {busyIntent === "run" ? t("privacy.retention.running") : t("privacy.retention.run")}
          </button>
        </Form>
      </section>
    </div>
  );
}
