import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormField } from "../components/ui/form-field";
import { acceptInvitation, lookupInvitation, type InvitationLookup } from "../models/invitation.server";
import { acceptExistingAccountSchema, acceptNewAccountSchema } from "../schemas/invitation";
import { findUserById } from "../models/user.server";
import { fieldErrors, readForm } from "../utils/forms.server";
import { getT } from "../utils/i18n.server";
import { hashPassword } from "../utils/password.server";
import { checkPasswordGuess, throttleMessage } from "../utils/password-guard.server";
import { createSession, destroySession, readSessionToken, serializeSessionCookie } from "../utils/session.server";
import { toastHeader } from "../utils/toast.server";
import { NewPasswordFields } from "../components/ui/new-password-fields";

export const meta: MetaFunction = () => [{ title: "Uitnodiging — Samen Onderzoeken" }];

/** Gone (410) for used/expired/revoked links, 404 for unknown ones: both explain what to do. */
function statusFor(lookup: InvitationLookup): number {
  if (lookup.status === "valid") return 200;
  return lookup.status === "notFound" ? 404 : 410;
}

// A throttled guess tells the client when to come back (the action's Retry-After).
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

// The invitation token is the credential here; no session is needed (or asked).
export async function loader({ params }: LoaderFunctionArgs) {
  const lookup = lookupInvitation(params.token ?? "");
  if (lookup.status !== "valid") return data({ lookup: { status: lookup.status } as const }, { status: statusFor(lookup) });
  const inv = lookup.invitation;
  return {
    lookup: {
      status: "valid" as const,
      email: inv.email,
      name: inv.name,
      role: inv.role,
      organisationName: inv.organisationName,
      inviterName: inv.inviterName,
      existingAccount: inv.existingUserId !== null,
    },
  };
}

type ActionData = { errors?: Record<string, string>; formError?: string; name?: string };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const t = await getT(request);
  const lookup = lookupInvitation(params.token ?? "");
  if (lookup.status !== "valid") {
    const key = { notFound: "accept.notFound", expired: "accept.expired", used: "accept.used", revoked: "accept.revokedMsg" }[
      lookup.status
    ];
    return data<ActionData>({ formError: t(key) }, { status: statusFor(lookup) });
  }
  const invitation = lookup.invitation;
  const form = await readForm(request);
  if (!form) return data<ActionData>({ formError: t("errors.badRequest") }, { status: 400 });

  let userId: string | null;
  let welcome: string;
  if (invitation.existingUserId) {
    const parsed = acceptExistingAccountSchema.safeParse(form);
    if (!parsed.success) return data<ActionData>({ errors: fieldErrors(parsed.error, t) }, { status: 400 });
    const existing = findUserById(invitation.existingUserId);
    // The same throttle as the login form: an invitation link must not be a free guessing channel.
    const guess = await checkPasswordGuess({
      form: "invitation",
      email: invitation.email,
      ip: context.clientIp,
      passwordHash: existing && !existing.disabledAt ? existing.passwordHash : null,
      password: parsed.data.currentPassword,
      userId: existing?.id,
    });
    if (!guess.ok && guess.reason === "throttled") {
      const message = throttleMessage(guess);
      return data<ActionData>({ formError: t(message.key, message.values) }, { status: 429, headers: message.headers });
    }
    if (!guess.ok || !existing) {
      return data<ActionData>({ errors: { currentPassword: t("accept.errors.passwordWrong") } }, { status: 401 });
    }
    userId = acceptInvitation(invitation, { existingUserId: existing.id }, context.clientIp);
    welcome = t("accept.doneExisting");
  } else {
    const parsed = acceptNewAccountSchema.safeParse(form);
    if (!parsed.success) {
      return data<ActionData>({ errors: fieldErrors(parsed.error, t), name: (form.name ?? "").slice(0, 200) }, { status: 400 });
    }
    const passwordHash = await hashPassword(parsed.data.password);
    userId = acceptInvitation(invitation, { name: parsed.data.name, passwordHash }, context.clientIp);
    welcome = t("accept.done");
  }
  // Someone else accepted, or it expired, between loading the form and sending it.
  if (!userId) return data<ActionData>({ formError: t("accept.used") }, { status: 410 });

  const previous = await readSessionToken(request);
  if (previous) destroySession(previous);
  const token = createSession(userId, request.headers.get("user-agent"));
  const headers = new Headers();
  headers.append("Set-Cookie", await serializeSessionCookie(token, context.isSecure));
  headers.append("Set-Cookie", await toastHeader({ kind: "success", message: welcome }));
  return redirect("/", { headers });
}

export default function AcceptInvitationPage() {
  const { lookup } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const pending = navigation.state === "submitting";
  const errors = actionData?.errors ?? {};

  if (lookup.status !== "valid") {
    const key = { notFound: "accept.notFound", expired: "accept.expired", used: "accept.used", revoked: "accept.revokedMsg" }[
      lookup.status
    ];
    return (
      <div className="narrow stack">
        <h1>{t("accept.invalidTitle")}</h1>
        <p>{t(key)}</p>
        <p>
          <Link to="/login">{t("accept.toLogin")}</Link>
        </p>
      </div>
    );
  }

  const role = t(`roles.${lookup.role}`);
  return (
    <div className="narrow stack">
      <h1>{t("accept.title")}</h1>
      <p>
        {lookup.inviterName
          ? t("accept.intro", { inviter: lookup.inviterName, role, organisation: lookup.organisationName })
          : t("accept.introNoInviter", { role, organisation: lookup.organisationName })}
      </p>
      {actionData?.formError ? (
        <div className="alert alert--error" role="alert">
          {actionData.formError}
        </div>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <FormField label={t("accept.email")} name="email-display" value={lookup.email} readOnly autoComplete="username" />
        {lookup.existingAccount ? (
          <>
            <p>{t("accept.existingAccount")}</p>
            <FormField
              label={t("accept.currentPassword")}
              name="currentPassword"
              type="password"
              autoComplete="current-password"
              required
              error={errors.currentPassword}
            />
          </>
        ) : (
          <>
            <FormField
              label={t("accept.name")}
              name="name"
              required
              maxLength={200}
              autoComplete="name"
              defaultValue={actionData?.name ?? lookup.name}
              error={errors.name}
            />
            <NewPasswordFields label={t("accept.password")} help={t("accept.passwordHelp")} confirmLabel={t("accept.passwordConfirm")} errors={errors} />
          </>
        )}
        <div>
          <button type="submit" className="button" disabled={pending} aria-busy={pending}>
            {pending ? t("accept.pending") : lookup.existingAccount ? t("accept.submitExisting") : t("accept.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}
