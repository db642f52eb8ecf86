import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { openNotification } from "../models/notification.server";
import { safeRedirect } from "../utils/auth.server";
import { refusal, requirePermission } from "../utils/guard.server";

/**
 * Opening a notification: marks it read and goes where it points. Only the
 * owner's own notifications; any other id is a 404, like one that never existed.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "dashboard:view");
  const id = Number(params.id);
  const link = Number.isSafeInteger(id) && id > 0 ? openNotification(user.id, id) : undefined;
  if (link === undefined) return refusal(request, { notFound: true, message: "questions.notifications.notFound" });
  return redirect(safeRedirect(link, "/meldingen"));
}
