import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type * as Y from "yjs";
import {
  AGE_GROUPS,
  ETHICS_MAP,
  ETHICS_SIGNOFF_MAP,
  RETENTION_OPTIONS,
  ethicsComplete,
  ethicsFingerprint,
  readEthicsFromDoc,
  requiredConsent,
  type ConsentPolicy,
  type EthicsAnswers,
} from "../domain/plan-ethics";
import { formatWhen } from "./format";

type Props = {
  planId: string;
  initial: EthicsAnswers;
  /** The partnership's consent age; decides who signs. */
  policy: ConsentPolicy;
  /** The live doc once synced; null before (then the fields are read-only). */
  doc: Y.Doc | null;
  canEdit: boolean;
  canSignOff: boolean;
};

/**
 * The Ethiek & AVG checklist, stored live in the plan doc's `ethiek` map.
 * The sign-off is the server's (its own map, refused from clients); it lapses
 * by itself when an answer changes, because it holds the answers it signed.
 */
export function EthicsChecklist({ planId, initial, policy, doc, canEdit, canSignOff }: Props) {
  const { t, i18n } = useTranslation();
  const [answers, setAnswers] = useState<EthicsAnswers>(initial);
  const signOff = useFetcher<{ error?: string }>();

  useEffect(() => {
    if (!doc) return;
    const maps = [doc.getMap(ETHICS_MAP), doc.getMap(ETHICS_SIGNOFF_MAP)];
    const update = () => setAnswers(readEthicsFromDoc(doc));
    update();
    for (const map of maps) map.observe(update);
    return () => {
      for (const map of maps) map.unobserve(update);
    };
  }, [doc]);

  const editable = canEdit && !!doc;
  const set = (key: keyof EthicsAnswers, value: unknown) => {
    if (!doc) return;
    // A changed answer no longer matches the signed ones, so the sign-off lapses.
    doc.getMap(ETHICS_MAP).set(key, value);
  };
  // A sign-off that lapses (someone changed an answer) is said out loud, to
  // the student who changed it and to the begeleider who has to sign again.
  const wasSigned = useRef(!!initial.signedOff);
  const [lapsed, setLapsed] = useState(false);
  useEffect(() => {
    if (answers.signedOff) setLapsed(false);
    else if (wasSigned.current) setLapsed(true);
    wasSigned.current = !!answers.signedOff;
  }, [answers.signedOff]);
  const consent = requiredConsent(answers, policy);
  const complete = ethicsComplete(answers);
  const age = policy.parentalConsentUnderAge;
  const signed = answers.signedOff;
  return (
    <fieldset className="plan-ethics stack" aria-describedby="ethics-intro">
      <legend>{t("plan.ethics.heading")}</legend>
      <p id="ethics-intro" className="muted">
        {t("plan.ethics.intro")}
      </p>
      <fieldset className="plan-ethics__group">
        <legend>{t("plan.ethics.pupilsInvolved")}</legend>
        {(["ja", "nee"] as const).map((v) => (
          <label key={v} className="plan-ethics__choice">
            <input
              type="radio"
              name="ethics-pupils"
              value={v}
              checked={answers.pupilsInvolved === v}
              disabled={!editable}
              onChange={() => set("pupilsInvolved", v)}
            />
            {v === "ja" ? t("plan.ethics.yes") : t("plan.ethics.no")}
          </label>
        ))}
      </fieldset>
      {answers.pupilsInvolved === "ja" ? (
        <fieldset className="plan-ethics__group">
          <legend>{t("plan.ethics.ageGroups")}</legend>
          {AGE_GROUPS.map((g) => (
            <label key={g} className="plan-ethics__choice">
              <input
                type="checkbox"
                value={g}
                checked={answers.ageGroups?.includes(g) ?? false}
                disabled={!editable}
                onChange={(e) => {
                  const current = new Set(answers.ageGroups ?? []);
                  if (e.target.checked) current.add(g);
                  else current.delete(g);
                  set("ageGroups", AGE_GROUPS.filter((a) => current.has(a)));
                }}
              />
              {t(`plan.ethics.age.${g}`)}
            </label>
          ))}
        </fieldset>
      ) : null}
      <div className="plan-ethics__consent" aria-live="polite">
        <strong>{t("plan.ethics.consentHeading")}:</strong> {t(`plan.ethics.consent.${consent}`, { age })}
        <br />
        <span className="muted">{t("plan.ethics.policyNote", { age })}</span>
      </div>
      <div className="field">
        <label htmlFor="ethics-data">{t("plan.ethics.dataMinimisation")}</label>
        <textarea
          id="ethics-data"
          rows={3}
          maxLength={4000}
          value={answers.dataMinimisation ?? ""}
          readOnly={!editable}
          onChange={(e) => set("dataMinimisation", e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="ethics-storage">{t("plan.ethics.storage")}</label>
        <p className="field__help" id="ethics-storage-help">
          {t("plan.ethics.storageHint")}
        </p>
        <input
          id="ethics-storage"
          type="text"
          maxLength={1000}
          aria-describedby="ethics-storage-help"
          value={answers.storage ?? ""}
          readOnly={!editable}
          onChange={(e) => set("storage", e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="ethics-retention">{t("plan.ethics.retention")}</label>
        <select
          id="ethics-retention"
          value={answers.retention ?? ""}
          disabled={!editable}
          onChange={(e) => set("retention", e.target.value || undefined)}
        >
          <option value="">{t("plan.ethics.retentionChoose")}</option>
          {RETENTION_OPTIONS.map((r) => (
            <option key={r} value={r}>
              {t(`plan.ethics.retentionOption.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <p className={signed ? "plan-ethics__signed" : "muted"}>
        {signed ? t("plan.ethics.signedOff", { name: signed.name, date: formatWhen(signed.at, i18n.language) }) : t("plan.ethics.notSignedOff")}
      </p>
      {signed && editable ? <p className="hint-box">{t("plan.ethics.changeUndoesSignOff")}</p> : null}
      <p role="status" className={lapsed ? "plan-ethics__lapsed" : "visually-hidden"}>
        {lapsed ? t("plan.ethics.signOffLapsed") : ""}
      </p>
      {canSignOff && !signed && !complete ? (
        <p className="muted" id="ethics-incomplete">
          {t("plan.ethics.signOffWhenComplete")}
        </p>
      ) : null}
      <div className="button-row">
        {canSignOff && !signed ? (
          <signOff.Form method="post" action={`/plannen/${planId}/ethiek`}>
            {/* What the begeleider sees is what gets signed: the server refuses if it changed meanwhile. */}
            <input type="hidden" name="answers" value={ethicsFingerprint(answers)} />
            <button
              type="submit"
              className="button button--small"
              disabled={signOff.state !== "idle" || !complete}
              aria-describedby={complete ? undefined : "ethics-incomplete"}
            >
              {signOff.state !== "idle" ? t("plan.ethics.signingOff") : t("plan.ethics.signOff")}
            </button>
          </signOff.Form>
        ) : null}
        <a className="button button--secondary button--small" href={`/plannen/${planId}/toestemmingsformulier.docx`} download>
          {t("plan.ethics.consentFormDocx")}
        </a>
        <a className="button button--secondary button--small" href={`/plannen/${planId}/toestemmingsformulier.pdf`} download>
          {t("plan.ethics.consentFormPdf")}
        </a>
        <a className="button-link" href={`/plannen/${planId}/toestemmingsformulier.md`} download aria-label={t("plan.ethics.consentForm")}>
          {t("plan.ethics.consentFormMd")}
        </a>
      </div>
      {signOff.state === "idle" && signOff.data?.error ? (
        <p className="field__error" role="alert">
          {signOff.data.error}
        </p>
      ) : null}
    </fieldset>
  );
}
