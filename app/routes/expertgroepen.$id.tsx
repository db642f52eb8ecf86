import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GroupAdmin, GroupMeetings, GroupTopics } from "../components/installation/group-parts";
import { checkMeetingInput } from "../domain/meeting-input";
import {
  addPost,
  approveMember,
  declineMember,
  getGroup,
  isGroupWriteError,
  joinGroup,
  leaveGroup,
  nameModerator,
  planGroupMeeting,
  replyToTopic,
  setGroupArchived,
  startTopic,
  updateExpertGroup,
} from "../models/expert-group.server";
import { authorize, forbidden, refusal } from "../utils/guard.server";
import { readForm } from "../utils/forms.server";
import { getLocale, getT } from "../utils/i18n.server";
import { redirectWithToast } from "../utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: `${loaderData?.group.name ?? "Expertgroep"} — Samen Onderzoeken` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await authorize(request, "expertgroups:view");
  const view = getGroup(actor, params.id ?? "");
  if (!view) return refusal(request, { notFound: true });
  return { ...view, locale: await getLocale(request) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, actor } = await authorize(request, "expertgroups:view");
  const t = await getT(request);
  const view = getGroup(actor, params.id ?? "");
  if (!view) return refusal(request, { notFound: true });
  const form = await readForm(request);
  if (!form) return data({ error: t("errors.badRequest") }, { status: 400 });
  const back = `/expertgroepen/${view.group.id}`;
  const fieldErrors = (errors: Record<string, string>, status = 400) =>
    data({ error: Object.values(errors).map((k) => t(k)).join(" "), errors: Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, t(v)])), form: form.intent }, { status });
  // Archived groups stay readable; only restoring changes anything.
  if (view.archived && form.intent !== "restore") return data({ error: t("install.groups.errors.archived") }, { status: 400 });
  switch (form.intent) {
    case "update": {
      if (!view.canManage) return forbidden({ error: t("errors.forbiddenText") });
      const name = (form.name ?? "").trim();
      if (name.length < 2 || name.length > 200) return fieldErrors({ name: "install.groups.errors.nameRequired" });
      if ((form.description ?? "").length > 5000) return fieldErrors({ description: "install.groups.errors.tooLong" });
      const joinPolicy = form.joinPolicy === "moderated" ? "moderated" : "open";
      const result = updateExpertGroup(view.group.id, { name, description: (form.description ?? "").trim(), joinPolicy }, user.id);
      if (isGroupWriteError(result)) return fieldErrors(result.errors, result.status);
      return redirectWithToast(back, { kind: "success", message: t("install.groups.saved") });
    }
    case "archive":
    case "restore": {
      if (!view.canManage) return forbidden({ error: t("errors.forbiddenText") });
      setGroupArchived(view.group.id, form.intent === "archive", user.id);
      return redirectWithToast(back, { kind: "success", message: t(form.intent === "archive" ? "install.groups.archivedDone" : "install.groups.restoredDone") });
    }
    case "name-moderator": {
      if (!view.canManage) return forbidden({ error: t("errors.forbiddenText") });
      const result = nameModerator(view.group.id, (form.userId ?? "").slice(0, 100), user.id);
      if (isGroupWriteError(result)) return fieldErrors(result.errors, result.status);
      return redirectWithToast(back, { kind: "success", message: t("install.groups.moderatorNamed") });
    }
    case "decline": {
      if (!view.isModerator) return forbidden({ error: t("errors.forbiddenText") });
      if (!declineMember(view.group.id, (form.userId ?? "").slice(0, 100))) return data({ error: t("errors.badRequest") }, { status: 400 });
      return redirectWithToast(back, { kind: "info", message: t("install.groups.declined") });
    }
    case "meeting": {
      if (!view.canMeet) return forbidden({ error: t("results.groups.membersOnly") });
      const check = checkMeetingInput(form);
      if (!check.ok) return fieldErrors(check.errors);
      planGroupMeeting(view.group.id, check.value);
      return redirectWithToast(`${back}#bijeenkomsten`, { kind: "success", message: t("install.groups.meetingPlanned") });
    }
    case "topic": {
      if (!view.canMeet) return forbidden({ error: t("results.groups.membersOnly") });
      const title = (form.title ?? "").trim();
      const body = (form.body ?? "").trim();
      const errors: Record<string, string> = {};
      if (title.length < 2 || title.length > 200) errors.title = "install.groups.errors.titleRequired";
      if (!body) errors.body = "install.groups.errors.bodyRequired";
      else if (body.length > 5000) errors.body = "install.groups.errors.tooLong";
      if (Object.keys(errors).length) return fieldErrors(errors);
      const topicId = startTopic(view.group.id, user.id, title, body);
      return redirectWithToast(`${back}#discussie-${topicId}`, { kind: "success", message: t("install.groups.topicStarted") });
    }
    case "reply": {
      if (!view.canMeet) return forbidden({ error: t("results.groups.membersOnly") });
      const topic = view.topics.find((tp) => tp.id === form.topicId);
      if (!topic) return refusal(request, { notFound: true });
      const body = (form.body ?? "").trim();
      if (!body) return fieldErrors({ body: "install.groups.errors.bodyRequired" });
      if (body.length > 5000) return fieldErrors({ body: "install.groups.errors.tooLong" });
      replyToTopic(topic.id, user.id, body);
      return redirectWithToast(`${back}#discussie-${topic.id}`, { kind: "success", message: t("install.groups.replied") });
    }
    case "join":
      joinGroup(view.group.id, user.id, view.group.joinPolicy);
      return redirectWithToast(back, {
        kind: "success",
        message: t(view.group.joinPolicy === "open" ? "results.groups.joined" : "results.groups.requested"),
      });
    case "leave":
      leaveGroup(view.group.id, user.id);
      return redirectWithToast(back, { kind: "info", message: t("results.groups.left") });
    case "approve": {
      if (!view.isModerator) return forbidden({ error: t("errors.forbiddenText") });
      if (!approveMember(view.group.id, (form.userId ?? "").slice(0, 100))) {
        return data({ error: t("errors.badRequest") }, { status: 400 });
      }
      return redirectWithToast(back, { kind: "success", message: t("results.groups.approved") });
    }
    case "post": {
      if (!view.canPost) return forbidden({ error: t("results.groups.membersOnly") });
      const body = (form.body ?? "").trim();
      if (!body) return data({ error: t("results.groups.postEmpty") }, { status: 400 });
      if (body.length > 5000) return data({ error: t("questions.errors.tooLong") }, { status: 400 });
      // Only into a thread of a result shared here and visible to this member.
      if (!view.shared.some((s) => s.id === form.resultId)) return refusal(request, { notFound: true });
      addPost(view.group.id, form.resultId!, user.id, body);
      return redirectWithToast(`${back}#resultaat-${form.resultId}`, { kind: "success", message: t("results.groups.posted") });
    }
    default:
      return data({ error: t("errors.badRequest") }, { status: 400 });
  }
}

export default function ExpertGroupPage() {
  const { group, members, requests, myStatus, isModerator, shared, meetings, locale, canManage, canMeet, archived, topics, regionPeople } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const busy = navigation.state === "submitting";
  const dateFormat = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "nl-NL", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Amsterdam",
  });
  return (
    <div className="stack-lg">
      <header className="page-header">
        <div>
          <h1>{group.name}</h1>
          <p className="lead">{group.description}</p>
        </div>
        <Form method="post">
          {myStatus === null ? (
            <button type="submit" name="intent" value="join" className="button" disabled={busy}>
              {t(group.joinPolicy === "open" ? "results.groups.join" : "results.groups.requestJoin")}
            </button>
          ) : (
            <>
              {myStatus === "requested" ? <p className="badge badge--muted">{t("results.groups.pending")}</p> : null}
              <button type="submit" name="intent" value="leave" className="button button--secondary" disabled={busy}>
                {t("results.groups.leave")}
              </button>
            </>
          )}
        </Form>
      </header>
      {actionData?.error ? (
        <div className="alert alert--error" role="alert">
          {actionData.error}
        </div>
      ) : null}
      {archived ? <p className="alert alert--info">{t("install.groups.archivedNote")}</p> : null}
      {canManage ? <GroupAdmin group={group} archived={archived} people={regionPeople.filter((p) => !members.some((m) => m.userId === p.id && m.role === "moderator"))} /> : null}
      <GroupTopics topics={topics} canPost={canMeet} dateFormat={dateFormat} />
      <div className="two-columns">
        <section className="stack-lg" aria-labelledby="shared-title">
          <h2 id="shared-title">{t("results.groups.resultsTitle")}</h2>
          {shared.length === 0 ? <p className="empty">{t("results.groups.noResults")}</p> : null}
          {shared.map((s) => (
            <article key={s.id} id={`resultaat-${s.id}`} className="card stack">
              <h3>
                <Link to={`/opbrengsten/${s.id}`}>{s.title}</Link>
              </h3>
              <p className="muted">{s.schoolName}</p>
              <p>{s.summary}</p>
              <h4>{t("results.groups.discussion")}</h4>
              {s.posts.length === 0 ? <p className="muted">{t("results.groups.noPosts")}</p> : null}
              <ul className="timeline">
                {s.posts.map((p) => (
                  <li key={p.id}>
                    <strong>{p.authorName ?? "—"}</strong>{" "}
                    <time className="muted" dateTime={p.createdAt}>
                      {dateFormat.format(new Date(p.createdAt))}
                    </time>
                    <p className="preserve-lines">{p.body}</p>
                  </li>
                ))}
              </ul>
              {myStatus === "active" ? (
                <Form method="post" className="stack">
                  <input type="hidden" name="intent" value="post" />
                  <input type="hidden" name="resultId" value={s.id} />
                  <div className="field">
                    <label htmlFor={`post-${s.id}`}>{t("results.groups.postLabel")}</label>
                    <textarea id={`post-${s.id}`} name="body" rows={3} maxLength={5000} required />
                  </div>
                  <div>
                    <button type="submit" className="button button--small" disabled={busy}>
                      {t("results.groups.post")}
                    </button>
                  </div>
                </Form>
              ) : (
                <p className="muted">{t("results.groups.membersOnly")}</p>
              )}
            </article>
          ))}
        </section>
        <aside className="stack-lg">
          <GroupMeetings groupId={group.id} meetings={meetings} canPlan={canMeet} dateFormat={dateFormat} />
          <section className="card" aria-labelledby="members-title">
            <h2 id="members-title">
              {t("results.groups.membersTitle")} ({members.length})
            </h2>
            <ul className="link-list">
              {members.map((m) => (
                <li key={m.userId}>
                  {m.name}
                  {m.role === "moderator" ? <span className="muted"> · {t("results.groups.moderator")}</span> : null}
                </li>
              ))}
            </ul>
            {isModerator && requests.length > 0 ? (
              <>
                <h3>{t("results.groups.requests")}</h3>
                <ul className="link-list">
                  {requests.map((r) => (
                    <li key={r.userId}>
                      {r.name}
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="approve" />
                        <input type="hidden" name="userId" value={r.userId} />
                        <button type="submit" className="button button--small">
                          {t("results.groups.approve")}
                          <span className="visually-hidden">: {r.name}</span>
                        </button>
                      </Form>
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="decline" />
                        <input type="hidden" name="userId" value={r.userId} />
                        <button type="submit" className="button button--secondary button--small">
                          {t("install.groups.decline")}
                          <span className="visually-hidden">: {r.name}</span>
                        </button>
                      </Form>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
        </aside>
      </div>
    </div>
  );
}
