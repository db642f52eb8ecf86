import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { can, type Action, type KnownActor, type OrganisationScope } from "../domain/permissions";
import { questionFit } from "../domain/question-fit";
import { dateFormat, endOfDayInAmsterdam, isDateOnly } from "../domain/dates";
import { MAX_RANKS } from "../domain/round-rules";
import {
  assignmentsOf,
  currentRounds,
  findRound,
  openQuestionsOf,
  partnershipNames,
  partnershipsOf,
  rankingOf,
  respondToProposal,
  runRound,
  saveRanking,
  saveSchoolSettings,
  schoolSettingsOf,
  studentsOf,
  createRound,
  allPartnershipIds,
  adjustAssignment,
  rankedStudentIds,
} from "../models/matching.server";
import { createFollowUpRound, isRoundLocked, nextStepForUnplaced, publishConfirmedRound, roundSummaryOf, schoolSettingsWithShortage } from "../models/matching-publish.server";
import { contactsOfChosenSchools, schoolContactsOf } from "../models/school-contact.server";
import { studentProfile } from "../models/student-profile.server";
import { toActor } from "../models/user.server";
import { forbidden, refuseUnless, requirePermission } from "../utils/guard.server";
import { readForm } from "../utils/forms.server";
import { getLocale, getT } from "../utils/i18n.server";
import { redirectWithToast } from "../utils/toast.server";
import { ManageView } from "../components/matching/manage-view";
import { StudentView } from "../components/matching/student-view";

export const meta: MetaFunction = () => [{ title: "Matching — Samen Onderzoeken" }];

function managedPartnerships(actor: KnownActor): string[] {
  const { isAdmin, ledPartnershipIds: led } = actor;
  if (isAdmin && led.length === 0) return partnershipsOf(actor).length ? partnershipsOf(actor) : allPartnershipIds();
  return [...led];
}


export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "labs:view");
  const actor = toActor(user);
  const locale = await getLocale(request);

  // Programme leader (or admin): run the round of the partnership they lead.
  const managed = managedPartnerships(actor).filter((id) => can(actor, "round:manage", { partnershipIds: [id] }));
  // Someone who runs rounds for several partnerships (an admin) chooses one; by default one with a round.
  const requested = new URL(request.url).searchParams.get("partnerschap") ?? "";
  const named = partnershipNames(managed);
  const manage = managed.length
    ? (() => {
        const partnershipId = managed.includes(requested) ? requested : (managed.find((id) => currentRounds([id]).length > 0) ?? named[0]?.id ?? managed[0]!);
        const place = {
          partnershipName: named.find((p) => p.id === partnershipId)?.name ?? "",
          partnerships: named.length > 1 ? named : [],
        };
        const round = currentRounds([partnershipId])[0] ?? null;
        if (!round) {
          return {
            partnershipId,
            ...place,
            round: null,
            choices: {} as Record<string, { id: string; title: string }[]>,
            settings: [] as ReturnType<typeof schoolSettingsWithShortage>,
            contacts: {} as ReturnType<typeof schoolContactsOf>,
            summary: null,
            ranked: { done: 0, total: 0 },
            notRanked: [] as string[],
            assignments: [],
            profile: [] as number[],
          };
        }
        const students = studentsOf(partnershipId);
        const rankedIds = new Set(rankedStudentIds(round.id));
        const assignments = assignmentsOf(round.id);
        const profile: number[] = [];
        for (const a of assignments) if (a.rank) profile[a.rank - 1] = (profile[a.rank - 1] ?? 0) + 1;
        const titles = new Map(openQuestionsOf(partnershipId).map((q) => [q.id, q.title]));
        const choices = Object.fromEntries(
          assignments.map((a) => [
            a.studentId,
            rankingOf(round.id, a.studentId).flatMap((id) => (titles.has(id) ? [{ id, title: titles.get(id)! }] : [])),
          ]),
        );
        const settings = schoolSettingsWithShortage(round.id, partnershipId);
        return {
          partnershipId,
          ...place,
          round,
          choices,
          settings,
          // The school's contact in the round is its schoolopleider (issue 20).
          contacts: schoolContactsOf(settings.map((s) => s.schoolId)),
          summary: round.status === "open" ? null : roundSummaryOf(round),
          ranked: { done: students.filter((s) => rankedIds.has(s.id)).length, total: students.length },
          notRanked: students.filter((s) => !rankedIds.has(s.id)).map((s) => s.name),
          assignments,
          profile: Array.from({ length: MAX_RANKS }, (_, i) => profile[i] ?? 0),
        };
      })()
    : null;

  // Student: rank open questions of the round of their partnership(s).
  const studentPartnerships = partnershipsOf(actor).filter((id) => can(actor, "round:rank", { partnershipIds: [id] }));
  const studentRound = studentPartnerships.length ? (currentRounds(studentPartnerships).find((r) => r.status !== "gesloten") ?? null) : null;
  const student = studentRound
    ? (() => {
        const profile = studentProfile(user.id);
        const open = openQuestionsOf(studentRound.partnershipId).map((q) => ({
          ...q,
          fit: profile
            ? questionFit({
                student: profile,
                question: {
                  themeId: q.themeId,
                  sector: q.sector,
                  city: q.city,
                  period: q.labStart && q.labEnd ? { start: q.labStart, end: q.labEnd } : null,
                },
              })
            : { score: 0, reasons: [] },
        }));
        open.sort((a, b) => b.fit.score - a.fit.score || a.title.localeCompare(b.title, "nl"));
        // In a follow-up round the student still sees what the published round before it gave them.
        const publishedRound = studentRound.status === "gepubliceerd" ? studentRound : studentRound.followUpOfId ? findRound(studentRound.followUpOfId) : undefined;
        const mine = publishedRound?.status === "gepubliceerd" ? assignmentsOf(publishedRound.id).find((a) => a.studentId === user.id) ?? null : null;
        const nextStep =
          mine && !mine.questionId && publishedRound
            ? { ...nextStepForUnplaced(publishedRound), schoolContacts: contactsOfChosenSchools(publishedRound.id, user.id) }
            : null;
        return { round: studentRound, open, ranking: rankingOf(studentRound.id, user.id), hasProfile: !!profile, proposal: mine, nextStep };
      })()
    : null;

  // School: proposals for the school's questions in published rounds.
  const ownedSchools = user.memberships.filter((m) => m.schoolId && can(actor, "proposal:respond-school", { schoolId: m.schoolId })).map((m) => m.schoolId!);
  const schoolProposals = ownedSchools.length
    ? currentRounds(partnershipsOf(actor))
        .filter((r) => r.status === "gepubliceerd")
        .flatMap((r) =>
          assignmentsOf(r.id)
            .filter((a) => a.schoolId && ownedSchools.includes(a.schoolId))
            // The school sees who is placed, not how the student ranked it or why (that is the student's).
            .map(({ rank: _rank, explanation: _explanation, ...a }) => ({ ...a, roundId: r.id })),
        )
    : [];

  return { manage, student, schoolProposals, locale };
}

const createSchema = z.object({
  name: z.string().trim().min(1, "matching.errors.nameRequired").max(200),
  deadline: z.string().refine(isDateOnly, "matching.errors.deadlineInvalid"),
});

/** What each intent of the action needs from the permission module (scope undefined: no such round). */
function guardOfIntent(
  intent: string | undefined,
  roundScope: OrganisationScope | undefined,
  partnershipId: string,
): { action: Action; scope: OrganisationScope | undefined; message: string } | null {
  switch (intent) {
    case "create":
      return { action: "round:manage", scope: { partnershipIds: [partnershipId] }, message: "matching.errors.notManager" };
    case "settings":
    case "run":
    case "publish":
    case "adjust":
    case "followUp":
      return { action: "round:manage", scope: roundScope, message: "matching.errors.notManager" };
    case "rank":
      return { action: "round:rank", scope: roundScope, message: "matching.errors.notStudent" };
    default:
      return null;
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "labs:view");
  const actor = toActor(user);
  const t = await getT(request);
  const form = await readForm(request);
  if (!form) return data({ error: t("errors.badRequest") }, { status: 400 });
  const round = form.roundId ? findRound(form.roundId) : undefined;
  const scope = round ? { partnershipIds: [round.partnershipId] } : undefined;
  const partnershipId = (form.partnershipId ?? "").slice(0, 100);
  // Back to the same partnership (someone who runs several chose it on the page).
  const backTo = round || partnershipId ? `/matching?partnerschap=${encodeURIComponent(round?.partnershipId ?? partnershipId)}` : "/matching";
  const back = (message: string) => redirectWithToast(backTo, { kind: "success", message });

  // One permission question per intent, before anything is read or changed.
  const guard = guardOfIntent(form.intent, round ? scope : undefined, partnershipId);
  if (guard) {
    // An unknown round is refused like someone else's.
    const refused = refuseUnless(actor, guard.action, guard.scope, { error: t(guard.message) });
    if (refused) return refused;
  }

  // A published round is locked: no recalculation, settings change or hand adjustment (issue 20).
  if (round && isRoundLocked(round.status) && ["settings", "run", "adjust"].includes(form.intent ?? "")) {
    return data({ error: t("school.round.locked") }, { status: 409 });
  }

  switch (form.intent) {
    case "followUp": {
      if (!round) break;
      const parsed = createSchema.safeParse(form);
      if (!parsed.success) return data({ error: t(parsed.error.issues[0]!.message) }, { status: 400 });
      const deadline = endOfDayInAmsterdam(parsed.data.deadline);
      if (!deadline || Date.parse(deadline) < Date.now()) return data({ error: t("matching.errors.deadlineInPast") }, { status: 400 });
      const error = createFollowUpRound(round, parsed.data.name, deadline, user.id);
      if (error) return data({ error: t(error === "roundOpen" ? "matching.errors.roundOpen" : "school.round.followUpNotPublished") }, { status: 409 });
      return back(t("school.round.followUpCreated"));
    }
    case "create": {
      const parsed = createSchema.safeParse(form);
      if (!parsed.success) return data({ error: t(parsed.error.issues[0]!.message) }, { status: 400 });
      // A date-only deadline is the end of that day in Amsterdam (app/domain/dates.ts).
      const deadline = endOfDayInAmsterdam(parsed.data.deadline);
      if (!deadline || Date.parse(deadline) < Date.now()) return data({ error: t("matching.errors.deadlineInPast") }, { status: 400 });
      if (!createRound(partnershipId, parsed.data.name, deadline, user.id)) return data({ error: t("matching.errors.roundOpen") }, { status: 409 });
      return back(t("matching.manage.created"));
    }
    case "settings": {
      if (!round) break;
      const settings = schoolSettingsOf(round.id, round.partnershipId).map((s) => ({
        schoolId: s.schoolId,
        capacity: Number(form[`capacity-${s.schoolId}`] ?? s.capacity),
        minimum: Number(form[`minimum-${s.schoolId}`] ?? s.minimum),
      }));
      if (settings.some((s) => !Number.isInteger(s.capacity) || !Number.isInteger(s.minimum) || s.capacity < 0 || s.minimum < 0 || s.minimum > s.capacity || s.capacity > 100)) {
        return data({ error: t("matching.errors.capacityInvalid") }, { status: 400 });
      }
      saveSchoolSettings(round.id, settings);
      return back(t("matching.manage.settingsSaved"));
    }
    case "run": {
      if (!round) break;
      const outcome = runRound(round.id);
      if (!outcome.ok) return data({ error: t(outcome.error === "busy" ? "matching.manage.busy" : "matching.errors.closed") }, { status: 409 });
      return back(t("matching.manage.ran", { placed: outcome.placed, unplaced: outcome.unplaced }));
    }
    case "publish": {
      if (!round) break;
      // An explicit confirmation of the summary; publishing twice is refused.
      const error = publishConfirmedRound(round, user.id, form.confirm === "ja");
      if (error === "notConfirmed") return data({ error: t("school.round.confirmRequired") }, { status: 400 });
      if (error) return data({ error: t(error === "alreadyPublished" ? "school.round.alreadyPublished" : "matching.errors.notComputed") }, { status: 409 });
      return back(t("matching.manage.published"));
    }
    case "adjust": {
      if (!round) break;
      const outcome = adjustAssignment(round, (form.studentId ?? "").slice(0, 100), (form.questionId ?? "").slice(0, 100) || null);
      if (!outcome.ok) {
        const status = outcome.error === "notFound" ? 404 : outcome.error === "notComputed" ? 409 : 400;
        return data({ error: t(`matching.errors.${outcome.error === "infeasible" ? "adjustInfeasible" : outcome.error}`) }, { status });
      }
      return redirectWithToast(backTo, {
        kind: outcome.worse ? "error" : "success",
        message: t(outcome.worse ? "matching.manage.adjustedWorse" : "matching.manage.adjusted"),
      });
    }
    case "rank": {
      if (!round) break;
      const choices = Array.from({ length: MAX_RANKS + 1 }, (_, i) => (form[`choice${i + 1}`] ?? "").slice(0, 100)).filter(Boolean);
      const error = saveRanking(round, user.id, choices);
      if (error) return data({ error: t(`matching.errors.${error}`) }, { status: error === "deadline" || error === "closed" ? 409 : 400 });
      return back(t("matching.student.saved"));
    }
    case "respond": {
      if (!round) return data({ error: t("matching.errors.notFound") }, { status: 404 });
      const accept = form.answer === "accept";
      const side = form.side === "school" ? "school" : "student";
      const studentId = side === "student" ? user.id : (form.studentId ?? "").slice(0, 100);
      if (side === "school") {
        const assignment = assignmentsOf(round.id).find((a) => a.studentId === studentId);
        if (!assignment?.schoolId || !can(actor, "proposal:respond-school", { schoolId: assignment.schoolId })) {
          return forbidden({ error: t("matching.errors.notYours") });
        }
      }
      const error = respondToProposal(round, studentId, side, accept, user.id);
      if (error) return data({ error: t(`matching.errors.${error}`) }, { status: error === "notFound" ? 404 : 409 });
      return back(t(accept ? "matching.student.accepted" : "matching.student.declined"));
    }
    default:
      break;
  }
  return data({ error: t("errors.badRequest") }, { status: 400 });
}

export default function MatchingPage() {
  const { manage, student, schoolProposals, locale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const busy = navigation.state === "submitting";
  const running = busy && navigation.formData?.get("intent") === "run";
  // Deadlines are whole days in Amsterdam: shown as the date they end on.
  const date = dateFormat(locale);
  const nothing = !manage && !student && schoolProposals.length === 0;
  return (
    <div className="stack-lg">
      <header>
        <h1>{t("matching.title")}</h1>
        <p className="lead">{t("matching.intro")}</p>
      </header>
      {actionData?.error ? (
        <div className="alert alert--error" role="alert">
          {actionData.error}
        </div>
      ) : null}
      {nothing ? <p className="empty">{t("matching.nothingForYou")}</p> : null}

      {student ? <StudentView student={student} date={date} busy={busy} /> : null}

      {schoolProposals.length > 0 ? (
        <section className="card stack" aria-labelledby="school-proposals">
          <h2 id="school-proposals">{t("matching.school.title")}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("matching.manage.student")}</th>
                <th scope="col">{t("matching.manage.question")}</th>
                <th scope="col">{t("matching.manage.responses")}</th>
              </tr>
            </thead>
            <tbody>
              {schoolProposals.map((p) => (
                <tr key={`${p.roundId}-${p.studentId}`}>
                  <td>{p.studentName}</td>
                  <td>{p.questionTitle}</td>
                  <td>
                    {p.schoolResponse === "open" ? (
                      <Form method="post" className="button-row">
                        <input type="hidden" name="intent" value="respond" />
                        <input type="hidden" name="side" value="school" />
                        <input type="hidden" name="roundId" value={p.roundId} />
                        <input type="hidden" name="studentId" value={p.studentId} />
                        <button type="submit" name="answer" value="accept" className="button button--small" disabled={busy}>
                          {t("matching.school.accept")}
                          <span className="visually-hidden">: {p.studentName}</span>
                        </button>
                        <button type="submit" name="answer" value="decline" className="button button--small button--secondary" disabled={busy}>
                          {t("matching.school.decline")}
                          <span className="visually-hidden">: {p.studentName}</span>
                        </button>
                      </Form>
                    ) : (
                      t(`matching.response.${p.schoolResponse}`)
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      {manage ? <ManageView manage={manage} date={date} busy={busy} running={running} /> : null}
    </div>
  );
}
