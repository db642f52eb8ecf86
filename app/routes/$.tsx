import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "../utils/guard.server";

/**
 * Unknown URLs: signed-out visitors go to the login page first (so we do not
 * reveal which pages exist); signed-in users get the Dutch 404 page.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  throw new Response("Niet gevonden", { status: 404 });
}

export default function NotFound() {
  return null;
}
