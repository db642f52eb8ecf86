/**
 * Dates the way a Dutch school reads them: every calendar date and every
 * clock time is Europe/Amsterdam, whatever the server's or browser's time zone.
 * Instants are stored as ISO-8601 UTC (db/schema.ts); a date-only input such
 * as a deadline "15 januari" means the END of that day in Amsterdam
 * (23:59:59.999, winter or summer time), and is shown again as that date.
 * Pure: no I/O, no dependence on the process's TZ.
 */

export const TIME_ZONE = "Europe/Amsterdam";

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

const partsFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** The wall-clock fields in Amsterdam at an instant. */
function amsterdamParts(instant: number) {
  const parts = Object.fromEntries(partsFormat.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Milliseconds Amsterdam is ahead of UTC at an instant (3 600 000 in winter, 7 200 000 in summer). */
export function amsterdamOffset(instant: number): number {
  const p = amsterdamParts(instant);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

/** Whether `value` is a real calendar date written as YYYY-MM-DD (no 2027-02-30). */
export function isDateOnly(value: string): boolean {
  const m = DATE_ONLY.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

/** The instant a wall-clock time in Amsterdam happens (for times that exist; DST gaps move forward). */
function fromAmsterdamWallClock(year: number, month: number, day: number, h: number, mi: number, s: number, ms: number): Date {
  const wall = Date.UTC(year, month - 1, day, h, mi, s, ms);
  let instant = wall - amsterdamOffset(wall);
  // Once more with the offset at the found instant: right on both sides of a DST switch.
  instant = wall - amsterdamOffset(instant);
  return new Date(instant);
}

/**
 * The end of a calendar day in Amsterdam as an ISO instant: "2027-01-15" →
 * "2027-01-15T22:59:59.999Z" (winter), "2027-06-15" → "2027-06-15T21:59:59.999Z"
 * (summer). Null for anything that is not a real YYYY-MM-DD date.
 */
export function endOfDayInAmsterdam(date: string): string | null {
  if (!isDateOnly(date)) return null;
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return fromAmsterdamWallClock(y, m, d, 23, 59, 59, 999).toISOString();
}

/** The start of a calendar day in Amsterdam as an ISO instant (for "from" dates). */
export function startOfDayInAmsterdam(date: string): string | null {
  if (!isDateOnly(date)) return null;
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return fromAmsterdamWallClock(y, m, d, 0, 0, 0, 0).toISOString();
}

/** The Amsterdam calendar date (YYYY-MM-DD) of an instant, e.g. for a date input's value. */
export function amsterdamDate(iso: string | Date): string {
  const p = amsterdamParts(new Date(iso).getTime());
  return `${String(p.year).padStart(4, "0")}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

const intlLocale = (locale: string) => (locale === "en" ? "en-GB" : "nl-NL");

/** "15 januari 2027": the Amsterdam date of an instant (a deadline shows the day it ends). */
export function formatDate(iso: string | Date, locale: string, style: "long" | "medium" = "long"): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: style, timeZone: TIME_ZONE }).format(date);
}

/** "15 jan 2027, 14:30": date and time in Amsterdam, the same on server and browser. */
export function formatDateTime(iso: string | Date, locale: string, style: "long" | "medium" = "medium"): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: style, timeStyle: "short", timeZone: TIME_ZONE }).format(date);
}

/** A reusable formatter for Amsterdam calendar dates ("15 januari 2027"), for lists. */
export function dateFormat(locale: string, style: "long" | "medium" = "long"): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: style, timeZone: TIME_ZONE });
}

/** A wall-clock date and time in Amsterdam ("2027-03-02", "16:00") as an ISO instant; null when either is not real. */
export function amsterdamDateTime(date: string, time: string): string | null {
  const t = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!isDateOnly(date) || !t) return null;
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return fromAmsterdamWallClock(y, m, d, Number(t[1]), Number(t[2]), 0, 0).toISOString();
}
