import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CitationBox } from "../components/CitationBox";
import { apaCitation, jsonForScript, jsonLd, metaDescription } from "../domain/public-result";
import { parseLinks, publicFacts } from "../models/public-result.server";
import { changeVisibility, GROUP_VISIBILITIES } from "../models/result-visibility.server";
import { RESULT_VISIBILITIES } from "../domain/result-types";
import { useNonce } from "../utils/nonce";
import { can } from "../domain/permissions";
import { ActionStatusForm, NewActionForm, ReassignForm, type ActionFormError } from "../components/results/action-forms";
import { amsterdamToday, checkDueDate, checkStatusChange, isOverdue } from "../domain/action-owners";
import { actionScope, createOwnedAction, findAction, possibleOwners, reassignAction, setActionStatus } from "../models/action-owners.server";
import { activeGroupsOf, shareResult } from "../models/expert-group.server";
import { consentState, giveConsent } from "../models/result-publish.server";
import { findResult, getResultForActor } from "../models/result.server";
import { scopeForResult } from "../models/scopes.server";
import { toActor } from "../models/user.server";
import { getCurrentUser } from "../utils/auth.server";
import { forbidden, refusal, refuseUnless, requireUser } from "../utils/guard.server";
import { readForm } from "../utils/forms.server";
import { getLocale, getT, tFor } from "../utils/i18n.server";
import { redirectWithToast } from "../utils/toast.server";
import { dateFormat as amsterdamDateFormat } from "../domain/dates";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: `${loaderData?.result.title ?? "Opbrengst"} — Samen Onderzoeken` },
  ...(loaderData ? [{ name: "description", content: metaDescription(loaderData.result.summary) }] : []),
  ...(loaderData?.publication ? [{ tagName: "link", rel: "canonical", href: loaderData.publication.url }] : []),
];

/**
 * A public result is readable without an account (contract 6.8); anything
 * else needs a session and the permission module's yes. Unknown and
 * not-permitted look the same.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  const actor = user ? toActor(user) : null;
  const result = getResultForActor(actor, params.id ?? "");
  if (!result) {
    if (!user) await requireUser(request); // signed out: log in first, then we decide
    return refusal(request, { notFound: true });
  }
  // Links go out only as parsed, http(s) ones.
  const { scope, links: storedLinks, actions: actionRows, ...rest } = result;
  const canManage = !!actor && can(actor, "result:manage-actions", scope);
  const consent = user ? consentState(result.id) : null;
  // Public results present themselves outside the app: a citation and schema.org data.
  const t = tFor(await getLocale(request));
  const facts = publicFacts(result, context.origin, t(`results.types.${result.type}`));
  return {
    result: {
      ...rest,
      // Each action says whether this reader may update it: the school's owners, or its own owner (issue 20).
      actions: actionRows.map((a) => ({
        ...a,
        overdue: isOverdue(a),
        canUpdate: !!actor && can(actor, "action:update-status", actionScope(a)),
        mine: !!user && a.ownerId === user.id,
      })),
    },
    owners: canManage ? possibleOwners(result.schoolId) : [],
    today: amsterdamToday(),
    // A recommendation's "Maak er een actie van" is a link that prefills the new-action form (works without JS).
    prefill: canManage ? (rest.recommendationList[Number(new URL(request.url).searchParams.get("aanbeveling") ?? "-1")] ?? "") : "",
    links: parseLinks(storedLinks),
    publication: facts
      ? { url: facts.url, citation: apaCitation(facts), jsonLd: jsonForScript(jsonLd({ ...facts, type: result.type })), authors: facts.authors }
      : null,
    consent:
      consent?.requested && !consent.complete
        ? {
            level: consent.requested,
            missing: [...consent.missingStudents.map((s) => s.name), ...(consent.leaderConsented ? [] : ["__leader__"])],
            canConsent:
              (consent.studentIds.includes(user!.id) || consent.leaders.includes(user!.id)) && !consent.consentedIds.includes(user!.id),
          }
        : null,
    signedIn: !!user,
    canManage,
    canSetVisibility: !!actor && can(actor, "result:set-visibility", scope),
    // Groups the reader is in where this result cannot go yet: say why, and offer to raise it.
    groupsNeedingMore: user && !GROUP_VISIBILITIES.includes(rest.visibility) ? activeGroupsOf(user.id).length : 0,
    shareTo:
      user && (rest.visibility === "region" || rest.visibility === "public")
        ? activeGroupsOf(user.id).filter((g) => !rest.groups.some((shared) => shared.id === g.id))
        : [],
    locale: await getLocale(request),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const actor = toActor(user);
  const t = await getT(request);
  const result = findResult(params.id ?? "");
  const scope = result ? scopeForResult(result) : null;
  if (!result || !scope || !can(actor, "result:view", scope)) return refusal(request, { notFound: true });
  const form = await readForm(request);
  if (!form) return data({ error: t("errors.badRequest") }, { status: 400 });
  if (form.intent === "share") {
    const outcome = shareResult((form.groupId ?? "").slice(0, 100), result.id, result.visibility, user.id);
    if (outcome !== "ok") {
      return forbidden({ error: t(outcome === "tooPrivate" ? "results.share.tooPrivate" : "results.share.notMember") });
    }
    return redirectWithToast(`/opbrengsten/${result.id}`, { kind: "success", message: t("results.share.shared") });
  }
  if (form.intent === "visibility") {
    const wanted = RESULT_VISIBILITIES.find((v) => v === form.visibility);
    if (!wanted) return data({ error: t("results.publish.errors.visibility") }, { status: 400 });
    if (!can(actor, "result:set-visibility", scope)) return data({ error: t("showcase.visibility.notYours") }, { status: 403 });
    const outcome = changeVisibility(result.id, user.id, wanted);
    if (outcome === "notAConsenter") return data({ error: t("showcase.visibility.notAConsenter") }, { status: 403 });
    return redirectWithToast(`/opbrengsten/${result.id}`, { kind: "success", message: t(`showcase.visibility.${outcome}`) });
  }
  if (form.intent === "consent") {
    if (!giveConsent(result.id, user.id)) return forbidden({ error: t("results.publish.errors.noConsentNeeded") });
    return redirectWithToast(`/opbrengsten/${result.id}`, { kind: "success", message: t("results.publish.consentGiven") });
  }
  return actionIntent(form, { result, scope, actor, userId: user.id, t });
}

type Fail = ActionFormError;
const fail = (status: number, error: string, form?: string, field?: string) => data<Fail>({ error, form, field }, { status });

/**
 * Implementation actions (issue 20): the school's owners add and (re)assign
 * them to one of the school's staff; the owner — or the school's owners —
 * updates the status. Each check is a Dutch 4xx with nothing stored.
 */
function actionIntent(
  form: Record<string, string | undefined>,
  ctx: { result: NonNullable<ReturnType<typeof findResult>>; scope: ReturnType<typeof scopeForResult>; actor: ReturnType<typeof toActor>; userId: string; t: Awaited<ReturnType<typeof getT>> },
) {
  const { result, scope, actor, userId, t } = ctx;
  const e = (key: string) => t(`actionOwners.errors.${key}`);
  const intent = form.intent ?? "status";
  if (intent === "add" || intent === "assign") {
    const refused = refuseUnless(actor, "result:manage-actions", scope, { error: e("notManager") });
    if (refused) return refused;
    const formName = intent === "add" ? "new" : `assign-${form.actionId ?? ""}`;
    const existing = intent === "assign" ? findAction(result.id, form.actionId ?? "") : undefined;
    if (intent === "assign" && !existing) return fail(404, e("notFound"));
    const title = (form.title ?? "").trim();
    if (intent === "add" && (!title || title.length > 500)) return fail(400, e("titleRequired"), formName, "title");
    const ownerId = (form.ownerId ?? "").trim();
    if (!ownerId) return fail(400, e("ownerRequired"), formName, "ownerId");
    // An overdue action may keep its date when only the owner changes.
    const keepsDate = !!existing && (form.dueDate ?? "") === (existing.dueDate ?? "");
    const due = keepsDate ? ({ ok: true, dueDate: existing!.dueDate } as const) : checkDueDate(form.dueDate ?? "");
    if (!due.ok) return fail(400, e(due.error), formName, "dueDate");
    const outcome = existing
      ? reassignAction(result, existing, { ownerId, dueDate: due.dueDate }, userId)
      : createOwnedAction(result, { title, ownerId, dueDate: due.dueDate }, userId);
    if (outcome === "notStaff") return fail(400, e("notStaff"), formName, "ownerId");
    return redirectWithToast(`/opbrengsten/${result.id}#acties`, {
      kind: "success",
      message: existing ? t("actionOwners.form.reassigned") : t("results.detail.actionAdded"),
    });
  }
  if (intent !== "status") return fail(400, t("errors.badRequest"));
  const action = findAction(result.id, form.actionId ?? "");
  if (!action) return fail(404, e("notFound"));
  const refused = refuseUnless(actor, "action:update-status", actionScope(action), { error: e("notAllowed") });
  if (refused) return refused;
  const change = checkStatusChange(form.status, form.reason);
  if (!change.ok) return fail(400, e(change.error), `status-${action.id}`, change.error === "reasonRequired" ? "reason" : "status");
  setActionStatus(action, change.status, change.reason);
  return redirectWithToast(`/opbrengsten/${result.id}#acties`, { kind: "success", message: t("results.detail.updated") });
}

export default function ResultPage() {
  const { result, links, publication, consent, signedIn, canManage, canSetVisibility, groupsNeedingMore, shareTo, locale, owners, today, prefill } =
    useLoaderData<typeof loader>();
  const nonce = useNonce();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const busy = navigation.state === "submitting";
  const dateFormat = amsterdamDateFormat(locale);
  return (
    <article className="stack-lg">
      {publication ? (
        <script type="application/ld+json" nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: publication.jsonLd }} />
      ) : null}
      {signedIn ? (
        <p>
          <Link to="/opbrengsten">← {t("results.detail.backToList")}</Link>
        </p>
      ) : null}
      <header className="stack">
        <p className="result__meta">
          <span className="status status--open">{t(`results.types.${result.type}`)}</span>
          <span>{result.schoolName}</span>
          <span>{t(`results.visibility.${result.visibility}`)}</span>
        </p>
        <h1>{result.title}</h1>
      </header>
      {result.visibility === "public" ? <p className="hint-box">{t("results.detail.publicNotice")}</p> : null}
      {consent ? (
        <section className="card stack" aria-labelledby="consent-title">
          <h2 id="consent-title">{t("results.publish.consentTitle")}</h2>
          <p>{t("results.publish.consentAsked", { level: t(`results.visibility.${consent.level}`) })}</p>
          <p className="muted">
            {t("results.publish.consentMissing", {
              names: consent.missing.map((n) => (n === "__leader__" ? t("results.publish.consentLeader") : n)).join(", "),
            })}
          </p>
          {consent.canConsent ? (
            <Form method="post">
              <input type="hidden" name="intent" value="consent" />
              <button type="submit" className="button" disabled={busy}>
                {t("results.publish.consentGive")}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
      {actionData?.error ? (
        <div className="alert alert--error" role="alert">
          {actionData.error}
        </div>
      ) : null}
      <div className="two-columns">
        <div className="stack-lg">
          <section aria-labelledby="summary-title">
            <h2 id="summary-title">{t("results.detail.summary")}</h2>
            <p className="preserve-lines">{result.summary}</p>
          </section>
          {result.conclusions ? (
            <section aria-labelledby="conclusions-title">
              <h2 id="conclusions-title">{t("results.detail.conclusions")}</h2>
              <p className="preserve-lines">{result.conclusions}</p>
            </section>
          ) : null}
          <section aria-labelledby="recommendations-title">
            <h2 id="recommendations-title">{t("results.detail.recommendations")}</h2>
            <ol className="stack">
              {result.recommendationList.map((rec, i) => (
                <li key={i}>
                  {rec}
                  {canManage && !result.actions.some((a) => a.title === rec) ? (
                    <>
                      {" "}
                      <Link to={`?aanbeveling=${i}#nieuwe-actie`} className="button button--small button--secondary" preventScrollReset={false}>
                        {t("actionOwners.form.fromRecommendation")}
                        <span className="visually-hidden">: {rec}</span>
                      </Link>
                    </>
                  ) : null}
                </li>
              ))}
            </ol>
          </section>
          {publication ? <CitationBox citation={publication.citation} /> : null}
          {signedIn ? (
            <section aria-labelledby="acties-title" id="acties" className="stack">
              <h2 id="acties-title">{t("results.detail.actionsTitle")}</h2>
              <p className="muted">
                {result.actionSummary.total > 0
                  ? t("results.actionsDone", { done: result.actionSummary.done, total: result.actionSummary.total })
                  : t("results.detail.noActions")}
              </p>
              {result.actions.length > 0 ? (
                <ul className="result-list">
                  {result.actions.map((a) => (
                    <li key={a.id} id={`actie-${a.id}`} className={`result${a.overdue ? " result--overdue" : ""}`}>
                      <h3>{a.title}</h3>
                      <p className="result__meta">
                        <span className="status">{t(`results.actionStatus.${a.status}`)}</span>
                        {a.reason ? <span>{`${t("results.detail.reason")}: ${a.reason}`}</span> : null}
                        {a.ownerName ? (
                          <span>
                            {t("results.detail.owner")}: {a.ownerName}
                            {a.mine ? ` (${t("actionOwners.status.yours")})` : null}
                          </span>
                        ) : null}
                        {a.dueDate ? (
                          <span>
                            {t("results.detail.due")}: {dateFormat.format(new Date(a.dueDate))}
                          </span>
                        ) : null}
                        {a.overdue ? <strong className="text-error">{t("results.detail.overdue")}</strong> : null}
                      </p>
                      {a.canUpdate ? <ActionStatusForm action={a} busy={busy} error={actionData} /> : null}
                      {canManage ? <ReassignForm action={a} owners={owners} today={today} busy={busy} error={actionData} /> : null}
                    </li>
                  ))}
                </ul>
              ) : null}
              {canManage ? <NewActionForm owners={owners} title={prefill} today={today} busy={busy} error={actionData} /> : null}
            </section>
          ) : (
            <p>
              <Link to="/login">{t("results.detail.loginForMore")}</Link>
            </p>
          )}
        </div>
        <aside className="stack">
          <dl className="facts card">
            {publication?.authors.length ? (
              <>
                <dt>{t("showcase.authors")}</dt>
                <dd>{publication.authors.join(", ")}</dd>
              </>
            ) : null}
            <dt>{t("results.detail.school")}</dt>
            <dd>
              {result.schoolName} ({result.schoolCity})
            </dd>
            <dt>{t("results.detail.themes")}</dt>
            <dd>{result.themeNames.join(", ") || "—"}</dd>
            <dt>{t("results.detail.published")}</dt>
            <dd>{dateFormat.format(new Date(result.publishedAt))}</dd>
            <dt>{t("results.detail.visibility")}</dt>
            <dd>{t(`results.visibility.${result.visibility}`)}</dd>
          </dl>
          <section className="card" aria-labelledby="files-title">
            <h2 id="files-title">{t("results.detail.files")}</h2>
            {result.files.length === 0 ? <p className="muted">{t("results.detail.noFiles")}</p> : null}
            <ul className="link-list">
              {result.files.map((f) => (
                <li key={f.id}>
                  <a href={`/opbrengsten/${result.id}/bestand/${f.id}`} download>
                    {f.fileName}
                  </a>{" "}
                  <span className="muted">({Math.max(1, Math.round(f.size / 1024))} kB)</span>
                </li>
              ))}
            </ul>
          </section>
          {links.length > 0 ? (
            <section className="card" aria-labelledby="links-title">
              <h2 id="links-title">{t("showcase.links.title")}</h2>
              <ul className="link-list">
                {links.map((l) => (
                  <li key={l.url}>
                    <a href={l.url} rel="noopener noreferrer nofollow">
                      {l.label}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {shareTo.length > 0 ? (
            <Form method="post" className="card stack">
              <h2>{t("results.share.title")}</h2>
              <input type="hidden" name="intent" value="share" />
              <div className="field">
                <label htmlFor="share-group">{t("results.share.label")}</label>
                <select id="share-group" name="groupId">
                  {shareTo.map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.name}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <button type="submit" className="button button--small button--secondary" disabled={busy}>
                  {t("results.share.submit")}
                </button>
              </div>
            </Form>
          ) : null}
          {groupsNeedingMore > 0 ? (
            <section className="card stack" aria-labelledby="share-needs-title">
              <h2 id="share-needs-title">{t("results.share.title")}</h2>
              <p>{t("showcase.visibility.groupsNeed", { level: t(`results.visibility.${result.visibility}`) })}</p>
              {canSetVisibility ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="visibility" />
                  <input type="hidden" name="visibility" value="region" />
                  <button type="submit" className="button button--small button--secondary" disabled={busy}>
                    {t("showcase.visibility.raiseToRegion")}
                  </button>
                </Form>
              ) : (
                <p className="muted">{t("showcase.visibility.askOwner")}</p>
              )}
            </section>
          ) : null}
          {canSetVisibility ? (
            <Form method="post" className="card stack" aria-labelledby="visibility-title">
              <h2 id="visibility-title">{t("showcase.visibility.title")}</h2>
              <input type="hidden" name="intent" value="visibility" />
              {/* Keyed on the level: after a consent changes it, the choice shown must follow, or saving would undo it. */}
              <div className="field">
                <label htmlFor="visibility-level">{t("results.detail.visibility")}</label>
                <select key={result.visibility} id="visibility-level" name="visibility" defaultValue={result.visibility} aria-describedby="visibility-help">
                  {RESULT_VISIBILITIES.map((v) => (
                    <option key={v} value={v}>
                      {t(`results.visibility.${v}`)}
                    </option>
                  ))}
                </select>
              </div>
              <p id="visibility-help" className="field__help">
                {t("showcase.visibility.help")}
              </p>
              <div>
                <button type="submit" className="button button--small" disabled={busy}>
                  {t("showcase.visibility.submit")}
                </button>
              </div>
            </Form>
          ) : null}
          {signedIn && result.groups.length > 0 ? (
            <section className="card" aria-labelledby="groups-title">
              <h2 id="groups-title">{t("results.detail.groups")}</h2>
              <ul className="link-list">
                {result.groups.map((g) => (
                  <li key={g.id}>
                    <Link to={`/expertgroepen/${g.id}`}>{g.name}</Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </aside>
      </div>
    </article>
  );
}
