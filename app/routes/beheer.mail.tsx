import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MAIL_STATUSES, type MailStatus } from "../domain/mail/kinds";
import { listMail, retryMail } from "../models/mail-queue.server";
import { authorize } from "../utils/guard.server";
import { getEnv } from "../utils/env.server";
import { readForm } from "../utils/forms.server";
import { getLocale, getT } from "../utils/i18n.server";
import { redirectWithToast } from "../utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Mailwachtrij — Samen Onderzoeken" }];

const SHOWN = 200;

/** The mail queue for admins (contract 6.12): status, attempts, last error; never a mail's text (it may hold a link). */
export async function loader({ request }: LoaderFunctionArgs) {
  await authorize(request, "mail:view-queue");
  const requested = new URL(request.url).searchParams.get("status");
  const status = (MAIL_STATUSES as readonly string[]).includes(requested ?? "") ? (requested as MailStatus) : null;
  const { rows, counts } = listMail({ status, limit: SHOWN });
  return { rows, counts, status, smtp: Boolean(getEnv().SMTP_URL), locale: await getLocale(request) };
}

export async function action({ request }: ActionFunctionArgs) {
  await authorize(request, "mail:view-queue");
  const t = await getT(request);
  const form = await readForm(request);
  if (!form || form.intent !== "retry") return data({ error: t("errors.badRequest") }, { status: 400 });
  if (!retryMail((form.mailId ?? "").slice(0, 100))) return data({ error: t("mail.admin.retryNotFound") }, { status: 404 });
  return redirectWithToast("/beheer/mail", { kind: "success", message: t("mail.admin.retried") });
}

export default function MailQueuePage() {
  const { rows, counts, status, smtp, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const navigation = useNavigation();
  const format = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "nl-NL", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Amsterdam" });
  const kindLabel = (kind: string) => t(`mail.admin.kinds.${kind}`, { defaultValue: kind });
  return (
    <div className="stack-lg">
      <header>
        <h1>{t("mail.admin.title")}</h1>
        <p className="lead">{t("mail.admin.intro")}</p>
      </header>
      <div className="alert alert--info" role="status">
        {smtp ? t("mail.admin.smtpSet") : t("mail.admin.noSmtp")}
      </div>
      <p>{t("mail.admin.counts", counts)}</p>
      <Form method="get" className="filter-row">
        <div className="field">
          <label htmlFor="mail-status">{t("mail.admin.filter")}</label>
          <select id="mail-status" name="status" defaultValue={status ?? ""}>
            <option value="">{t("mail.admin.filterAll")}</option>
            {MAIL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`mail.admin.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t("mail.admin.filterSubmit")}
        </button>
      </Form>
      {rows.length === 0 ? (
        <p className="empty">{t("mail.admin.none")}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="mail-caption">
          <table>
            <caption id="mail-caption">{t("mail.admin.caption", { count: rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("mail.admin.columns.to")}</th>
                <th scope="col">{t("mail.admin.columns.kind")}</th>
                <th scope="col">{t("mail.admin.columns.status")}</th>
                <th scope="col">{t("mail.admin.columns.attempts")}</th>
                <th scope="col">{t("mail.admin.columns.lastError")}</th>
                <th scope="col">{t("mail.admin.columns.created")}</th>
                <th scope="col">{t("mail.admin.columns.sent")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-mail-status={row.status}>
                  <th scope="row">
                    {row.toAddress}
                    <br />
                    <span className="muted">{row.subject}</span>
                  </th>
                  <td>{kindLabel(row.kind)}</td>
                  <td>
                    {t(`mail.admin.status.${row.status}`)}
                    {row.status === "queued" && row.attempts > 0 ? (
                      <>
                        <br />
                        <span className="muted">
                          {t("mail.admin.columns.next")}: {format.format(new Date(row.nextAttemptAt))}
                        </span>
                      </>
                    ) : null}
                    {row.status === "failed" ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="retry" />
                        <input type="hidden" name="mailId" value={row.id} />
                        <button type="submit" className="button button--secondary button--small" disabled={navigation.state === "submitting"}>
                          {t("mail.admin.retry")}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                  <td>{row.attempts}</td>
                  <td>{row.lastError ?? ""}</td>
                  <td>{format.format(new Date(row.createdAt))}</td>
                  <td>{row.sentAt ? format.format(new Date(row.sentAt)) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
