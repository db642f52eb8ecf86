/**
 * A gentle nudge when a question is phrased as a control question ("waar gaat
 * het fout?") instead of an improvement question ("hoe kunnen we …?"): the
 * reports behind this product show such questions get few researchers and
 * put teams on the defensive. Advice only; it never blocks saving.
 */
const CONTROL_PATTERNS: RegExp[] = [
  /\bwaar\s+gaat\s+(het|dit|er)\b.*\b(fout|mis)\b/i,
  /\bwat\s+gaat\s+er\s+(fout|mis)\b/i,
  /\bwie\s+(is|zijn|heeft|hebben)\b.*\b(schuld|verantwoordelijk)\b/i,
  /\bschuld\b/i,
  /\bwaarom\s+(werkt|lukt|doen|presteren|halen|scoren)\b.*\bniet\b/i,
  /\bklopt\s+het\s+dat\b/i,
];

export function looksLikeControlQuestion(title: string): boolean {
  return CONTROL_PATTERNS.some((pattern) => pattern.test(title));
}
