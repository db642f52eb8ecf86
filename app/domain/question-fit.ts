/**
 * How well an open question fits a student, with the reasons shown to the
 * student (theme, sector, period, distance). Pure; the page sorts by score.
 */
export type FitInput = {
  student: { themeIds: string[]; sectors: string[]; homeCity: string };
  question: { themeId: string | null; sector: string; city: string; labThemeIds?: string[] };
};

export type FitReason = "theme" | "sector" | "nearby";

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
  if (student.homeCity && student.homeCity === question.city) {
    reasons.push("nearby");
    score += 1;
  }
  return { score, reasons };
}
