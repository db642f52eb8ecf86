/** Caret colours, each with at least 4.5:1 contrast for white label text. */
const PALETTE = ["#1d4ed8", "#b42318", "#0b5c4a", "#7c3aed", "#9a3412", "#0f766e", "#be185d", "#4d7c0f"];

/** A stable colour per user, so a co-author keeps their colour across visits. */
export function colorFor(userId: string): string {
  let hash = 0;
  for (const ch of userId) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}
