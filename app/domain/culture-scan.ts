/**
 * Scan onderzoekscultuur (issue 7): the aspects, their development phases and
 * the aggregation shown to the team. Pure: no I/O, no names — the caller
 * passes anonymous phase numbers only.
 */

export const PHASES = [1, 2, 3, 4] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_NAMES: Record<Phase, string> = {
  1: "Oriënteren",
  2: "Ontwikkelen",
  3: "Verankeren",
  4: "Uitbouwen",
};

/** Below this many respondents only the agreed phase is shown (privacy). */
export const PRIVACY_THRESHOLD = 3;

export type Aspect = { id: string; name: string; phases: Record<Phase, string> };

export const ASPECTS: readonly Aspect[] = [
  {
    id: "gespreid-leiderschap",
    name: "Gespreid leiderschap",
    phases: {
      1: "Onderzoek en ontwikkeling liggen vooral bij de schoolleiding; leraren nemen zelden het initiatief.",
      2: "Enkele leraren trekken een ontwikkelproject; hun rol is nog afhankelijk van de persoon.",
      3: "Leraren hebben vaste rollen (bijvoorbeeld onderzoekscoördinator) met mandaat en tijd.",
      4: "Leiderschap wisselt per vraagstuk; wie de expertise heeft, neemt de leiding, ook bovenschools.",
    },
  },
  {
    id: "onderbouwde-besluiten",
    name: "Onderbouwde besluiten",
    phases: {
      1: "Besluiten over onderwijs worden vooral op gevoel of ervaring genomen.",
      2: "Bij grotere besluiten zoeken we soms gegevens of literatuur op.",
      3: "Bij elk groot besluit benoemen we vooraf welke gegevens en bronnen we gebruiken.",
      4: "We evalueren besluiten systematisch en stellen ze bij op basis van wat we leren.",
    },
  },
  {
    id: "reflectieve-dialoog",
    name: "Reflectieve dialoog",
    phases: {
      1: "Overleg gaat vooral over organisatie en regels, weinig over het leren van leerlingen.",
      2: "In sommige overleggen bespreken we lessen of leerlingwerk, nog niet structureel.",
      3: "Teams bespreken geregeld eigen praktijk aan de hand van voorbeelden en vragen.",
      4: "Kritische vragen aan elkaar zijn vanzelfsprekend; verschil van inzicht wordt benut.",
    },
  },
  {
    id: "literatuur-en-data",
    name: "Gebruik van literatuur en data",
    phases: {
      1: "Literatuur en data worden nauwelijks gebruikt bij het verbeteren van onderwijs.",
      2: "Enkele collega's lezen vakliteratuur of analyseren toetsgegevens op eigen initiatief.",
      3: "Teams gebruiken samen literatuur en schooldata om keuzes te maken.",
      4: "We combineren literatuur, data en ervaringskennis en delen wat we vinden.",
    },
  },
  {
    id: "onderzoeksgroepen",
    name: "Werkgroepen en onderzoeksgroepen",
    phases: {
      1: "Er zijn geen groepen die samen onderzoek doen.",
      2: "Er is een werkgroep die af en toe een vraag onderzoekt.",
      3: "Onderzoeksgroepen met leraren en studenten werken planmatig aan vragen van de agenda.",
      4: "Onderzoeksgroepen werken samen met andere scholen en de opleiding en zijn zichtbaar in de school.",
    },
  },
  {
    id: "open-leercultuur",
    name: "Open leercultuur",
    phases: {
      1: "Fouten en twijfels worden weinig gedeeld; de klas is vooral van de leraar zelf.",
      2: "Collega's kijken soms bij elkaar in de klas en vragen om feedback.",
      3: "Bij elkaar kijken, feedback geven en experimenteren horen bij het werk.",
      4: "Leren van elkaar is vanzelfsprekend, ook van leerlingen, ouders en studenten.",
    },
  },
  {
    id: "tijd-en-facilitering",
    name: "Tijd en facilitering",
    phases: {
      1: "Er is geen tijd of budget voor onderzoek; het gebeurt in eigen tijd.",
      2: "Voor losse projecten worden incidenteel uren vrijgemaakt.",
      3: "Onderzoekstijd is structureel opgenomen in de taakverdeling en jaarplanning.",
      4: "Tijd, ruimte en ondersteuning voor onderzoek zijn meerjarig geborgd in het schoolplan.",
    },
  },
  {
    id: "kennisdeling-buiten",
    name: "Kennisdeling buiten de school",
    phases: {
      1: "Wat we leren blijft binnen de school of het team.",
      2: "We delen af en toe iets met een andere school of de opleiding.",
      3: "We presenteren opbrengsten in het partnerschap en halen kennis van anderen op.",
      4: "We werken structureel samen in netwerken en expertgroepen in de regio.",
    },
  },
];

export const ASPECT_IDS: readonly string[] = ASPECTS.map((a) => a.id);

export function isAspectId(value: unknown): value is string {
  return typeof value === "string" && ASPECT_IDS.includes(value);
}

export function isPhase(value: unknown): value is Phase {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 4;
}

/** Parses a form value ("1".."4") into a phase, or null. */
export function parsePhase(value: unknown): Phase | null {
  if (typeof value !== "string" || !/^[1-4]$/.test(value.trim())) return null;
  return Number(value.trim()) as Phase;
}

export type AspectSummary = {
  aspectId: string;
  respondents: number;
  /** False below the privacy threshold: distribution, mean and spread are null then. */
  detailed: boolean;
  /** Count per phase 1–4 (index 0 = phase 1). */
  distribution: [number, number, number, number] | null;
  mean: number | null;
  min: Phase | null;
  max: Phase | null;
  /** Population standard deviation, rounded to two decimals. */
  stdDev: number | null;
  agreedPhase: Phase | null;
};

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Summarises one aspect's anonymous answers. With fewer than
 * PRIVACY_THRESHOLD respondents nothing but the count and the agreed phase
 * leaves this function, so a small team cannot read off each other's answers.
 */
export function summariseAspect(aspectId: string, phases: readonly number[], agreedPhase: number | null = null): AspectSummary {
  const valid = phases.filter(isPhase);
  const agreed = isPhase(agreedPhase) ? agreedPhase : null;
  const base = { aspectId, respondents: valid.length, agreedPhase: agreed };
  if (valid.length < PRIVACY_THRESHOLD) {
    return { ...base, detailed: false, distribution: null, mean: null, min: null, max: null, stdDev: null };
  }
  const distribution: [number, number, number, number] = [0, 0, 0, 0];
  for (const p of valid) distribution[p - 1]! += 1;
  const mean = valid.reduce((s, p) => s + p, 0) / valid.length;
  const variance = valid.reduce((s, p) => s + (p - mean) ** 2, 0) / valid.length;
  return {
    ...base,
    detailed: true,
    distribution,
    mean: round2(mean),
    min: Math.min(...valid) as Phase,
    max: Math.max(...valid) as Phase,
    stdDev: round2(Math.sqrt(variance)),
  };
}

export type ScanAnswer = { respondentKey: string; aspectId: string; phase: number };

/**
 * Summarises a whole scan. Respondents are counted per aspect; answers come in
 * with an opaque key (never a name) only so they can be counted.
 */
export function summariseScan(answers: readonly ScanAnswer[], agreed: Readonly<Record<string, number>> = {}): AspectSummary[] {
  return ASPECTS.map((aspect) => {
    const phases = answers.filter((a) => a.aspectId === aspect.id).map((a) => a.phase);
    return summariseAspect(aspect.id, phases, agreed[aspect.id] ?? null);
  });
}

/** How many distinct people answered at least one aspect. */
export function respondentCount(answers: readonly ScanAnswer[]): number {
  return new Set(answers.map((a) => a.respondentKey)).size;
}

export type TrendPoint = { schoolYear: string; value: number | null; source: "agreed" | "mean" | null };

/**
 * Per aspect, one value per schooljaar: the agreed phase when the team
 * recorded one, otherwise the mean (only when the privacy threshold allows).
 * Years are sorted oldest first.
 */
export function trendPerAspect(
  scans: readonly { schoolYear: string; summaries: readonly AspectSummary[] }[],
): Record<string, TrendPoint[]> {
  const sorted = [...scans].sort((a, b) => a.schoolYear.localeCompare(b.schoolYear));
  const trend: Record<string, TrendPoint[]> = {};
  for (const aspect of ASPECTS) {
    trend[aspect.id] = sorted.map((scan) => {
      const s = scan.summaries.find((x) => x.aspectId === aspect.id);
      if (s?.agreedPhase) return { schoolYear: scan.schoolYear, value: s.agreedPhase, source: "agreed" };
      if (s?.detailed && s.mean !== null) return { schoolYear: scan.schoolYear, value: s.mean, source: "mean" };
      return { schoolYear: scan.schoolYear, value: null, source: null };
    });
  }
  return trend;
}

/**
 * The average agreed phase per aspect across schools for one year (region
 * dashboard). Schools without an agreed phase for the aspect are left out.
 */
export function averageAgreedPhases(agreements: readonly { aspectId: string; agreedPhase: number }[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const aspect of ASPECTS) {
    const values = agreements.filter((a) => a.aspectId === aspect.id && isPhase(a.agreedPhase)).map((a) => a.agreedPhase);
    out[aspect.id] = values.length ? round2(values.reduce((s, v) => s + v, 0) / values.length) : null;
  }
  return out;
}

/** The team picks one to three priorities. */
export const MAX_PRIORITIES = 3;
