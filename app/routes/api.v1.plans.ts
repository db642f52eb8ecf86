import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { listPlansFor } from "../models/plan.server";
import { toActor } from "../models/user.server";
import { requireApiUser } from "../utils/guard.server";

/** Contract 6.5: every plan the caller may open, with the room for /collab/<room>. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireApiUser(request, "dashboard:view");
  const plans = listPlansFor(toActor(user)).map(({ plan, access }) => ({
    id: plan.id,
    title: plan.title,
    room: plan.room,
    access,
  }));
  return json({ plans }, { headers: { "Cache-Control": "private, no-store" } });
}
