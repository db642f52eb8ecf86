import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireApiUser } from "../utils/guard.server";

/** Contract 6.5: `{ id, email, name, roles }`; 401 without a session. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireApiUser(request, "dashboard:view");
  const roles = [...new Set(user.memberships.map((m) => m.role))];
  return json(
    { id: user.id, email: user.email, name: user.name, roles },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}
