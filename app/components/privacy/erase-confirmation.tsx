import { useId } from "react";
import { useTranslation } from "react-i18next";
import { ERASURE_EFFECT_KEYS } from "./keys";

/**
 * The erase confirmation: what happens, a required tick ("this is the right
 * person") and the final button. Inside a plain form, so it works before JS.
 */
export function EraseConfirmation({ error, pending }: { error?: string; pending: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <>
      <p>{t("privacy.person.eraseIntro")}</p>
      <ul>
        {ERASURE_EFFECT_KEYS.map((key) => (
          <li key={key}>{t(`privacy.person.effects.${key}`)}</li>
        ))}
      </ul>
      <div className={`field${error ? " field--invalid" : ""}`}>
        <label className="confirm-check" htmlFor={`${id}-confirm`}>
          <input
            type="checkbox"
            id={`${id}-confirm`}
            name="confirm"
            value="ja"
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
          />
          <span>{t("privacy.person.confirm")}</span>
        </label>
        {error ? (
          <p className="field__error" id={errorId} role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <div className="button-row">
        <button type="submit" className="button button--danger" disabled={pending} aria-busy={pending}>
          {pending ? t("privacy.person.erasing") : t("privacy.person.erase")}
        </button>
      </div>
    </>
  );
}
