import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { can } from "../domain/permissions";
import { announceCommentsChanged, applyCommentInput, commentSchema } from "../models/plan-comment.server";
import { requirePlan } from "../utils/plan-guard.server";
import { getLocale, tFor } from "../utils/i18n.server";
import { redirectWithToast, toastHeader } from "../utils/toast.server";

/** Comments live on the plan page; this address only takes the forms. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { plan } = await requirePlan(request, params.id);
  return redirect(`/plannen/${plan.id}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Begeleiders comment; students (edit) answer; readers may not (permission module).
  const { user, actor, plan, scope } = await requirePlan(request, params.id, { needs: "comment" });
  const t = tFor(await getLocale(request));
  const form = Object.fromEntries(await request.formData());
  const parsed = commentSchema.safeParse(form);
  if (!parsed.success) {
    const key = parsed.error.issues[0]?.message ?? "";
    return json({ error: key.startsWith("plan.") ? t(key) : t("plan.comments.invalid") }, { status: 400 });
  }
  // Taking a suggestion over changes the text: only an author may (their editor made the change).
  if (parsed.data.intent === "accept" && !can(actor, "plan:edit", scope)) {
    return json({ error: t("plan.comments.onlyAuthorsAccept") }, { status: 403 });
  }
  const done = applyCommentInput(plan.id, user.id, parsed.data);
  if (!done) return json({ error: t("plan.comments.unknownThread") }, { status: 404 });
  if (done === "noSuggestion") return json({ error: t("plan.comments.noSuggestion") }, { status: 409 });
  announceCommentsChanged(plan.id, { byId: user.id, byName: user.name, sectionId: done.sectionId, intent: parsed.data.intent });
  const toast = { kind: "success" as const, message: t(`plan.comments.done.${parsed.data.intent}`) };
  // A form run by the page's script stays where it is: no redirect, so the page
  // does not jump to the section and the form's focus is kept. The toast comes
  // with the revalidated page data. Without JavaScript: back to the section.
  if (form.via === "script") return json({ ok: true }, { headers: { "Set-Cookie": await toastHeader(toast) } });
  return redirectWithToast(`/plannen/${plan.id}#${done.sectionId}`, toast);
}
