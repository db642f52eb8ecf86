/**
 * The onderzoeksplan template (contract 6.6): one Y.XmlFragment per section,
 * named `section:<id>`, in this order, with the Dutch heading used in the
 * editor and in export.md, and guidance for students.
 */
export const PLAN_SECTIONS = [
  {
    id: "aanleiding",
    heading: "Aanleiding",
    headingEn: "Background",
    guidance: "Wat speelt er op school? Beschrijf de situatie en waarom deze vraag nu belangrijk is voor de school.",
  },
  {
    id: "probleem",
    heading: "Probleemanalyse",
    headingEn: "Problem analysis",
    guidance: "Wat is precies het probleem of de kans? Onderbouw met wat je ziet, hoort en leest (data, gesprekken).",
  },
  {
    id: "doel",
    heading: "Doel",
    headingEn: "Aim",
    guidance: "Wat wil de school na het onderzoek weten of kunnen? Formuleer het doel concreet en haalbaar.",
  },
  {
    id: "onderzoeksvraag",
    heading: "Onderzoeksvraag en deelvragen",
    headingEn: "Research question and sub-questions",
    guidance: "Eén heldere hoofdvraag, als verbetervraag geformuleerd, met 2 tot 4 deelvragen die samen het antwoord geven.",
  },
  {
    id: "theoretisch-kader",
    heading: "Theoretisch kader",
    headingEn: "Theoretical framework",
    guidance: "Welke literatuur en begrippen gebruik je? Vat samen wat al bekend is en wat je daaruit meeneemt.",
  },
  {
    id: "methode",
    heading: "Methode en onderzoeksontwerp",
    headingEn: "Method and design",
    guidance: "Welk type onderzoek doe je (bijv. ontwerpgericht, praktijkgericht, actieonderzoek) en waarom past dat?",
  },
  {
    id: "participanten",
    heading: "Participanten",
    headingEn: "Participants",
    guidance: "Wie doen er mee (leerlingen, leraren, ouders)? Hoeveel, en hoe kies je ze?",
  },
  {
    id: "dataverzameling",
    heading: "Dataverzameling",
    headingEn: "Data collection",
    guidance: "Welke instrumenten gebruik je (observatie, interview, vragenlijst, toets) en wanneer?",
  },
  {
    id: "analyse",
    heading: "Analyse",
    headingEn: "Analysis",
    guidance: "Hoe analyseer je de gegevens? Hoe zorg je voor betrouwbaarheid en validiteit?",
  },
  {
    id: "ethiek",
    heading: "Ethiek en AVG",
    headingEn: "Ethics and GDPR",
    guidance: "Toestemming, dataminimalisatie, opslag en bewaartermijn. Je begeleider tekent de checklist af.",
  },
  {
    id: "planning",
    heading: "Planning",
    headingEn: "Planning",
    guidance: "Wanneer doe je wat? Neem momenten op voor feedback van je begeleider en de school.",
  },
  {
    id: "implementatie",
    heading: "Implementatie",
    headingEn: "Implementation",
    guidance: "Hoe komen de resultaten terug in de school? Wie doet wat met de aanbevelingen?",
  },
  {
    id: "bronnen",
    heading: "Bronnen",
    headingEn: "References",
    guidance: "Alle gebruikte bronnen volgens APA.",
  },
] as const;

export type PlanSectionId = (typeof PLAN_SECTIONS)[number]["id"];

export const PLAN_SECTION_IDS: readonly PlanSectionId[] = PLAN_SECTIONS.map((s) => s.id);

/** The Y.Doc key of a section's XmlFragment. */
export function sectionFragmentName(id: PlanSectionId): string {
  return `section:${id}`;
}

/**
 * A small map in the plan's Y.Doc that the server writes when something next
 * to the text changes (comments live in SQLite). Every live client observes it
 * and reloads what changed, so feedback appears without a page reload.
 */
export const PLAN_SIGNALS_MAP = "signals";
export const COMMENTS_SIGNAL = "comments";
export type CommentsSignal = { at: string; byId: string; byName: string; sectionId: string; intent: "create" | "reply" | "resolve" | "reopen" | "accept" };
/** Set in the same change as a version restore, so co-authors learn why their text changed. */
export const RESTORE_SIGNAL = "restored";
export type RestoreSignal = { at: string; byId: string; byName: string; versionName: string };

/**
 * The begeleider's sign-off of the Ethiek & AVG checklist (record 0018). A
 * map of its own: the checklist answers (`ethiek`) are the authors', the
 * sign-off is not.
 */
export const ETHICS_SIGNOFF_MAP = "ethiek:aftekening";

/**
 * Root types only the server writes (through applyPlanChange): decisions of
 * one role and the signals that name who did something. The collaboration
 * server refuses (4400) any client update that touches them.
 */
export const SERVER_ONLY_TYPES: readonly string[] = [PLAN_SIGNALS_MAP, ETHICS_SIGNOFF_MAP];
