import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireApiUser, requireUser } from "../utils/auth.server";

/**
 * Unknown URLs: signed-out visitors go to the login page first (so we do not
 * reveal which pages exist); signed-in users get the Dutch 404 page. Under
 * /api/ the answers are JSON: 401 without a session, else 404.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  if (new URL(request.url).pathname.startsWith("/api/")) {
    await requireApiUser(request);
    throw json({ error: "Dit adres bestaat niet in de API." }, { status: 404 });
  }
  await requireUser(request);
  throw new Response("Niet gevonden", { status: 404 });
}

export default function NotFound() {
  return null;
}
