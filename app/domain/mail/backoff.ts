/** Waits between send attempts: base, 2×base, 4×base … capped at six hours (pure). */
export const MAX_RETRY_DELAY_MS = 6 * 3600 * 1000;

export function retryDelayMs(attempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.min(Math.max(attempts - 1, 0), 30), MAX_RETRY_DELAY_MS);
}

/** The Amsterdam calendar day and hour of a moment, for the once-a-day digest. */
export function amsterdamDayAndHour(at: Date): { day: string; hour: number } {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", hourCycle: "h23" }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return { day: `${get("year")}-${get("month")}-${get("day")}`, hour: Number(get("hour")) };
}

/** Is a digest due: from `digestHour` on, once per Amsterdam day. */
export function digestDue(lastSentAt: string | null, now: Date, digestHour: number): boolean {
  const today = amsterdamDayAndHour(now);
  if (today.hour < digestHour) return false;
  return !lastSentAt || amsterdamDayAndHour(new Date(lastSentAt)).day !== today.day;
}
