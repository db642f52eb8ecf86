import type { Change, Note } from "./plan";
import type { FileProblem, IssueParams, RowIssue } from "./types";

/**
 * Turns issue codes into sentences in the UI language (Dutch by default).
 * Pure: the caller passes its translate function (i18next's `t`).
 */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

function localParams(t: Translate, params: IssueParams | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(params ?? {}) };
  if (typeof out.role === "string") out.role = t(`roles.${out.role}`);
  if (out.kind === "school" || out.kind === "institute") out.found = t(`import.orgKinds.${out.kind}`);
  return out;
}

/** The message of one issue, without the row (for the table, where the row is the row header). */
export function issueMessage(t: Translate, issue: RowIssue): string {
  const message = t(`import.issues.${issue.code}`, localParams(t, issue.params));
  return issue.column ? t("import.columnOnly", { column: issue.column, message }) : message;
}

/** "Rij 5, kolom ‘e-mail’: dit is geen geldig e-mailadres." */
export function issueSentence(t: Translate, issue: RowIssue): string {
  const message = t(`import.issues.${issue.code}`, localParams(t, issue.params));
  return issue.column
    ? t("import.rowColumn", { row: issue.row, column: issue.column, message })
    : t("import.rowOnly", { row: issue.row, message });
}

/** A file-level problem as one or more sentences (the header problem lists what is wrong). */
export function problemSentences(t: Translate, problem: FileProblem, kindLabel: string): string[] {
  const p = problem.params ?? {};
  if (problem.code !== "headers") return [t(`import.problems.${problem.code}`, p)];
  const lines = [t("import.problems.headers", { kind: kindLabel.toLowerCase() })];
  if (p.missing) lines.push(t("import.problems.headersMissing", { list: p.missing }));
  if (p.unknown) lines.push(t("import.problems.headersUnknown", { list: p.unknown }));
  if (p.duplicate) lines.push(t("import.problems.headersDuplicate", { list: p.duplicate }));
  if (p.otherKind) lines.push(t("import.problems.headersOtherKind", { kind: t(`import.kinds.${p.otherKind}`).toLowerCase() }));
  lines.push(t("import.problems.headersExpected", { list: p.expected }));
  return lines;
}

export function changeSentence(t: Translate, change: Change): string {
  const field = t(`import.fields.${change.field}`);
  return change.from === "" ? t("import.changeFromEmpty", { field, to: change.to }) : t("import.change", { field, from: change.from, to: change.to });
}

export function noteSentence(t: Translate, note: Note): string {
  return t(`import.notes.${note.code}`, note.params ?? {});
}

/** "12 scholen aangemaakt, 3 bijgewerkt, 40 uitnodigingen" — for the toast and the result. */
export function resultSummary(
  t: Translate,
  counts: { schoolsCreated: number; schoolsUpdated: number; invitationsCreated: number; invitationsUpdated: number },
): string {
  const parts: string[] = [];
  if (counts.schoolsCreated) parts.push(t("import.result.schoolsCreated", { count: counts.schoolsCreated }));
  if (counts.schoolsUpdated) {
    parts.push(t(counts.schoolsCreated ? "import.result.schoolsUpdated" : "import.result.schoolsUpdatedOnly", { count: counts.schoolsUpdated }));
  }
  if (counts.invitationsCreated) parts.push(t("import.result.invitationsCreated", { count: counts.invitationsCreated }));
  if (counts.invitationsUpdated) parts.push(t("import.result.invitationsUpdated", { count: counts.invitationsUpdated }));
  return parts.length ? parts.join(", ") : t("import.result.nothing");
}
