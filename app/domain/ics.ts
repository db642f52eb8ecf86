/**
 * A single-event iCalendar file (RFC 5545), written by hand: the `ics` package
 * is not installed and one VEVENT is little text. Text values are escaped
 * (§3.3.11), lines end in CRLF and are folded at 75 octets (§3.1) without
 * splitting a UTF-8 character.
 */

export type CalendarEvent = {
  uid: string;
  /** ISO instant. */
  start: string;
  /** ISO instant; defaults to two hours after the start. */
  end?: string;
  title: string;
  location?: string;
  description?: string;
  url?: string;
  /** ISO instant of creation (DTSTAMP); defaults to now. */
  stamp?: string;
};

export function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

/** 20270115T140000Z: the UTC form, so no time-zone block is needed. */
export function icsDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`Ongeldige datum: ${iso}`);
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/** Folds one content line into chunks of at most 75 octets, continuation lines starting with a space. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

export function calendarFile(event: CalendarEvent): string {
  const end = event.end ?? new Date(new Date(event.start).getTime() + 2 * 3600 * 1000).toISOString();
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Samen Onderzoeken//Expertgroepen//NL",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${icsDateTime(event.stamp ?? new Date().toISOString())}`,
    `DTSTART:${icsDateTime(event.start)}`,
    `DTEND:${icsDateTime(end)}`,
    `SUMMARY:${escapeText(event.title)}`,
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    ...(event.url ? [`URL:${event.url.replace(/[\r\n]/g, "")}`] : []),
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
