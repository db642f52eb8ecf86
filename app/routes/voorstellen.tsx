import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { can } from "../domain/permissions";
import { adoptProposal, createProposal, declineProposal, findProposal, listProposals } from "../models/question-proposal.server";
import { archivedSchoolIds } from "../models/agenda.server";
import { schoolScope } from "../models/scopes.server";
import { toActor, type CurrentUser } from "../models/user.server";
import { refuseUnless, requirePermission } from "../utils/guard.server";
import { readForm } from "../utils/forms.server";
import { getT } from "../utils/i18n.server";
import { redirectWithToast } from "../utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Voorstellen van leraren — Samen Onderzoeken" }];

const TITLE_MAX = 300;
const BACKGROUND_MAX = 4000;
const REASON_MAX = 2000;

/** The schools where this person may propose, and where they decide on proposals (the permission module decides both). */
function schoolsOf(user: CurrentUser) {
  const actor = toActor(user);
  const schools = user.memberships.flatMap((m) => (m.schoolId ? [{ id: m.schoolId, name: m.organisationName }] : []));
  const unique = [...new Map(schools.map((s) => [s.id, s])).values()];
  // An archived school takes no new proposals (issue 19); open ones can still be decided.
  const archived = archivedSchoolIds(unique.map((s) => s.id));
  return {
    actor,
    proposeAt: unique.filter((s) => !archived.has(s.id) && can(actor, "proposal:create", schoolScope(s.id))),
    decideAt: unique.filter((s) => can(actor, "proposal:decide", schoolScope(s.id))),
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "dashboard:view");
  const { proposeAt, decideAt } = schoolsOf(user);
  // Only proposals at schools where the person decides, and their own.
  const proposals = listProposals({ schoolIds: decideAt.map((s) => s.id), proposerId: user.id });
  return { proposeAt, decideAt: decideAt.map((s) => s.id), proposals };
}

type ActionData = { error: string; field?: string; proposalId?: string };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "dashboard:view");
  const { actor } = schoolsOf(user);
  const t = await getT(request);
  const form = await readForm(request);
  if (!form) return data<ActionData>({ error: t("errors.badRequest") }, { status: 400 });

  if (form.intent === "propose") {
    const schoolId = (form.schoolId ?? "").slice(0, 100);
    const refused = refuseUnless(actor, "proposal:create", schoolScope(schoolId), { error: t("school.proposals.errors.notProposer") });
    if (refused) return refused;
    if (archivedSchoolIds([schoolId]).size > 0) return data<ActionData>({ error: t("installGaps.archived.noNewWork"), field: "schoolId" }, { status: 400 });
    const title = (form.title ?? "").trim();
    const background = (form.background ?? "").trim();
    if (!title) return data<ActionData>({ error: t("school.proposals.errors.titleRequired"), field: "title" }, { status: 400 });
    if (title.length > TITLE_MAX || background.length > BACKGROUND_MAX) return data<ActionData>({ error: t("school.proposals.errors.tooLong"), field: "title" }, { status: 400 });
    createProposal({ schoolId, proposerId: user.id, title, background });
    return redirectWithToast("/voorstellen", { kind: "success", message: t("school.proposals.sent") });
  }

  if (form.intent === "adopt" || form.intent === "decline") {
    const proposal = findProposal(form.proposalId ?? "");
    // An unknown proposal is refused like one of another school.
    const refused = refuseUnless(actor, "proposal:decide", proposal ? schoolScope(proposal.schoolId) : undefined, { error: t("school.proposals.errors.notDecider") });
    if (refused || !proposal) return refused!;
    if (form.intent === "adopt") {
      const questionId = adoptProposal(proposal, user.id);
      if (!questionId) return data<ActionData>({ error: t("school.proposals.errors.decided") }, { status: 409 });
      return redirectWithToast(`/vragen/${questionId}/bewerken`, { kind: "success", message: t("school.proposals.adopted") });
    }
    const reason = (form.reason ?? "").trim();
    if (!reason) return data<ActionData>({ error: t("school.proposals.errors.reasonRequired"), field: "reason", proposalId: proposal.id }, { status: 400 });
    if (reason.length > REASON_MAX) return data<ActionData>({ error: t("school.proposals.errors.tooLong"), field: "reason", proposalId: proposal.id }, { status: 400 });
    if (!declineProposal(proposal, user.id, reason)) return data<ActionData>({ error: t("school.proposals.errors.decided") }, { status: 409 });
    return redirectWithToast("/voorstellen", { kind: "success", message: t("school.proposals.declined") });
  }
  return data<ActionData>({ error: t("errors.badRequest") }, { status: 400 });
}

export default function ProposalsPage() {
  const { proposeAt, decideAt, proposals } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const { t } = useTranslation();
  const titleError = actionData && "field" in actionData && actionData.field === "title" ? actionData.error : null;
  return (
    <div className="stack-lg form-page">
      <header>
        <h1>{t("school.proposals.title")}</h1>
        <p className="lead">{t("school.proposals.intro")}</p>
      </header>
      {actionData?.error && !titleError && !(actionData as ActionData).proposalId ? (
        <div className="alert alert--error" role="alert">
          {actionData.error}
        </div>
      ) : null}

      {proposeAt.length > 0 ? (
        // A fresh form after each proposal (keyed on the list), so the sent text does not linger.
        <Form key={proposals.length} method="post" className="card stack" aria-labelledby="propose-title">
          <h2 id="propose-title">{t("school.proposals.newTitle")}</h2>
          <input type="hidden" name="intent" value="propose" />
          {proposeAt.length === 1 ? (
            <input type="hidden" name="schoolId" value={proposeAt[0]!.id} />
          ) : (
            <div className="field">
              <label htmlFor="proposal-school">{t("school.proposals.school")}</label>
              <select id="proposal-school" name="schoolId" required>
                {proposeAt.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor="proposal-title">{t("school.proposals.question")}</label>
            <p id="proposal-title-help" className="field__help">
              {t("school.proposals.questionHelp")}
            </p>
            <input
              id="proposal-title"
              name="title"
              required
              maxLength={TITLE_MAX}
              aria-invalid={titleError ? true : undefined}
              aria-describedby={titleError ? "proposal-title-error proposal-title-help" : "proposal-title-help"}
            />
            {titleError ? (
              <p className="field__error" id="proposal-title-error">
                {titleError}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="proposal-background">{t("school.proposals.background")}</label>
            <textarea id="proposal-background" name="background" rows={4} maxLength={BACKGROUND_MAX} />
          </div>
          <div>
            <button type="submit" className="button" disabled={busy}>
              {t("school.proposals.send")}
            </button>
          </div>
        </Form>
      ) : null}

      <section className="stack" aria-labelledby="list-title">
        <h2 id="list-title">{t("school.proposals.listTitle")}</h2>
        {proposals.length === 0 ? (
          <p className="empty">{proposeAt.length ? t("school.proposals.emptyProposer") : t("school.proposals.empty")}</p>
        ) : (
          <ul className="result-list">
            {proposals.map((p) => {
              const reasonError = actionData && (actionData as ActionData).proposalId === p.id ? actionData.error : null;
              return (
                <li key={p.id} className="result card stack">
                  <h3 className="result__title">{p.title}</h3>
                  <p className="result__meta">
                    <span>{p.schoolName}</span>
                    <span>{t("school.proposals.by", { name: p.proposerName ?? t("school.proposals.unknownPerson") })}</span>
                    <span className="badge">{t(`school.proposals.status.${p.status}`)}</span>
                  </p>
                  {p.background ? <p>{p.background}</p> : null}
                  {p.status === "afgewezen" ? <p className="hint-box">{t("school.proposals.reasonShown", { reason: p.reason })}</p> : null}
                  {p.status === "overgenomen" && p.questionId ? <Link to={`/vragen/${p.questionId}`}>{t("school.proposals.toQuestion")}</Link> : null}
                  {p.status === "open" && decideAt.includes(p.schoolId) ? (
                    <div className="stack">
                      <Form method="post">
                        <input type="hidden" name="intent" value="adopt" />
                        <input type="hidden" name="proposalId" value={p.id} />
                        <button type="submit" className="button" disabled={busy}>
                          {t("school.proposals.adopt")}
                          <span className="visually-hidden">: {p.title}</span>
                        </button>
                      </Form>
                      <Form method="post" className="stack">
                        <input type="hidden" name="intent" value="decline" />
                        <input type="hidden" name="proposalId" value={p.id} />
                        <div className="field">
                          <label htmlFor={`reason-${p.id}`}>{t("school.proposals.reason")}</label>
                          <textarea
                            id={`reason-${p.id}`}
                            name="reason"
                            rows={2}
                            required
                            maxLength={REASON_MAX}
                            aria-invalid={reasonError ? true : undefined}
                            aria-describedby={reasonError ? `reason-${p.id}-error` : undefined}
                          />
                          {reasonError ? (
                            <p className="field__error" id={`reason-${p.id}-error`}>
                              {reasonError}
                            </p>
                          ) : null}
                        </div>
                        <div>
                          <button type="submit" className="button button--secondary" disabled={busy}>
                            {t("school.proposals.decline")}
                            <span className="visually-hidden">: {p.title}</span>
                          </button>
                        </div>
                      </Form>
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
