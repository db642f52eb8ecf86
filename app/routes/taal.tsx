import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect, redirectDocument } from "@remix-run/node";
import { DEFAULT_LOCALE, isLocale } from "../i18n";
import { safeRedirect } from "../utils/auth.server";
import { readForm } from "../utils/forms.server";
import { localeCookie } from "../utils/i18n.server";

export async function loader() {
  return redirect("/");
}

/**
 * The language switch: remembers the choice in a cookie and goes back. Open to
 * everyone. A document redirect: the browser holds only the page's own
 * language, so the new one arrives with a fresh page.
 */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const locale = isLocale(form?.lng) ? form.lng : DEFAULT_LOCALE;
  return redirectDocument(safeRedirect(form?.redirectTo), {
    headers: { "Set-Cookie": await localeCookie.serialize(locale) },
  });
}
