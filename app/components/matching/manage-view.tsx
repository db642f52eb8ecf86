import { Form, type useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { RoundRow } from "../../models/matching.server";
import type { loader } from "../../routes/matching";
import type { RoundSummary } from "../../domain/round-summary";
import { fte, RoundFields, SchoolContacts, ScrollTable } from "./round-parts";
import { FollowUpForm, RoundSummaryView } from "./round-summary";

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Manage = NonNullable<LoaderData["manage"]>;

export function ManageView({
  manage,
  date,
  busy,
  running,
}: {
  manage: Manage;
  date: Intl.DateTimeFormat;
  busy: boolean;
  running: boolean;
}) {
  const picker = manage.partnerships.length > 1 ? <PartnershipPicker partnerships={manage.partnerships} current={manage.partnershipId} /> : null;
  return (
    <>
      {picker}
      <RoundView manage={manage} date={date} busy={busy} running={running} />
    </>
  );
}

/** For someone who runs rounds in several partnerships (an admin): which one this page is about. Works without JavaScript. */
function PartnershipPicker({ partnerships, current }: { partnerships: { id: string; name: string }[]; current: string }) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="card filters-inline" aria-label={t("matching.manage.partnershipPicker")}>
      <div className="field">
        <label htmlFor="matching-partnership">{t("matching.manage.partnership")}</label>
        <select id="matching-partnership" name="partnerschap" defaultValue={current} key={current}>
          {partnerships.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button--secondary">
        {t("matching.manage.showPartnership")}
      </button>
    </Form>
  );
}

function RoundView({ manage, date, busy, running }: { manage: Manage; date: Intl.DateTimeFormat; busy: boolean; running: boolean }) {
  const { t } = useTranslation();
  const round = manage.round as RoundRow | null;
  if (!round) {
    return (
      <section className="card stack" aria-labelledby="new-round">
        <h2 id="new-round">{t("matching.manage.newRound")}</h2>
        <p>{t("matching.noRoundIn", { name: manage.partnershipName })}</p>
        <NewRoundForm partnershipId={manage.partnershipId} busy={busy} />
      </section>
    );
  }
  const placed = manage.assignments.filter((a) => a.questionId);
  const unplaced = manage.assignments.filter((a) => !a.questionId);
  const locked = round.status === "gepubliceerd" || round.status === "gesloten";
  // Results grouped per school, each group collapsible, so the page fits a screen.
  const bySchool = new Map<string, typeof placed>();
  for (const a of placed)
    bySchool.set(a.schoolName ?? "", [
      ...(bySchool.get(a.schoolName ?? "") ?? []),
      a,
    ]);
  const summary = manage.summary as RoundSummary | null;
  // Hand adjustment only while the round is computed and not yet published.
  const adjust = round.status === "berekend" ? { roundId: round.id, choices: manage.choices, busy } : null;
  const schoolIdByName = new Map(manage.settings.map((s) => [s.name, s.schoolId]));
  return (
    <section className="stack-lg" aria-labelledby="manage-round">
      <h2 id="manage-round">
        {round.name} · {t(`matching.status.${round.status}`)}
      </h2>
      {round.status === "open" ? (
        <p>
          {t("matching.deadline", {
            date: date.format(new Date(round.deadline)),
          })}
        </p>
      ) : null}
      {locked && round.publishedAt ? (
        <p className="hint-box" role="note">
          {t("school.round.lockedNotice", {
            date: date.format(new Date(round.publishedAt)),
          })}
        </p>
      ) : null}
      <div className="card stack">
        <h3>{t("matching.manage.rankedTitle")}</h3>
        <p>{t("matching.manage.ranked", manage.ranked)}</p>
        {manage.notRanked.length ? (
          <details>
            <summary>{t("matching.manage.notRanked")}</summary>
            <p>{manage.notRanked.join(", ")}</p>
          </details>
        ) : null}
      </div>
      {summary ? (
        <RoundSummaryView
          roundId={round.id}
          summary={summary}
          contacts={manage.contacts}
          canPublish={round.status === "berekend"}
          busy={busy}
        />
      ) : null}
      {round.status === "gepubliceerd" ? (
        <FollowUpForm roundId={round.id} roundName={round.name} busy={busy} />
      ) : null}
      {locked ? null : (
        <Form method="post" className="card stack">
          <h3>{t("matching.manage.settingsTitle")}</h3>
          <p className="muted">{t("matching.manage.settingsIntro")}</p>
          <input type="hidden" name="intent" value="settings" />
          <input type="hidden" name="roundId" value={round.id} />
          <ScrollTable>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("matching.manage.school")}</th>
                  <th scope="col">{t("matching.manage.capacity")}</th>
                  <th scope="col">{t("matching.manage.minimum")}</th>
                  <th scope="col">{t("school.round.shortage")}</th>
                  <th scope="col">{t("teacherResearch.contact.column")}</th>
                </tr>
              </thead>
              <tbody>
                {manage.settings.map((s) => (
                  <tr key={s.schoolId}>
                    <th scope="row">{s.name}</th>
                    <td>
                      <input
                        type="number"
                        min={0}
                        max={100}
                        name={`capacity-${s.schoolId}`}
                        defaultValue={s.capacity}
                        aria-label={`${t("matching.manage.capacity")}: ${
                          s.name
                        }`}
                      />
                    </td>
                    <td>
                      <input
                        type="number"
                        min={0}
                        max={100}
                        name={`minimum-${s.schoolId}`}
                        defaultValue={s.minimum}
                        aria-label={`${t("matching.manage.minimum")}: ${
                          s.name
                        }`}
                      />
                    </td>
                    <td>{fte(s.shortageTenths)}</td>
                    <td>
                      <SchoolContacts contacts={manage.contacts[s.schoolId]} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
          <div>
            <button
              type="submit"
              className="button button--secondary"
              disabled={busy}
            >
              {t("matching.manage.saveSettings")}
            </button>
          </div>
        </Form>
      )}
      {locked ? null : (
        <div className="button-row">
          <Form method="post">
            <input type="hidden" name="intent" value="run" />
            <input type="hidden" name="roundId" value={round.id} />
            <button
              type="submit"
              className="button"
              disabled={busy}
              aria-busy={running}
            >
              {running
                ? t("matching.manage.running")
                : t("matching.manage.run")}
            </button>
          </Form>
        </div>
      )}
      {manage.assignments.length > 0 ? (
        <>
          <section className="card stack" aria-labelledby="profile-title">
            <h3 id="profile-title">{t("matching.manage.profileTitle")}</h3>
            <ScrollTable label={t("matching.manage.profileTitle")}>
              <table>
                <thead>
                  <tr>
                    {manage.profile.map((_, i) => (
                      <th scope="col" key={i}>
                        {t("matching.manage.profileRank", { n: i + 1 })}
                      </th>
                    ))}
                    <th scope="col">{t("matching.manage.unplacedTitle")}</th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    {manage.profile.map((n, i) => (
                      <td key={i}>{n}</td>
                    ))}
                    <td>{unplaced.length}</td>
                  </tr>
                </tbody>
              </table>
            </ScrollTable>
          </section>
          <section className="stack" aria-labelledby="result-title">
            <h3 id="result-title">{t("matching.manage.resultTitle")}</h3>
            {[...bySchool].map(([school, rows]) => (
              <details key={school} className="card">
                <summary>
                  {t("school.round.groupSummary", {
                    school,
                    count: rows.length,
                  })}
                </summary>
                {schoolIdByName.has(school) ? (
                  <p>
                    {t("teacherResearch.contact.inGroup")} <SchoolContacts contacts={manage.contacts[schoolIdByName.get(school)!]} />
                  </p>
                ) : null}
                <AssignmentTable
                  headers={[t("matching.manage.question"), t("matching.manage.student"), t("matching.manage.rank"), t("matching.manage.responses")]}
                  rows={rows}
                  cells={(a) => [
                    a.questionTitle,
                    a.studentName,
                    a.rank,
                    <>
                      {t(`matching.response.${a.studentResponse}`)} / {t(`matching.response.${a.schoolResponse}`)}
                    </>,
                  ]}
                  adjust={adjust}
                />
              </details>
            ))}
          </section>
          {unplaced.length > 0 ? (
            <details className="card" aria-labelledby="unplaced-title">
              <summary id="unplaced-title">
                {t("matching.manage.unplacedTitle")} ({unplaced.length})
              </summary>
              <AssignmentTable
                headers={[t("matching.manage.student"), t("matching.manage.why")]}
                rows={unplaced}
                cells={(a) => [a.studentName, a.explanation]}
                adjust={adjust}
              />
            </details>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

type AssignmentRow = Manage["assignments"][number];

/**
 * One table of assignments (placed per school, or unplaced), with the hand
 * adjustment as a last column while the round is computed.
 */
function AssignmentTable({
  headers,
  rows,
  cells,
  adjust,
}: {
  headers: string[];
  rows: AssignmentRow[];
  cells: (row: AssignmentRow) => ReactNode[];
  adjust: { roundId: string; choices: Manage["choices"]; busy: boolean } | null;
}) {
  const { t } = useTranslation();
  return (
    <ScrollTable>
      <table>
        <thead>
          <tr>
            {headers.map((h) => (
              <th scope="col" key={h}>
                {h}
              </th>
            ))}
            {adjust ? <th scope="col">{t("matching.manage.adjust")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.studentId}>
              {cells(a).map((cell, i) => (
                <td key={i}>{cell}</td>
              ))}
              {adjust ? (
                <td>
                  <AdjustForm
                    roundId={adjust.roundId}
                    studentId={a.studentId}
                    studentName={a.studentName}
                    current={a.questionId}
                    choices={adjust.choices[a.studentId] ?? []}
                    busy={adjust.busy}
                  />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

function AdjustForm({
  roundId,
  studentId,
  studentName,
  current,
  choices,
  busy,
}: {
  roundId: string;
  studentId: string;
  studentName: string;
  current: string | null;
  choices: { id: string; title: string }[];
  busy: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="filters-inline">
      <input type="hidden" name="intent" value="adjust" />
      <input type="hidden" name="roundId" value={roundId} />
      <input type="hidden" name="studentId" value={studentId} />
      <select
        name="questionId"
        defaultValue={current ?? ""}
        aria-label={t("matching.manage.adjustLabel", { name: studentName })}
      >
        <option value="">{t("matching.manage.noPlace")}</option>
        {choices.map((c, i) => (
          <option key={c.id} value={c.id}>
            {i + 1}. {c.title}
          </option>
        ))}
      </select>
      <button
        type="submit"
        className="button button--small button--secondary"
        disabled={busy}
      >
        {t("matching.manage.adjustSave")}
        <span className="visually-hidden">: {studentName}</span>
      </button>
    </Form>
  );
}

function NewRoundForm({
  partnershipId,
  busy,
}: {
  partnershipId: string;
  busy: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="stack">
      <input type="hidden" name="intent" value="create" />
      <input type="hidden" name="partnershipId" value={partnershipId} />
      <RoundFields idPrefix="round" />
      <div>
        <button type="submit" className="button" disabled={busy}>
          {t("matching.manage.create")}
        </button>
      </div>
    </Form>
  );
}
