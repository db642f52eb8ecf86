import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireApiUser } from "../utils/guard.server";

/**
 * Unknown API paths answer in JSON like the rest of the API: 401 without a
 * session (so the API's shape is not revealed to strangers), else 404.
 */
async function notFound(request: Request) {
  await requireApiUser(request);
  return json({ error: "Dit adres bestaat niet in de API." }, { status: 404 });
}

export const loader = ({ request }: LoaderFunctionArgs) => notFound(request);
export const action = ({ request }: ActionFunctionArgs) => notFound(request);
