import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { completePasswordReset, lookupPasswordReset, type ResetLookup } from "../models/password-reset.server";
import { resetPasswordSchema } from "../schemas/account";
import { fieldErrors, readForm } from "../utils/forms.server";
import { getT } from "../utils/i18n.server";
import { hashPassword } from "../utils/password.server";
import { clearSessionCookie } from "../utils/session.server";
import { redirectWithToast } from "../utils/toast.server";
import { NewPasswordFields } from "../components/ui/new-password-fields";

export const meta: MetaFunction = () => [{ title: "Nieuw wachtwoord — Samen Onderzoeken" }, { name: "referrer", content: "no-referrer" }];

type Invalid = Exclude<ResetLookup["status"], "valid">;
const MESSAGE: Record<Invalid, string> = { notFound: "account.reset.notFound", expired: "account.reset.expired", used: "account.reset.used" };
/** Unknown: 404; used or expired: 410 (gone). Both explain what to do. */
const statusOf = (status: Invalid) => (status === "notFound" ? 404 : 410);

// The token in the link is the credential here; no session is needed (or asked).
export function loader({ params }: LoaderFunctionArgs) {
  const lookup = lookupPasswordReset(params.token ?? "");
  if (lookup.status !== "valid") return data({ status: lookup.status, email: null }, { status: statusOf(lookup.status) });
  return { status: "valid" as const, email: lookup.email };
}

type ActionData = { errors?: Record<string, string>; formError?: string };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const t = await getT(request);
  const token = params.token ?? "";
  const lookup = lookupPasswordReset(token);
  if (lookup.status !== "valid") return data<ActionData>({ formError: t(MESSAGE[lookup.status]) }, { status: statusOf(lookup.status) });
  const form = await readForm(request);
  if (!form) return data<ActionData>({ formError: t("errors.badRequest") }, { status: 400 });
  const parsed = resetPasswordSchema.safeParse(form);
  if (!parsed.success) return data<ActionData>({ errors: fieldErrors(parsed.error, t) }, { status: 400 });
  const userId = completePasswordReset(token, await hashPassword(parsed.data.password), context.clientIp);
  // Used or expired between loading the form and sending it.
  if (!userId) return data<ActionData>({ formError: t("account.reset.used") }, { status: 410 });
  // Every session of the account has ended, this browser's too: sign in again with the new password.
  return redirectWithToast("/login", { kind: "success", message: t("account.reset.done") }, { headers: { "Set-Cookie": await clearSessionCookie(context.isSecure) } });
}

export default function ResetPasswordPage() {
  const lookup = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const pending = navigation.state === "submitting";
  if (lookup.status !== "valid") {
    return (
      <div className="narrow stack">
        <h1>{t("account.reset.invalidTitle")}</h1>
        <p>{t(MESSAGE[lookup.status])}</p>
        <p>
          <Link to="/wachtwoord-vergeten">{t("account.reset.again")}</Link>
        </p>
      </div>
    );
  }
  const errors = actionData?.errors ?? {};
  return (
    <div className="narrow stack">
      <h1>{t("account.reset.title")}</h1>
      <p>{t("account.reset.intro", { email: lookup.email })}</p>
      {actionData?.formError ? (
        <div className="alert alert--error" role="alert">
          {actionData.formError}{" "}
          <Link to="/wachtwoord-vergeten">{t("account.reset.again")}</Link>
        </div>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <input type="email" name="username" value={lookup.email} autoComplete="username" readOnly hidden />
        <NewPasswordFields label={t("account.reset.password")} help={t("account.reset.passwordHelp")} confirmLabel={t("account.reset.confirm")} errors={errors} />
        <div>
          <button type="submit" className="button" disabled={pending} aria-busy={pending}>
            {pending ? t("account.reset.pending") : t("account.reset.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}
