import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BarChartFigure } from "../components/charts/bar-chart";
import { ASPECTS, PHASES, type Phase } from "../domain/culture-scan";
import { parseScanAction } from "../domain/scan-form";
import { can } from "../domain/permissions";
import { agendaFor } from "../models/agenda.server";
import { archivedSchoolIds } from "../models/agenda.server";
import { agreementsOf, closeScan, hasPriority, findScan, linkableQuestionIds, myResponses, openScan, saveAgreements, saveResponses, scanSchoolsFor, scansOfSchool, scanSummary, schoolTrend, type AgreementInput } from "../models/scan.server";
import { schoolScope } from "../models/scopes.server";
import { toActor } from "../models/user.server";
import { currentSchoolYear } from "../domain/question-schema";
import { refusal, refuseUnless, requireUser } from "../utils/guard.server";
import { readForm } from "../utils/forms.server";
import { getT } from "../utils/i18n.server";
import { redirectWithToast } from "../utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Scan onderzoekscultuur — Samen Onderzoeken" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const actor = toActor(user);
  const reachable = scanSchoolsFor(actor);
  // Only people with a school (or who oversee schools) see scans at all.
  if (reachable.length === 0) return refusal(request);
  const params = new URL(request.url).searchParams;
  const requested = params.get("school");
  // Archived schools are not offered (no new work there, record 0027a), but their scans stay readable by link.
  const school = reachable.find((s) => s.id === requested) ?? reachable.find((s) => !s.archived) ?? reachable[0]!;
  if (requested && requested !== school.id) return refusal(request);
  const schools = reachable.filter((s) => !s.archived || s.id === school.id);
  const scope = schoolScope(school.id);
  const current = currentSchoolYear();
  const scans = scansOfSchool(school.id);
  const years = [...new Set([current, ...scans.map((s) => s.schoolYear)])].sort().reverse();
  const year = years.includes(params.get("jaar") ?? "") ? params.get("jaar")! : current;
  const scan = scans.find((s) => s.schoolYear === year) ?? null;
  // An archived school's scans are history: readable, no longer filled in or agreed on.
  const canRespond = !school.archived && can(actor, "scan:respond", scope);
  const canManage = !school.archived && can(actor, "scan:manage", scope);
  const { years: trendYears, trend } = schoolTrend(school.id);
  return {
    school,
    schools,
    years,
    year,
    currentYear: current,
    canRespond,
    canManage,
    scan: scan
      ? {
          id: scan.id,
          status: scan.status,
          ...scanSummary(scan.id),
          agreements: agreementsOf(scan.id),
          mine: canRespond ? myResponses(scan.id, user.id) : {},
        }
      : null,
    agenda: canManage && scan?.status === "open" ? agendaFor(school.id, year).map((q) => ({ id: q.id, title: q.title })) : [],
    trendYears,
    trend,
  };
}

type ActionError = { error: string };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const actor = toActor(user);
  const t = await getT(request);
  const fail = (message: string, status = 400) => data<ActionError>({ error: message }, { status });
  const form = await readForm(request);
  if (!form) return fail(t("errors.badRequest"));

  // Permission first (from the raw intent), then the form's shape (scan-form.ts), then the database.
  if (form.intent === "open") {
    const schoolId = form.schoolId ?? "";
    const refused = refuseUnless(actor, "scan:manage", schoolScope(schoolId), { error: t("scan.errors.notAllowed") });
    if (refused) return refused;
    if (archivedSchoolIds([schoolId]).has(schoolId)) return fail(t("scan.errors.archived"), 409);
    const year = currentSchoolYear();
    if (form.schoolYear && form.schoolYear !== year) return fail(t("scan.errors.onlyCurrentYear"));
    if (!openScan(schoolId, year, user.id)) return fail(t("scan.errors.exists"), 409);
    return redirectWithToast(`/scan?school=${schoolId}&jaar=${year}`, { kind: "success", message: t("scan.opened") });
  }

  const scan = findScan(form.scanId ?? "");
  if (!scan) return fail(t("scan.errors.notFound"), 404);
  const scope = schoolScope(scan.schoolId);
  const back = `/scan?school=${scan.schoolId}&jaar=${scan.schoolYear}`;

  // Filling in is for the school's staff; agreeing and closing manage the scan.
  const needed = form.intent === "respond" ? "scan:respond" : form.intent === "agree" || form.intent === "close" ? "scan:manage" : null;
  const refused = needed && refuseUnless(actor, needed, scope, { error: t("scan.errors.notAllowed") });
  if (refused) return refused;

  // Archiving stops the work that was still running there too (record 0027a).
  if (archivedSchoolIds([scan.schoolId]).has(scan.schoolId)) return fail(t("scan.errors.archivedReadOnly"), 409);

  const parsed = parseScanAction(form);
  if (!parsed.ok) return fail(t(parsed.error));
  const input = parsed.action;
  switch (input.intent) {
    case "respond": {
      if (scan.status !== "open") return fail(t("scan.errors.closed"), 409);
      saveResponses(scan.id, user.id, input.answers as Record<string, Phase>);
      return redirectWithToast(`${back}#resultaten`, { kind: "success", message: t("scan.questionnaire.saved") });
    }
    case "agree": {
      if (scan.status !== "open") return fail(t("scan.errors.closed"), 409);
      const linkable = linkableQuestionIds(scan.schoolId, scan.schoolYear);
      if (input.agreements.some((row) => row.questionId && !linkable.has(row.questionId))) return fail(t("scan.errors.questionUnknown"));
      if (saveAgreements(scan.id, input.agreements as AgreementInput[]) === "tooManyPriorities") return fail(t("scan.errors.priorityCount"));
      return redirectWithToast(`${back}#afspraken`, { kind: "success", message: t("scan.agreements.saved") });
    }
    case "close": {
      if (scan.status !== "open") return fail(t("scan.errors.closed"), 409);
      if (agreementsOf(scan.id).length === 0) return fail(t("scan.errors.agreementsFirst"));
      if (!hasPriority(scan.id)) return fail(t("actionOwners.scan.priorityFirst"));
      closeScan(scan.id);
      return redirectWithToast(back, { kind: "success", message: t("scan.close.done") });
    }
    default:
      return fail(t("scan.errors.unknownIntent"));
  }
}

export default function ScanPage() {
  const { school, schools, years, year, currentYear, canRespond, canManage, scan, agenda, trendYears, trend } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const { t } = useTranslation();
  const phaseName = (p: number) => t(`scan.phases.${p as Phase}`);
  const aspectName = (id: string) => ASPECTS.find((a) => a.id === id)?.name ?? id;
  const agreementOf = (id: string) => scan?.agreements.find((a) => a.aspectId === id);
  const anyDetailed = scan?.summaries.some((s) => s.detailed) ?? false;
  const answered = scan ? Object.keys(scan.mine).length > 0 : false;

  return (
    <div className="stack-lg scan-page">
      <header className="page-header">
        <div>
          <h1>{t("scan.title")}</h1>
          <p className="lead">{t("scan.intro")}</p>
        </div>
      </header>

      {actionData && "error" in actionData ? (
        <div className="alert alert--error" role="alert">
          {actionData.error}
        </div>
      ) : null}

      <Form method="get" className="card filters-inline">
        {schools.length > 1 ? (
          <div className="field">
            <label htmlFor="scan-school">{t("scan.school")}</label>
            <select id="scan-school" name="school" defaultValue={school.id}>
              {schools.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.archived ? t("scan.archivedOption", { name: s.name }) : s.name}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <input type="hidden" name="school" value={school.id} />
        )}
        <div className="field">
          <label htmlFor="scan-year">{t("scan.schoolYear")}</label>
          <select id="scan-year" name="jaar" defaultValue={year}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t("scan.show")}
        </button>
      </Form>

      <h2>
        {school.name} · {year}
      </h2>
      {canManage ? (
        <p>
          <Link to={`/regio?school=${school.id}`}>{t("scan.dashboardLink")}</Link>
        </p>
      ) : null}

      {school.archived ? <p className="alert alert--info">{t("scan.archivedSchool")}</p> : null}

      {!scan ? (
        <div className="empty">
          <p>{t("scan.noScan", { year })}</p>
          {school.archived ? null : canManage && year === currentYear ? (
            <Form method="post">
              <input type="hidden" name="intent" value="open" />
              <input type="hidden" name="schoolId" value={school.id} />
              <input type="hidden" name="schoolYear" value={year} />
              <p>{t("scan.noScanManage")}</p>
              <button type="submit" className="button" disabled={busy}>
                {t("scan.open", { year })}
              </button>
            </Form>
          ) : (
            <p>{t("scan.noScanRespond")}</p>
          )}
        </div>
      ) : (
        <>
          <p className="muted">
            {t("scan.statusLine", { year, status: t(`scan.status.${scan.status}`), count: scan.respondents })}
          </p>

          {canRespond && scan.status === "open" ? (
            <section className="card stack" aria-labelledby="vragenlijst">
              <h2 id="vragenlijst">{t("scan.questionnaire.title")}</h2>
              <p>{t("scan.questionnaire.intro")}</p>
              {answered ? <p className="alert alert--info">{t("scan.questionnaire.answered")}</p> : null}
              <Form method="post" className="stack">
                <input type="hidden" name="intent" value="respond" />
                <input type="hidden" name="scanId" value={scan.id} />
                {ASPECTS.map((aspect) => (
                  <fieldset key={aspect.id} className="scan-aspect">
                    <legend>{aspect.name}</legend>
                    {PHASES.map((p) => (
                      <div key={p} className="scan-choice">
                        <input
                          type="radio"
                          id={`phase-${aspect.id}-${p}`}
                          name={`phase-${aspect.id}`}
                          value={p}
                          defaultChecked={scan.mine[aspect.id] === p}
                          required
                        />
                        <label htmlFor={`phase-${aspect.id}-${p}`}>
                          <strong>{t("scan.phaseLabel", { phase: p, name: phaseName(p) })}</strong> — {aspect.phases[p]}
                        </label>
                      </div>
                    ))}
                  </fieldset>
                ))}
                <div>
                  <button type="submit" className="button" disabled={busy}>
                    {t("scan.questionnaire.submit")}
                  </button>
                </div>
              </Form>
            </section>
          ) : canRespond ? (
            <p className="alert alert--info">{t("scan.questionnaire.closed")}</p>
          ) : null}

          <section className="stack" aria-labelledby="resultaten">
            <h2 id="resultaten">{t("scan.results.title")}</h2>
            <p>{t("scan.results.intro")}</p>
            {scan.respondents === 0 ? (
              <p className="empty">{t("scan.results.none")}</p>
            ) : !anyDetailed ? (
              <p className="alert alert--info">{t("scan.results.privacy")}</p>
            ) : (
              <figure className="chart-figure">
                <figcaption>{t("scan.results.chartLabel")}</figcaption>
                <BarChartFigure
                  label={t("scan.results.chartLabel")}
                  layout="vertical"
                  stacked
                  height={420}
                  categoryKey="aspect"
                  data={scan.summaries
                    .filter((s) => s.detailed)
                    .map((s) => ({
                      aspect: aspectName(s.aspectId),
                      p1: s.distribution![0],
                      p2: s.distribution![1],
                      p3: s.distribution![2],
                      p4: s.distribution![3],
                    }))}
                  series={PHASES.map((p) => ({ key: `p${p}`, name: phaseName(p) }))}
                />
              </figure>
            )}
            {/* A scrollable region must be reachable by keyboard (WCAG 2.1.1; axe scrollable-region-focusable). */}
            {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
            <div className="table-scroll" tabIndex={0} role="region" aria-label={t("scan.results.tableCaption")}>
              <table>
                <caption>{t("scan.results.tableCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("scan.results.aspect")}</th>
                    {PHASES.map((p) => (
                      <th scope="col" key={p}>
                        {phaseName(p)}
                      </th>
                    ))}
                    <th scope="col">{t("scan.results.mean")}</th>
                    <th scope="col">{t("scan.results.range")}</th>
                    <th scope="col">{t("scan.results.stdDev")}</th>
                    <th scope="col">{t("scan.results.respondents")}</th>
                    <th scope="col">{t("scan.results.agreed")}</th>
                  </tr>
                </thead>
                <tbody>
                  {scan.summaries.map((s) => (
                    <tr key={s.aspectId}>
                      <th scope="row">{aspectName(s.aspectId)}</th>
                      {s.detailed ? (
                        <>
                          {s.distribution!.map((n, i) => (
                            <td key={i}>{n}</td>
                          ))}
                          <td>{s.mean?.toLocaleString("nl-NL")}</td>
                          <td>
                            {s.min}–{s.max}
                          </td>
                          <td>{s.stdDev?.toLocaleString("nl-NL")}</td>
                        </>
                      ) : (
                        <td colSpan={7}>{t("scan.results.hidden")}</td>
                      )}
                      <td>{s.respondents}</td>
                      <td>{s.agreedPhase ? t("scan.phaseLabel", { phase: s.agreedPhase, name: phaseName(s.agreedPhase) }) : t("scan.results.noAgreement")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p>
              <a href={`/scan.csv?scan=${scan.id}`} download>
                {t("scan.results.csv")}
              </a>
            </p>
          </section>

          <section className="stack" aria-labelledby="afspraken">
            <h2 id="afspraken">{t("scan.agreements.title")}</h2>
            {scan.agreements.some((a) => a.priority) ? (
              <>
                <h3>{t("scan.agreements.list")}</h3>
                <ul className="stack">
                  {scan.agreements
                    .filter((a) => a.priority)
                    .map((a) => (
                      <li key={a.aspectId}>
                        <strong>{aspectName(a.aspectId)}</strong> ({phaseName(a.agreedPhase)}): {a.action}
                        {a.questionId && a.questionTitle ? (
                          <>
                            {" "}
                            <Link to={`/vragen/${a.questionId}`}>{t("scan.agreements.linkedQuestion", { title: a.questionTitle })}</Link>
                          </>
                        ) : null}
                      </li>
                    ))}
                </ul>
              </>
            ) : (
              <p className="empty">{t("scan.agreements.noPriorities")}</p>
            )}

            {canManage && scan.status === "open" ? (
              <Form method="post" className="card stack">
                <p>{t("scan.agreements.intro")}</p>
                <p className="muted">{t("actionOwners.scan.partialHelp")}</p>
                <p>{t("actionOwners.scan.progress", { count: scan.agreements.length, total: ASPECTS.length })}</p>
                <input type="hidden" name="intent" value="agree" />
                <input type="hidden" name="scanId" value={scan.id} />
                {agenda.length === 0 ? <p className="muted">{t("scan.agreements.noAgendaQuestions")}</p> : null}
                {ASPECTS.map((aspect) => {
                  const current = agreementOf(aspect.id);
                  return (
                    <fieldset key={aspect.id} className="scan-aspect">
                      <legend>
                        {aspect.name}{" "}
                        <span className={current ? "status status--open" : "status"}>
                          {current
                            ? t("actionOwners.scan.agreed", { phase: t("scan.phaseLabel", { phase: current.agreedPhase, name: phaseName(current.agreedPhase) }) })
                            : t("actionOwners.scan.notYet")}
                        </span>
                      </legend>
                      <div className="field">
                        <label htmlFor={`agreed-${aspect.id}`}>{t("scan.agreements.agreedPhase", { aspect: aspect.name })}</label>
                        <select id={`agreed-${aspect.id}`} name={`agreed-${aspect.id}`} defaultValue={current?.agreedPhase ?? ""}>
                          <option value="" disabled={!!current}>
                            —
                          </option>
                          {PHASES.map((p) => (
                            <option key={p} value={p}>
                              {t("scan.phaseLabel", { phase: p, name: phaseName(p) })}
                            </option>
                          ))}
                        </select>
                      </div>
                      <div className="scan-choice">
                        <input type="checkbox" id={`priority-${aspect.id}`} name={`priority-${aspect.id}`} defaultChecked={current?.priority ?? false} />
                        <label htmlFor={`priority-${aspect.id}`}>{t("scan.agreements.priorityFor", { aspect: aspect.name })}</label>
                      </div>
                      <div className="field">
                        <label htmlFor={`action-${aspect.id}`}>{t("scan.agreements.actionFor", { aspect: aspect.name })}</label>
                        <input type="text" id={`action-${aspect.id}`} name={`action-${aspect.id}`} maxLength={500} defaultValue={current?.action ?? ""} />
                      </div>
                      {agenda.length > 0 ? (
                        <div className="field">
                          <label htmlFor={`question-${aspect.id}`}>{t("scan.agreements.questionFor", { aspect: aspect.name })}</label>
                          <select id={`question-${aspect.id}`} name={`question-${aspect.id}`} defaultValue={current?.questionId ?? ""}>
                            <option value="">{t("scan.agreements.noQuestion")}</option>
                            {agenda.map((q) => (
                              <option key={q.id} value={q.id}>
                                {q.title}
                              </option>
                            ))}
                          </select>
                        </div>
                      ) : null}
                    </fieldset>
                  );
                })}
                <div>
                  <button type="submit" className="button" disabled={busy}>
                    {t("scan.agreements.submit")}
                  </button>
                </div>
              </Form>
            ) : null}

            {canManage && scan.status === "open" ? (
              <Form method="post" className="stack">
                <input type="hidden" name="intent" value="close" />
                <input type="hidden" name="scanId" value={scan.id} />
                <p className="muted">{t("scan.close.help")}</p>
                <div>
                  <button type="submit" className="button button--secondary" disabled={busy}>
                    {t("scan.close.button")}
                  </button>
                </div>
              </Form>
            ) : null}
          </section>
        </>
      )}

      <section className="stack" aria-labelledby="ontwikkeling">
        <h2 id="ontwikkeling">{t("scan.trend.title")}</h2>
        {trendYears.length < 2 ? (
          <p className="empty">{t("scan.trend.single")}</p>
        ) : (
          <>
            <p>{t("scan.trend.intro")}</p>
            <figure className="chart-figure">
              <figcaption>{t("scan.trend.chartLabel")}</figcaption>
              <BarChartFigure
                label={t("scan.trend.chartLabel")}
                layout="vertical"
                height={420}
                categoryKey="aspect"
                domain={[0, 4]}
                data={ASPECTS.map((a) => ({
                  aspect: a.name,
                  ...Object.fromEntries(trend[a.id]!.map((p) => [p.schoolYear, p.value])),
                }))}
                series={trendYears.map((y) => ({ key: y, name: y }))}
              />
            </figure>
            {/* A scrollable region must be reachable by keyboard (WCAG 2.1.1; axe scrollable-region-focusable). */}
            {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
            <div className="table-scroll" tabIndex={0} role="region" aria-label={t("scan.trend.tableCaption")}>
              <table>
                <caption>{t("scan.trend.tableCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("scan.results.aspect")}</th>
                    {trendYears.map((y) => (
                      <th scope="col" key={y}>
                        {y}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {ASPECTS.map((a) => (
                    <tr key={a.id}>
                      <th scope="row">{a.name}</th>
                      {trend[a.id]!.map((p) => (
                        <td key={p.schoolYear}>
                          {p.value === null
                            ? "—"
                            : p.source === "mean"
                              ? `${p.value.toLocaleString("nl-NL")} (${t("scan.trend.mean")})`
                              : `${p.value} ${phaseName(p.value)}`}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
