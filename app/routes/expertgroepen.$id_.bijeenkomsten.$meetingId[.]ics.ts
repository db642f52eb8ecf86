import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarFile } from "../domain/ics";
import { findMeeting, getGroup } from "../models/expert-group.server";
import { authorize, refusal } from "../utils/guard.server";

/** A group meeting as an .ics file (RFC 5545): for everyone who may see the group. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { actor } = await authorize(request, "expertgroups:view");
  const view = getGroup(actor, params.id ?? "");
  const meeting = view ? findMeeting(view.group.id, params.meetingId ?? "") : undefined;
  if (!view || !meeting) return refusal(request, { notFound: true });
  const origin = (context as { origin?: string }).origin ?? new URL(request.url).origin;
  const body = calendarFile({
    uid: `${meeting.id}@samen-onderzoeken`,
    start: meeting.startsAt,
    title: `${meeting.title} — ${view.group.name}`,
    location: meeting.location,
    description: meeting.agenda,
    url: `${origin}/expertgroepen/${view.group.id}`,
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="bijeenkomst-${meeting.id.slice(0, 8)}.ics"`,
      "Cache-Control": "private, no-store",
    },
  });
}
