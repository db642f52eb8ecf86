/** Caret colours, each with at least 4.5:1 contrast for white label text. */
const PALETTE = ["#1d4ed8", "#b42318", "#0b5c4a", "#7c3aed", "#9a3412", "#0f766e", "#be185d", "#4d7c0f"];

function hashOf(userId: string): number {
  let hash = 0;
  for (const ch of userId) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return hash;
}

/**
 * The colour of a user on one plan. A hash alone gave the two demo students
 * the same blue, so co-authors could not be told apart by their carets: the
 * project's members (students and begeleiders) get distinct colours, in a
 * fixed order, and the same ones on every visit while the team stays the same.
 * Anyone else (a schoolleider reading along) gets a colour no member has, if
 * one is left.
 */
export function colorOnPlan(userId: string, memberIds: readonly string[]): string {
  const members = [...new Set(memberIds)].sort();
  const index = members.indexOf(userId);
  if (index >= 0) return PALETTE[index % PALETTE.length]!;
  const free = PALETTE.slice(Math.min(members.length, PALETTE.length));
  const choices = free.length > 0 ? free : PALETTE;
  return choices[hashOf(userId) % choices.length]!;
}
