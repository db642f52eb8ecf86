import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { searchResults } from "../models/result.server";
import { toActor } from "../models/user.server";
import { requireApiUser } from "../utils/guard.server";

/**
 * Contract 6.5: `{ results: [{ id, title, visibility, school: {id, name}, themes: [string],
 * actions: {open, done} }] }`, only what the caller may see; `q` is full-text.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireApiUser(request, "dashboard:view");
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 500);
  const items = searchResults(toActor(user), { q, limit: 500 });
  return json(
    {
      results: items.map((r) => ({
        id: r.id,
        title: r.title,
        visibility: r.visibility,
        school: { id: r.schoolId, name: r.schoolName },
        themes: r.themeNames,
        actions: r.actions,
      })),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}
