import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { recordAudit } from "../models/audit.server";
import { getCurrentUser } from "../utils/auth.server";
import { getT } from "../utils/i18n.server";
import { clearSessionCookie, destroySession, readSessionToken } from "../utils/session.server";
import { toastHeader } from "../utils/toast.server";

// Logging out is a POST (a GET could be triggered by any image tag elsewhere).
export async function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const t = await getT(request);
  const user = await getCurrentUser(request);
  const token = await readSessionToken(request);
  if (token) destroySession(token);
  if (user) recordAudit({ event: "logout", actorUserId: user.id, subjectUserId: user.id, ip: context.clientIp });
  const headers = new Headers();
  headers.append("Set-Cookie", await clearSessionCookie(context.isSecure));
  headers.append("Set-Cookie", await toastHeader({ kind: "info", message: t("login.loggedOut") }));
  // Plans kept in this browser for offline writing must not outlive the session
  // on a shared computer (the logout form also clears them before it posts).
  headers.append("Clear-Site-Data", '"storage"');
  return redirect("/login", { headers });
}
