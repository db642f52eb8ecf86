import { useActionData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";

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

/**
 * Grows by one each time a submission of this form ended without errors. A form keyed on it
 * remounts closed and empty after success: the year walk saw each form stay open with the last
 * values filled in, inviting a duplicate. (Without JavaScript the redirect reloads the page anyway.)
 */
export function useSuccessKey(intent: string, key?: string): number {
  const { errors, pending } = useReply(intent, key);
  const navigation = useNavigation();
  const errorCount = Object.keys(errors).length;
  const [count, setCount] = useState(0);
  const submitted = useRef(false);
  useEffect(() => {
    if (pending) submitted.current = true;
    else if (submitted.current && navigation.state === "idle") {
      submitted.current = false;
      if (errorCount === 0) setCount((c) => c + 1);
    }
  }, [pending, navigation.state, errorCount]);
  return count;
}
