import { useTranslation } from "react-i18next";
import type { QuestionStatus } from "../domain/question-lifecycle";

/** A question's status as text (never colour alone). */
export function StatusBadge({ status }: { status: QuestionStatus }) {
  const { t } = useTranslation();
  return <span className={`status status--${status}`}>{t(`questions.status.${status}`)}</span>;
}
