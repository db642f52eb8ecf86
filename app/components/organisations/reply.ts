import { useActionData, useNavigation } from "@remix-run/react";

/** Which tree form answered: its intent, the field errors, what was typed (so nothing is lost). */
export type FormReply = { form: string; errors: Record<string, string>; values: Record<string, string>; refused?: string };
/** The consent-age form's answer, per partnership. */
export type ConsentAgeReply = { partnershipId: string; error: string };
export type OrganisationsReply = FormReply | ConsentAgeReply;

/** The page's last answer, whichever form it belonged to. */
export function useOrganisationsReply(): OrganisationsReply | undefined {
  return useActionData() as OrganisationsReply | undefined;
}

/** The reply for the form with this intent (and organisation key), if the last submission was that form. */
export function useReply(intent: string, key?: string) {
  const actionData = useOrganisationsReply();
  const navigation = useNavigation();
  const own = actionData && "form" in actionData && actionData.form === intent && (!key || actionData.values.organisation === key) ? actionData : null;
  const pending =
    navigation.state !== "idle" && navigation.formData?.get("intent") === intent && (!key || navigation.formData?.get("organisation") === key);
  return { errors: own?.errors ?? {}, values: own?.values ?? {}, pending };
}
