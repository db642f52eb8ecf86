import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormField } from "../components/ui/form-field";
import { requestPasswordReset } from "../models/password-reset.server";
import { forgotPasswordSchema } from "../schemas/account";
import { fieldErrors, readForm } from "../utils/forms.server";
import { getT } from "../utils/i18n.server";

export const meta: MetaFunction = () => [{ title: "Wachtwoord vergeten — Samen Onderzoeken" }];

// Open to anyone (no account is needed to ask): the answer never says whether the account exists.
export function loader(_args: LoaderFunctionArgs) {
  return null;
}

type ActionData = { sent?: true; errors?: Record<string, string>; formError?: string; email?: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const t = await getT(request);
  const form = await readForm(request);
  if (!form) return data<ActionData>({ formError: t("errors.badRequest") }, { status: 400 });
  const parsed = forgotPasswordSchema.safeParse(form);
  if (!parsed.success) return data<ActionData>({ errors: fieldErrors(parsed.error, t), email: (form.email ?? "").slice(0, 320) }, { status: 400 });
  const outcome = requestPasswordReset({ email: parsed.data.email, ip: context.clientIp, origin: context.origin });
  if (outcome === "throttledIp") {
    return data<ActionData>({ formError: t("account.forgot.throttled"), email: parsed.data.email }, { status: 429, headers: { "Retry-After": "900" } });
  }
  return data<ActionData>({ sent: true });
}

export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const pending = navigation.state === "submitting";
  if (actionData?.sent) {
    return (
      <div className="narrow stack">
        <h1>{t("account.forgot.sentTitle")}</h1>
        <p role="status">{t("account.forgot.sent")}</p>
        <p>
          <Link to="/login">{t("account.forgot.toLogin")}</Link>
        </p>
      </div>
    );
  }
  const errors = actionData?.errors ?? {};
  return (
    <div className="narrow stack">
      <h1>{t("account.forgot.title")}</h1>
      <p>{t("account.forgot.intro")}</p>
      {actionData?.formError ? (
        <div className="alert alert--error" role="alert">
          {actionData.formError}
        </div>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <FormField
          label={t("account.forgot.email")}
          name="email"
          type="email"
          autoComplete="username"
          required
          maxLength={320}
          defaultValue={actionData?.email ?? ""}
          error={errors.email}
        />
        <div>
          <button type="submit" className="button" disabled={pending} aria-busy={pending}>
            {pending ? t("account.forgot.pending") : t("account.forgot.submit")}
          </button>
        </div>
      </Form>
      <p>
        <Link to="/login">{t("account.forgot.toLogin")}</Link>
      </p>
    </div>
  );
}
