import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CONSENT_AGE_MAX, CONSENT_AGE_MIN } from "../../domain/plan-ethics";
import type { PartnershipNode } from "../../models/organisation.server";
import { useOrganisationsReply } from "./reply";

const AGES = Array.from({ length: CONSENT_AGE_MAX - CONSENT_AGE_MIN + 1 }, (_, i) => CONSENT_AGE_MIN + i);

/** The partnership's consent age: a small form for who may change it, a sentence for others. */
export function ConsentAgeSetting({ partnership }: { partnership: PartnershipNode }) {
  const { t } = useTranslation();
  const actionData = useOrganisationsReply();
  const navigation = useNavigation();
  const age = partnership.parentalConsentUnderAge;
  if (!partnership.canEditSettings) return <p className="muted">{t("organisations.consentAge.current", { age })}</p>;
  const saving = navigation.state !== "idle" && navigation.formData?.get("intent") === "consent-age" && navigation.formData?.get("partnershipId") === partnership.id;
  const error = actionData && "partnershipId" in actionData && actionData.partnershipId === partnership.id ? actionData.error : null;
  const fieldId = `consent-age-${partnership.id}`;
  return (
    <Form method="post" className="stack consent-age">
      <h4 id={`${fieldId}-heading`}>{t("organisations.consentAge.heading")}</h4>
      <input type="hidden" name="intent" value="consent-age" />
      <input type="hidden" name="partnershipId" value={partnership.id} />
      <p className="field__help" id={`${fieldId}-help`}>
        {t("organisations.consentAge.help")}
      </p>
      <div className="button-row">
        <label htmlFor={fieldId}>{t("organisations.consentAge.label")}</label>
        <select
          id={fieldId}
          name="parentalConsentUnderAge"
          defaultValue={age}
          aria-describedby={`${fieldId}-help${error ? ` ${fieldId}-error` : ""}`}
          aria-invalid={error ? true : undefined}
        >
          {AGES.map((a) => (
            <option key={a} value={a}>
              {t("organisations.consentAge.option", { age: a })}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--small" disabled={saving}>
          {saving ? t("organisations.consentAge.saving") : t("organisations.consentAge.save")}
        </button>
      </div>
      {error ? (
        <p className="field__error" id={`${fieldId}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </Form>
  );
}
