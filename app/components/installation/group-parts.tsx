import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert, ManagePanel, SelectField, SubmitButton, TextAreaField } from "../organisations/form-parts";
import { FormField } from "../ui/form-field";

/** The pieces of an expert group's page added in issue 19: administration, meetings (.ics), discussions. */

type Reply = { error?: string; errors?: Record<string, string>; form?: string };

function useFormReply(intent: string) {
  const reply = useActionData<Reply>();
  const navigation = useNavigation();
  return {
    errors: reply?.form === intent ? (reply.errors ?? {}) : {},
    pending: navigation.state !== "idle" && navigation.formData?.get("intent") === intent,
  };
}

export function GroupAdmin({ group, archived, people }: { group: { name: string; description: string; joinPolicy: "open" | "moderated" }; archived: boolean; people: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const update = useFormReply("update");
  const moderator = useFormReply("name-moderator");
  return (
    <section className="card stack" aria-labelledby="group-admin">
      <h2 id="group-admin">{t("install.groups.manageTitle")}</h2>
      {!archived ? (
        <>
          <ManagePanel title={t("install.groups.editDetails")} open={Object.keys(update.errors).length > 0}>
            <Form method="post" className="stack" noValidate>
              <input type="hidden" name="intent" value="update" />
              <FormField id="group-edit-name" name="name" label={t("install.groups.name")} required maxLength={200} defaultValue={group.name} error={update.errors.name} />
              <TextAreaField id="group-edit-description" name="description" label={t("install.groups.description")} maxLength={5000} defaultValue={group.description} error={update.errors.description} />
              <SelectField
                id="group-edit-policy"
                name="joinPolicy"
                label={t("install.groups.joinPolicy")}
                options={[
                  { value: "open", label: t("install.groups.open") },
                  { value: "moderated", label: t("install.groups.moderated") },
                ]}
                defaultValue={group.joinPolicy}
              />
              <SubmitButton pending={update.pending} label={t("install.groups.rename")} />
            </Form>
          </ManagePanel>
          {people.length > 0 ? (
            <Form method="post" className="stack">
              <input type="hidden" name="intent" value="name-moderator" />
              <FormAlert error={moderator.errors.moderatorIds} />
              <SelectField id="group-moderator" name="userId" label={t("install.groups.nameModerator")} placeholder={t("install.people.choose")} options={people.map((p) => ({ value: p.id, label: p.name }))} />
              <SubmitButton pending={moderator.pending} label={t("install.groups.nameModerator")} variant="secondary" />
            </Form>
          ) : null}
        </>
      ) : null}
      <Form method="post">
        <input type="hidden" name="intent" value={archived ? "restore" : "archive"} />
        <button type="submit" className="button button--secondary button--small">
          {archived ? t("install.groups.restore") : t("install.groups.archive")}
        </button>
      </Form>
    </section>
  );
}

type Meeting = { id: string; title: string; startsAt: string; location: string; agenda: string };

export function GroupMeetings({ groupId, meetings, canPlan, dateFormat }: { groupId: string; meetings: Meeting[]; canPlan: boolean; dateFormat: Intl.DateTimeFormat }) {
  const { t } = useTranslation();
  const plan = useFormReply("meeting");
  return (
    <section id="bijeenkomsten" className="card stack" aria-labelledby="meetings-title">
      <h2 id="meetings-title">{t("install.groups.meetingsTitle")}</h2>
      {meetings.length === 0 ? <p className="muted">{t("install.groups.noMeetings")}</p> : null}
      <ul className="link-list">
        {meetings.map((m) => (
          <li key={m.id} className="stack">
            <p>
              <strong>{m.title}</strong>
              <br />
              <time dateTime={m.startsAt}>{dateFormat.format(new Date(m.startsAt))}</time>
              {m.location ? ` · ${m.location}` : ""}
            </p>
            {m.agenda ? <p className="preserve-lines muted">{m.agenda}</p> : null}
            <a href={`/expertgroepen/${groupId}/bijeenkomsten/${m.id}.ics`} download aria-label={t("install.groups.icsLabel", { title: m.title })}>
              {t("install.groups.ics")}
            </a>
          </li>
        ))}
      </ul>
      {canPlan ? (
        // Keyed on the count: once planned, the form starts closed and empty, not inviting the same meeting twice.
        <ManagePanel key={meetings.length} title={t("install.groups.planMeeting")} open={Object.keys(plan.errors).length > 0}>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="meeting" />
            <FormField id="meeting-title" name="title" label={t("install.groups.meetingTitle")} required maxLength={200} error={plan.errors.title} />
            <FormField id="meeting-date" name="date" type="date" label={t("install.groups.date")} required error={plan.errors.date} />
            <FormField id="meeting-time" name="time" type="time" label={t("install.groups.time")} required defaultValue="16:00" />
            <FormField id="meeting-location" name="location" label={t("install.groups.location")} required maxLength={500} error={plan.errors.location} />
            <TextAreaField id="meeting-agenda" name="agenda" label={t("install.groups.agenda")} maxLength={5000} error={plan.errors.agenda} />
            <SubmitButton pending={plan.pending} label={t("install.groups.planMeeting")} />
          </Form>
        </ManagePanel>
      ) : null}
    </section>
  );
}

type Topic = { id: string; title: string; createdAt: string; authorName: string | null; posts: { id: string; body: string; createdAt: string; authorName: string | null }[] };

export function GroupTopics({ topics, canPost, dateFormat }: { topics: Topic[]; canPost: boolean; dateFormat: Intl.DateTimeFormat }) {
  const { t } = useTranslation();
  const start = useFormReply("topic");
  return (
    <section className="stack" aria-labelledby="topics-title">
      <h2 id="topics-title">{t("install.groups.topicsTitle")}</h2>
      {topics.length === 0 ? <p className="empty">{t("install.groups.noTopics")}</p> : null}
      {topics.map((topic) => (
        <article key={topic.id} id={`discussie-${topic.id}`} className="card stack" aria-labelledby={`topic-${topic.id}`}>
          <h3 id={`topic-${topic.id}`}>{topic.title}</h3>
          <ul className="timeline">
            {topic.posts.map((p) => (
              <li key={p.id}>
                <strong>{p.authorName ?? "—"}</strong>{" "}
                <time className="muted" dateTime={p.createdAt}>
                  {dateFormat.format(new Date(p.createdAt))}
                </time>
                <p className="preserve-lines">{p.body}</p>
              </li>
            ))}
          </ul>
          {canPost ? (
            <Form method="post" className="stack">
              <input type="hidden" name="intent" value="reply" />
              <input type="hidden" name="topicId" value={topic.id} />
              <TextAreaField id={`reply-${topic.id}`} name="body" label={t("install.groups.replyLabel", { title: topic.title })} maxLength={5000} />
              <div>
                <button type="submit" className="button button--small">
                  {t("install.groups.reply")}
                </button>
              </div>
            </Form>
          ) : null}
        </article>
      ))}
      {canPost ? (
        <ManagePanel key={topics.length} title={t("install.groups.newTopic")} open={Object.keys(start.errors).length > 0}>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="topic" />
            <FormField id="topic-title" name="title" label={t("install.groups.topicTitle")} required maxLength={200} error={start.errors.title} />
            <TextAreaField id="topic-body" name="body" label={t("install.groups.topicBody")} maxLength={5000} error={start.errors.body} />
            <SubmitButton pending={start.pending} label={t("install.groups.newTopic")} />
          </Form>
        </ManagePanel>
      ) : null}
    </section>
  );
}
