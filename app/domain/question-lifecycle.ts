/**
 * The status machine of a schoolontwikkelvraag (ARCHITECTURE §3): one pure
 * function that says whether a move is allowed and for whom.
 *
 *   concept → ingediend → open → gematcht → in_uitvoering → afgerond → geimplementeerd
 *   plus teruggestuurd (back to the school with feedback) and gearchiveerd.
 */
export const QUESTION_STATUSES = [
  "concept",
  "ingediend",
  "open",
  "gematcht",
  "in_uitvoering",
  "afgerond",
  "geimplementeerd",
  "teruggestuurd",
  "gearchiveerd",
] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

/**
 * Who is moving the question: the school that owns it (schoolleider or
 * onderzoekscoördinator), the partnership's programmaleider (or an admin
 * acting for them), or the matching round itself.
 */
export type TransitionActor = "school" | "programme" | "system";

export type TransitionRule = {
  from: QuestionStatus;
  to: QuestionStatus;
  by: readonly TransitionActor[];
  /** A written reason is required (feedback the school will read). */
  reasonRequired?: boolean;
  /** The i18n key of the button/verb for this move. */
  verb: string;
};

export const TRANSITIONS: readonly TransitionRule[] = [
  { from: "concept", to: "ingediend", by: ["school"], verb: "submit" },
  { from: "concept", to: "gearchiveerd", by: ["school"], verb: "archive" },
  { from: "ingediend", to: "concept", by: ["school"], verb: "withdraw" },
  { from: "ingediend", to: "open", by: ["programme"], verb: "open" },
  { from: "ingediend", to: "teruggestuurd", by: ["programme"], reasonRequired: true, verb: "sendBack" },
  { from: "teruggestuurd", to: "ingediend", by: ["school"], verb: "resubmit" },
  { from: "teruggestuurd", to: "concept", by: ["school"], verb: "withdraw" },
  { from: "teruggestuurd", to: "gearchiveerd", by: ["school"], verb: "archive" },
  { from: "open", to: "gematcht", by: ["programme", "system"], verb: "match" },
  { from: "open", to: "teruggestuurd", by: ["programme"], reasonRequired: true, verb: "sendBack" },
  { from: "open", to: "concept", by: ["school"], verb: "withdraw" },
  // A declined match returns the question to the pool for a follow-up round.
  { from: "gematcht", to: "open", by: ["programme", "system"], verb: "reopen" },
  { from: "gematcht", to: "in_uitvoering", by: ["programme", "system"], verb: "start" },
  { from: "in_uitvoering", to: "afgerond", by: ["school", "programme"], verb: "complete" },
  { from: "afgerond", to: "geimplementeerd", by: ["school"], verb: "implement" },
  { from: "afgerond", to: "gearchiveerd", by: ["school"], verb: "archive" },
  { from: "geimplementeerd", to: "gearchiveerd", by: ["school"], verb: "archive" },
  { from: "gearchiveerd", to: "concept", by: ["school"], verb: "restore" },
];

export type TransitionCheck =
  | { ok: true; rule: TransitionRule }
  | { ok: false; error: "same" | "notAllowed" | "notYours" | "reasonRequired" };

/**
 * Decides one move. `reason` is the written explanation (trimmed); a send-back
 * needs one so the school always learns why.
 */
export function checkTransition(
  from: QuestionStatus,
  to: QuestionStatus,
  actor: TransitionActor,
  reason = "",
): TransitionCheck {
  if (from === to) return { ok: false, error: "same" };
  const rule = TRANSITIONS.find((r) => r.from === from && r.to === to);
  if (!rule) return { ok: false, error: "notAllowed" };
  if (!rule.by.includes(actor)) return { ok: false, error: "notYours" };
  if (rule.reasonRequired && reason.trim().length === 0) return { ok: false, error: "reasonRequired" };
  return { ok: true, rule };
}

/** The moves this actor can make from a status (for the buttons on a question). */
export function availableTransitions(from: QuestionStatus, actors: readonly TransitionActor[]): TransitionRule[] {
  return TRANSITIONS.filter((r) => r.from === from && r.by.some((by) => actors.includes(by)));
}

/** Statuses in which the school may still edit the question's content. */
export const EDITABLE_STATUSES: readonly QuestionStatus[] = ["concept", "teruggestuurd"];

export function isEditable(status: QuestionStatus): boolean {
  return EDITABLE_STATUSES.includes(status);
}

export function isQuestionStatus(value: unknown): value is QuestionStatus {
  return typeof value === "string" && (QUESTION_STATUSES as readonly string[]).includes(value);
}

/** The steps on the way from submission to implementation, as the dashboard follows them over time. */
export const FLOW_STATUSES = ["ingediend", "open", "gematcht", "afgerond", "geimplementeerd"] as const satisfies readonly QuestionStatus[];
export type FlowStatus = (typeof FLOW_STATUSES)[number];
