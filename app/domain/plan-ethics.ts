import type * as Y from "yjs";
import { z } from "zod";
import type { Block, Inline, PlanSectionContent } from "./plan-document";
import { ETHICS_SIGNOFF_MAP } from "./plan-template";

/**
 * The Ethiek & AVG checklist of a plan (issue 4). Students fill it in, the
 * begeleider signs it off. The answers live in the plan's Y.Doc as the map
 * `ethiek`, so they are live and versioned with the text. The sign-off lives
 * in the server-only map ETHICS_SIGNOFF_MAP and holds the answers it signed:
 * it counts only while they are still the answers (record 0018). Pure.
 */
export const ETHICS_MAP = "ethiek";
export { ETHICS_SIGNOFF_MAP };
export const SIGNOFF_KEY = "signedOff";
export const AGE_GROUPS = ["onder-12", "12-15", "16-plus"] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];
export const RETENTION_OPTIONS = ["einde-onderzoek", "1-jaar", "5-jaar"] as const;

/** The answers (what authors write). A `signedOff` key in the answers map is ignored: anyone can write there. */
export const ethicsSchema = z.object({
  pupilsInvolved: z.enum(["ja", "nee"]).optional().catch(undefined),
  ageGroups: z.array(z.enum(AGE_GROUPS)).max(3).optional().catch(undefined),
  dataMinimisation: z.string().max(4000).optional().catch(undefined),
  storage: z.string().max(1000).optional().catch(undefined),
  retention: z.enum(RETENTION_OPTIONS).optional().catch(undefined),
});
export type SignOff = { name: string; at: string };
/** The answers plus the sign-off when it still holds for exactly these answers. */
export type EthicsAnswers = z.infer<typeof ethicsSchema> & { signedOff?: SignOff };

/** The stored sign-off: who, when, and the fingerprint of the answers signed. */
const signOffRecordSchema = z.object({
  name: z.string().max(200),
  at: z.string().max(40),
  byId: z.string().max(100),
  answers: z.string().max(20_000),
});
export type SignOffRecord = z.infer<typeof signOffRecordSchema>;

/**
 * The answers as one canonical string: the sign-off stores it, and holds only
 * while the current answers give the same string. The string itself rather
 * than a short hash, so no crafted answers can collide with signed ones.
 */
export function ethicsFingerprint(answers: EthicsAnswers): string {
  return JSON.stringify([
    answers.pupilsInvolved ?? null,
    answers.ageGroups ?? null,
    answers.dataMinimisation ?? null,
    answers.storage ?? null,
    answers.retention ?? null,
  ]);
}

export function signOffRecord(answers: EthicsAnswers, user: { id: string; name: string }, at: Date): SignOffRecord {
  return { name: user.name, at: at.toISOString(), byId: user.id, answers: ethicsFingerprint(answers) };
}

/**
 * Whatever peers put in the answers map, only well-formed answers come out;
 * the sign-off only from the server's record, and only while it matches.
 */
export function readEthics(raw: unknown, rawSignOff?: unknown): EthicsAnswers {
  const parsed = ethicsSchema.safeParse(raw ?? {});
  const answers: EthicsAnswers = parsed.success ? parsed.data : {};
  const signOff = signOffRecordSchema.safeParse(rawSignOff);
  if (signOff.success && signOff.data.answers === ethicsFingerprint(answers)) {
    answers.signedOff = { name: signOff.data.name, at: signOff.data.at };
  }
  return answers;
}

/** The checklist of a plan document: its answers and the server's sign-off. */
export function readEthicsFromDoc(doc: Y.Doc): EthicsAnswers {
  return readEthics(doc.getMap(ETHICS_MAP).toJSON(), doc.getMap(ETHICS_SIGNOFF_MAP).get(SIGNOFF_KEY));
}

/**
 * Consent policy. The default follows the AVG (UAVG art. 5): under 16 the
 * parents consent. A partnership may be stricter and also ask the parents of
 * 16- and 17-year-olds (age 17 or 18); it may never go below the law's 16.
 */
export type ConsentPolicy = { parentalConsentUnderAge: number };
export const DEFAULT_CONSENT_POLICY: ConsentPolicy = { parentalConsentUnderAge: 16 };
export const CONSENT_AGE_MIN = 16;
export const CONSENT_AGE_MAX = 18;

/** The form a programmaleider submits to change the partnership's consent age (messages are i18n keys). */
export const consentAgeSchema = z.object({
  parentalConsentUnderAge: z.coerce
    .number({ invalid_type_error: "organisations.consentAge.errors.required" })
    .int("organisations.consentAge.errors.whole")
    .min(CONSENT_AGE_MIN, "organisations.consentAge.errors.belowLaw")
    .max(CONSENT_AGE_MAX, "organisations.consentAge.errors.tooHigh"),
});

/**
 * A school can take part in more than one partnership; then the strictest
 * policy (the highest age) applies, so no partnership's rule is broken.
 */
export function strictestConsentPolicy(ages: readonly number[]): ConsentPolicy {
  const valid = ages.filter((a) => Number.isInteger(a) && a >= CONSENT_AGE_MIN && a <= CONSENT_AGE_MAX);
  return valid.length === 0 ? DEFAULT_CONSENT_POLICY : { parentalConsentUnderAge: Math.max(...valid) };
}

/** `undecided`: not yet answered whether pupils take part, or not yet which ages. */
export type RequiredConsent = "undecided" | "none" | "parents" | "pupil" | "parents-and-pupil";

const MAX_AGE: Record<AgeGroup, number> = { "onder-12": 11, "12-15": 15, "16-plus": 18 };
const MIN_AGE: Record<AgeGroup, number> = { "onder-12": 4, "12-15": 12, "16-plus": 16 };

export function requiredConsent(answers: EthicsAnswers, policy: ConsentPolicy = DEFAULT_CONSENT_POLICY): RequiredConsent {
  if (answers.pupilsInvolved === "nee") return "none";
  // Never "no consent needed" before the checklist says so: that would be read as permission.
  if (answers.pupilsInvolved !== "ja" || !answers.ageGroups?.length) return "undecided";
  const parents = answers.ageGroups.some((g) => MIN_AGE[g] < policy.parentalConsentUnderAge);
  const pupils = answers.ageGroups.some((g) => MAX_AGE[g] >= policy.parentalConsentUnderAge);
  if (parents && pupils) return "parents-and-pupil";
  return parents ? "parents" : "pupil";
}

export function ethicsComplete(answers: EthicsAnswers): boolean {
  if (answers.pupilsInvolved === "nee") return !!answers.storage?.trim() && !!answers.retention;
  return (
    answers.pupilsInvolved === "ja" &&
    !!answers.ageGroups?.length &&
    !!answers.dataMinimisation?.trim() &&
    !!answers.storage?.trim() &&
    !!answers.retention
  );
}

const RETENTION_TEXT: Record<(typeof RETENTION_OPTIONS)[number], string> = {
  "einde-onderzoek": "tot het einde van het onderzoek; daarna worden ze vernietigd",
  "1-jaar": "tot één jaar na afloop van het onderzoek",
  "5-jaar": "vijf jaar na afloop van het onderzoek (voor controle van de resultaten)",
};

/**
 * Free text (a checklist answer, a title) as one line of literal Markdown text:
 * line breaks become spaces (no new headings or lists), and the characters that
 * start links, emphasis, HTML, code or tables are escaped, as is a leading
 * block marker. Parents read this form: students' answers must stay text.
 */
export function markdownText(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/([\\`*_[\]<>#|~])/g, "\\$1")
    .replace(/^([-+=]|\d+[.)])/, "\\$1");
}

/** A draft toestemmingsformulier (Markdown) from the answers. */
export function consentFormMarkdown(input: { planTitle: string; schoolName: string; answers: EthicsAnswers; policy?: ConsentPolicy }): string {
  const planTitle = markdownText(input.planTitle);
  const schoolName = markdownText(input.schoolName);
  const answers = {
    ...input.answers,
    dataMinimisation: input.answers.dataMinimisation && markdownText(input.answers.dataMinimisation),
    storage: input.answers.storage && markdownText(input.answers.storage),
  };
  const consent = requiredConsent(answers, input.policy);
  const age = (input.policy ?? DEFAULT_CONSENT_POLICY).parentalConsentUnderAge;
  const who =
    consent === "parents"
      ? "ouder/verzorger van"
      : consent === "pupil"
        ? "leerling"
        : `ouder/verzorger van (of leerling van ${age} jaar of ouder)`;
  const lines = [
    `# Toestemmingsformulier (concept)`,
    ``,
    `**Onderzoek:** ${planTitle}  `,
    `**School:** ${schoolName}`,
    ``,
    `## Waarom dit onderzoek`,
    ``,
    `Studenten van de lerarenopleiding doen samen met ${schoolName} onderzoek. Daarvoor willen zij gegevens verzamelen. Meedoen is vrijwillig; u kunt uw toestemming altijd intrekken, zonder opgaaf van reden.`,
    ``,
    `## Welke gegevens en waarom`,
    ``,
    answers.dataMinimisation?.trim() || "_Nog in te vullen in de checklist Ethiek en AVG._",
    ``,
    `## Bewaren`,
    ``,
    `De gegevens worden bewaard in: ${answers.storage?.trim() || "_nog in te vullen_"}. Ze worden bewaard ${answers.retention ? RETENTION_TEXT[answers.retention] : "_(bewaartermijn nog in te vullen)_"}. Alleen de onderzoekers en hun begeleider kunnen erbij. In het verslag komen geen namen.`,
    ``,
    `## Toestemming`,
    ``,
    consent === "none"
      ? "_Volgens de checklist doen er geen leerlingen mee; toestemming van leerlingen of ouders is dan niet nodig._"
      : consent === "undecided"
        ? "_Nog niet te bepalen: vul in de checklist Ethiek en AVG eerst in of er leerlingen meedoen en hoe oud ze zijn._"
        : `Ondergetekende, ${who} ______________________ (naam leerling), geeft toestemming voor deelname aan dit onderzoek.`,
    ``,
    `Naam: ______________________  Handtekening: ______________________  Datum: __________`,
    ``,
  ];
  if (consent === "parents-and-pupil") {
    lines.push(`_Voor leerlingen van ${age} jaar of ouder tekent de leerling zelf; voor jongere leerlingen een ouder of verzorger._`, "");
  }
  return lines.join("\n");
}

type Translate = (key: string, values?: Record<string, unknown>) => string;

/**
 * The checklist as it stands, as blocks under the Ethiek & AVG section of the
 * exports (Markdown, Word, print): a reader of the plan on paper must see what
 * was answered and whether the begeleider signed it off, not an empty section.
 */
export function ethicsChecklistBlocks(input: {
  answers: EthicsAnswers;
  policy?: ConsentPolicy;
  t: Translate;
  formatDate: (iso: string) => string;
}): Block[] {
  const { answers, t } = input;
  const age = (input.policy ?? DEFAULT_CONSENT_POLICY).parentalConsentUnderAge;
  const open = t("plan.ethics.unanswered");
  const item = (question: string, answer: string | undefined): Block[] => [
    { type: "paragraph", inlines: [{ text: question, bold: true }, { text: ` ${answer?.trim() || open}` }] satisfies Inline[] },
  ];
  const pupils = answers.pupilsInvolved;
  const items: Block[][] = [item(t("plan.ethics.pupilsInvolved"), pupils === "ja" ? t("plan.ethics.yes") : pupils === "nee" ? t("plan.ethics.no") : undefined)];
  if (pupils !== "nee") {
    items.push(item(t("plan.ethics.ageGroups"), answers.ageGroups?.map((g) => t(`plan.ethics.age.${g}`)).join(", ")));
  }
  items.push(item(`${t("plan.ethics.consentHeading")}:`, t(`plan.ethics.consent.${requiredConsent(answers, input.policy)}`, { age })));
  if (pupils !== "nee") items.push(item(t("plan.ethics.dataMinimisation"), answers.dataMinimisation));
  items.push(item(t("plan.ethics.storage"), answers.storage));
  items.push(item(t("plan.ethics.retention"), answers.retention ? t(`plan.ethics.retentionOption.${answers.retention}`) : undefined));
  const signed = answers.signedOff
    ? t("plan.ethics.signedOff", { name: answers.signedOff.name, date: input.formatDate(answers.signedOff.at) })
    : t("plan.ethics.notSignedOff");
  return [
    { type: "heading", level: 3, inlines: [{ text: t("plan.ethics.heading") }] },
    { type: "list", ordered: false, items },
    { type: "paragraph", inlines: [{ text: signed, italic: true }] },
  ];
}

/** The sections with the checklist after the written text of Ethiek & AVG. */
export function withEthicsChecklist(sections: PlanSectionContent[], checklist: Block[]): PlanSectionContent[] {
  return sections.map((s) => (s.id === "ethiek" ? { ...s, blocks: [...s.blocks, ...checklist] } : s));
}
