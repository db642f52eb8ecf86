import type { TFunction } from "i18next";

export type NotificationItem = { kind: string; params: Record<string, string> };

/**
 * The sentence for one notification; each kind has its own text, an unknown
 * kind a neutral one. Shared by the bell (/meldingen) and the mails, so a new
 * kind needs one case here to read well in both.
 */
export function notificationText(n: NotificationItem, t: TFunction): string {
  switch (n.kind) {
    case "question.sentBack":
      return t("questions.notifications.sentBack", { title: n.params.title ?? "" });
    case "question.status":
      return n.params.title && n.params.to
        ? t("questions.notifications.statusChanged", { title: n.params.title, to: t(`questions.status.${n.params.to}`) })
        : t("questions.notifications.generic");
    case "matching.published":
      return n.params.round ? t("questions.notifications.matchingPublished", { round: n.params.round }) : t("questions.notifications.matchingPublishedNoName");
    case "matching.opened":
      return t("installWalk.notifications.roundOpened", {
        round: n.params.round ?? "",
        deadline: new Date(n.params.deadline ?? ""),
        // The deadline is the end of a day in Amsterdam (record 0027b): shown as that day.
        formatParams: { deadline: { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Amsterdam" } },
      });
    case "teacherResearch.started":
      return t("teacherResearch.notifications.started", { title: n.params.title ?? "" });
    case "project.begeleiderAdded":
      return t("installWalk.notifications.begeleiderAdded", { title: n.params.title ?? "" });
    case "action.assigned":
      return n.params.due
        ? t("actionOwners.notifications.assignedDue", { title: n.params.title ?? "", result: n.params.result ?? "", due: n.params.due })
        : t("actionOwners.notifications.assigned", { title: n.params.title ?? "", result: n.params.result ?? "" });
    case "result.consentAsked":
      return t("actionOwners.notifications.consentAsked", { title: n.params.title ?? "", level: t(`results.visibility.${n.params.level ?? "school"}`) });
    case "plan.ethicsLapsed":
      return t("actionOwners.notifications.ethicsLapsed", { title: n.params.title ?? "" });
    default:
      // Kinds added since (issue 20) read their text from the school locale, e.g. school.notifications.matching.placed.
      return t(`school.notifications.${n.kind}`, { ...n.params, defaultValue: t("questions.notifications.generic") });
  }
}
