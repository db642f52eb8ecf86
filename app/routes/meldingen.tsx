import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notificationText } from "../domain/notification-text";
import { listNotifications, markNotificationsRead } from "../models/notification.server";
import { requirePermission } from "../utils/guard.server";
import { getLocale, getT } from "../utils/i18n.server";
import { redirectWithToast } from "../utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Meldingen — Samen Onderzoeken" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "dashboard:view");
  return { items: listNotifications(user.id), locale: await getLocale(request) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "dashboard:view");
  markNotificationsRead(user.id);
  const t = await getT(request);
  return redirectWithToast("/meldingen", { kind: "success", message: t("questions.notifications.marked") });
}

export default function NotificationsPage() {
  const { items, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const dateFormat = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "nl-NL", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Amsterdam",
  });
  const unread = items.filter((n) => !n.readAt).length;
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>{t("questions.notifications.title")}</h1>
        {unread > 0 ? (
          <Form method="post">
            <button type="submit" className="button button--secondary">
              {t("questions.notifications.markRead")}
            </button>
          </Form>
        ) : null}
      </header>
      {items.length === 0 ? (
        <p className="empty">{t("questions.notifications.none")}</p>
      ) : (
        <ul className="result-list">
          {items.map((n) => {
            const text = notificationText(n, t);
            return (
              <li key={n.id} className={`result${n.readAt ? "" : " result--unread"}`}>
                {n.readAt ? null : <span className="badge">{t("questions.notifications.unread")}</span>}{" "}
                {/* Through /meldingen/:id, which marks it read and then opens the link. */}
                {n.link ? (
                  <Link to={`/meldingen/${n.id}`} reloadDocument>
                    {text}
                  </Link>
                ) : (
                  text
                )}
                <p className="muted">
                  <time dateTime={n.createdAt}>{dateFormat.format(new Date(n.createdAt))}</time>
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
