import { amsterdamDateTime } from "./dates";

/**
 * A group meeting as typed in the form (issue 19): a title, an Amsterdam date
 * and time, a place or a link, and an agenda. Errors are locale keys under
 * `install.groups.errors`, per field.
 */
export type MeetingInput = { title: string; startsAt: string; location: string; agenda: string };

export function checkMeetingInput(raw: Record<string, string | undefined>, now = new Date()): { ok: true; value: MeetingInput } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const title = (raw.title ?? "").trim();
  const location = (raw.location ?? "").trim();
  const agenda = (raw.agenda ?? "").trim();
  if (title.length < 2) errors.title = "install.groups.errors.titleRequired";
  else if (title.length > 200) errors.title = "install.groups.errors.tooLong";
  const startsAt = amsterdamDateTime((raw.date ?? "").trim(), (raw.time ?? "").trim());
  if (!startsAt) errors.date = "install.groups.errors.dateInvalid";
  else if (startsAt <= now.toISOString()) errors.date = "install.groups.errors.dateInPast";
  if (location.length < 2) errors.location = "install.groups.errors.locationRequired";
  else if (location.length > 500) errors.location = "install.groups.errors.tooLong";
  if (agenda.length > 5000) errors.agenda = "install.groups.errors.tooLong";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { title, startsAt: startsAt!, location, agenda } };
}
