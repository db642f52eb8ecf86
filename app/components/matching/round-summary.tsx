import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RoundSummary, UnplacedReason } from "../../domain/round-summary";
import type { SchoolContact } from "../../domain/school-contact";
import { fte, RoundFields, SchoolContacts, ScrollTable } from "./round-parts";

const REASONS: UnplacedReason[] = ["noChoices", "noSupervision", "full"];

/**
 * The summary the programmaleider checks before publishing (issue 20), and
 * after publishing the same figures as a record. Publishing asks for an
 * explicit confirmation; the server refuses it without one.
 */
export function RoundSummaryView({
  roundId,
  summary,
  contacts,
  canPublish,
  busy,
}: {
  roundId: string;
  summary: RoundSummary;
  /** Each school's contact (its schoolopleider, issue 20), by school id. */
  contacts: Record<string, SchoolContact[]>;
  canPublish: boolean;
  busy: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section className="card stack" aria-labelledby="summary-title">
      <h3 id="summary-title">{t(canPublish ? "school.round.summaryTitle" : "school.round.summaryPublishedTitle")}</h3>
      {canPublish ? <p className="muted">{t("school.round.summaryIntro")}</p> : null}
      <p>
        <strong>{t("school.round.totals", summary)}</strong>
      </p>
      <ul className="inline-list">
        {summary.byRank.map((n, i) => (
          <li key={i}>
            {t("school.round.byRank", { n: i + 1 })}: {n}
          </li>
        ))}
      </ul>
      <h4>{t("school.round.placesTitle")}</h4>
      <ScrollTable label={t("school.round.placesTitle")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("matching.manage.school")}</th>
              <th scope="col">{t("school.round.wanted")}</th>
              <th scope="col">{t("school.round.places")}</th>
              <th scope="col">{t("school.round.placed")}</th>
              <th scope="col">{t("school.round.shortage")}</th>
              <th scope="col">{t("school.round.minimum")}</th>
              <th scope="col">{t("teacherResearch.contact.column")}</th>
            </tr>
          </thead>
          <tbody>
            {summary.schools
              .filter((s) => s.wanted > 0 || s.capacity > 0 || s.placed > 0)
              .map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.name}</th>
                  <td>{s.wanted}</td>
                  <td>{s.capacity}</td>
                  <td>{s.placed}</td>
                  <td>{fte(s.shortageTenths)}</td>
                  <td>
                    {s.minimum}
                    {s.minimum > 0 ? ` (${t(s.minimumMet ? "school.round.minimumMet" : "school.round.minimumMissed")})` : null}
                  </td>
                  <td>
                    <SchoolContacts contacts={contacts[s.id]} />
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </ScrollTable>
      {summary.labs.length ? (
        <>
          <h4>{t("school.round.labsTitle")}</h4>
          <ul>
            {summary.labs.map((l) => (
              <li key={l.id}>
                {l.name}: {l.placed} / {l.seats} {t("school.round.seats").toLowerCase()}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h4>{t("school.round.unplacedTitle")}</h4>
      {summary.unplaced === 0 ? (
        <p>{t("school.round.noUnplaced")}</p>
      ) : (
        <ul>
          {REASONS.filter((r) => summary.unplacedBy[r] > 0).map((r) => (
            <li key={r}>{t(`school.round.unplacedReasons.${r}`, { count: summary.unplacedBy[r] })}</li>
          ))}
        </ul>
      )}
      {canPublish ? (
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="publish" />
          <input type="hidden" name="roundId" value={roundId} />
          <label className="checkbox" htmlFor="publish-confirm">
            <input id="publish-confirm" type="checkbox" name="confirm" value="ja" required />
            <span>{t("school.round.confirm")}</span>
          </label>
          <div>
            <button type="submit" className="button" disabled={busy}>
              {busy ? t("school.round.publishing") : t("school.round.publish")}
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}

/** Opens a follow-up round after a published one. */
export function FollowUpForm({ roundId, roundName, busy }: { roundId: string; roundName: string; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="card stack" aria-labelledby="follow-up-title">
      <h3 id="follow-up-title">{t("school.round.followUpTitle")}</h3>
      <p className="muted">{t("school.round.followUpIntro")}</p>
      <input type="hidden" name="intent" value="followUp" />
      <input type="hidden" name="roundId" value={roundId} />
      <RoundFields idPrefix="follow-up" defaultName={t("school.round.followUpName", { name: roundName })} />
      <div>
        <button type="submit" className="button button--secondary" disabled={busy}>
          {t("school.round.followUpCreate")}
        </button>
      </div>
    </Form>
  );
}
