/**
 * How well an open question fits a student, with the reasons shown to the
 * student (theme, sector, period, distance). Pure; the page sorts by score.
 */
export const AVAILABILITY_OPTIONS = ["najaar", "voorjaar", "heel-jaar"] as const;
export type Availability = (typeof AVAILABILITY_OPTIONS)[number];

/** Calendar months (1–12) a student is available in. */
const AVAILABLE_MONTHS: Record<Availability, number[]> = {
  najaar: [9, 10, 11, 12, 1],
  voorjaar: [2, 3, 4, 5, 6],
  "heel-jaar": [1, 2, 3, 4, 5, 6, 9, 10, 11, 12],
};

export type FitInput = {
  student: { themeIds: string[]; sectors: string[]; homeCity: string; availability?: string };
  /** `period`: the lab's period (ISO dates) when the question belongs to a lab. */
  question: { themeId: string | null; sector: string; city: string; period?: { start: string; end: string } | null };
};

export type FitReason = "theme" | "sector" | "period" | "nearby";

/** The months (1–12) between two ISO dates, inclusive. */
export function monthsBetween(start: string, end: string): number[] {
  const months: number[] = [];
  const from = new Date(start);
  const to = new Date(end);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || to < from) return months;
  const cursor = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
  while (cursor <= to && months.length < 24) {
    months.push(cursor.getUTCMonth() + 1);
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return months;
}

export function questionFit({ student, question }: FitInput): { score: number; reasons: FitReason[] } {
  const reasons: FitReason[] = [];
  let score = 0;
  if (question.themeId && student.themeIds.includes(question.themeId)) {
    reasons.push("theme");
    score += 3;
  }
  if (student.sectors.includes(question.sector)) {
    reasons.push("sector");
    score += 2;
  }
  const available = AVAILABLE_MONTHS[student.availability as Availability];
  if (available && question.period && monthsBetween(question.period.start, question.period.end).some((m) => available.includes(m))) {
    reasons.push("period");
    score += 1;
  }
  if (student.homeCity && student.homeCity === question.city) {
    reasons.push("nearby");
    score += 1;
  }
  return { score, reasons };
}
