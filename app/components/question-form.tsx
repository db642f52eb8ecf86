import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type FieldMetadata,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { looksLikeControlQuestion } from "../domain/question-hints";
import { SECTOR_VALUES } from "../domain/sectors";
import { questionSchema, questionSchemaFor } from "../domain/question-schema";

export type QuestionFormDefaults = {
  schoolId?: string;
  title?: string;
  background?: string;
  desiredOutcome?: string;
  visionFit?: string;
  themeId?: string;
  subQuestions?: string;
  sector?: string;
  schoolYear?: string;
  studentCapacity?: number | string;
  supervisorName?: string;
  supervisionCapacity?: number | string;
  supervisorId?: string;
};

type Props = {
  mode: "create" | "edit";
  schools: { id: string; name: string; sector: string }[];
  themes: { id: string; name: string; description: string }[];
  defaults: QuestionFormDefaults;
  lastResult?: SubmissionResult<string[]> | null;
  cancelTo: string;
  /** A sent-back question: offer "Opslaan en opnieuw indienen" beside saving (issue 20). */
  resubmit?: boolean;
  /** The schools' staff, to pick the werkplekbegeleider from (issue 20). */
  staff?: { id: string; name: string; schoolId: string }[];
};

/**
 * The guided question form. The same zod schema validates here (as you type,
 * via Conform) and on the server; without JavaScript the server's answer
 * shows the same messages.
 */
export function QuestionForm({ mode, schools, themes, defaults, lastResult, cancelTo, resubmit = false, staff = [] }: Props) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const pending = navigation.state === "submitting";
  const pendingIntent = navigation.formData?.get("intent");
  const [title, setTitle] = useState(defaults.title ?? "");
  const [form, fields] = useForm({
    id: "question-form",
    lastResult,
    constraint: getZodConstraint(questionSchema),
    defaultValue: defaults,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    // The submit button's intent picks the schema; while typing, the strict one shows what submitting needs.
    onValidate: ({ formData }) => parseWithZod(formData, { schema: questionSchemaFor(formData.get("intent") ?? "submit") }),
  });
  // Conform's `fields` is a proxy without enumerable keys; allErrors lists every field's errors.
  const hasErrors = Object.values(form.allErrors).some((errors) => errors.length > 0);

  return (
    <Form method="post" {...getFormProps(form)} className="stack question-form">
      {hasErrors && form.status === "error" ? (
        <div className="alert alert--error" role="alert">
          {t("questions.form.errorSummary")}
        </div>
      ) : null}

      {schools.length > 1 ? (
        <Field field={fields.schoolId} label={t("questions.fields.school")}>
          <select {...getSelectProps(fields.schoolId)} {...describedBy(fields.schoolId)}>
            {schools.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
      ) : (
        <>
          <input type="hidden" name={fields.schoolId.name} value={schools[0]?.id ?? ""} />
          {fields.schoolId.errors?.length ? (
            <p className="alert alert--error" id={fields.schoolId.errorId}>
              {fields.schoolId.errors.map((e) => t(e)).join(" ")}
            </p>
          ) : null}
        </>
      )}

      <Field field={fields.title} label={t("questions.fields.title")} help={t("questions.fields.titleHelp")}>
        <input
          {...getInputProps(fields.title, { type: "text" })}
          {...describedBy(fields.title, true)}
          onChange={(e) => setTitle(e.target.value)}
        />
      </Field>
      {looksLikeControlQuestion(title) ? (
        <p className="hint-box" role="status">
          {t("questions.controlHint")}
        </p>
      ) : null}

      <Field field={fields.background} label={t("questions.fields.background")} help={t("questions.fields.backgroundHelp")}>
        <textarea rows={5} {...getTextareaProps(fields.background)} {...describedBy(fields.background, true)} />
      </Field>
      <Field
        field={fields.desiredOutcome}
        label={t("questions.fields.desiredOutcome")}
        help={t("questions.fields.desiredOutcomeHelp")}
      >
        <textarea rows={3} {...getTextareaProps(fields.desiredOutcome)} {...describedBy(fields.desiredOutcome, true)} />
      </Field>

      <div className="form-grid">
        <Field field={fields.themeId} label={t("questions.fields.theme")} help={t("questions.fields.themeHelp")}>
          <select {...getSelectProps(fields.themeId)} {...describedBy(fields.themeId, true)}>
            <option value="">{t("questions.fields.themePlaceholder")}</option>
            {themes.map((theme) => (
              <option key={theme.id} value={theme.id} title={theme.description}>
                {theme.name}
              </option>
            ))}
          </select>
        </Field>
        <Field field={fields.sector} label={t("questions.fields.sector")}>
          <select {...getSelectProps(fields.sector)} {...describedBy(fields.sector)}>
            {SECTOR_VALUES.map((sector) => (
              <option key={sector} value={sector}>
                {t(`sectors.${sector}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>

      <Field field={fields.subQuestions} label={t("questions.fields.subQuestions")} help={t("questions.fields.subQuestionsHelp")}>
        <textarea rows={4} {...getTextareaProps(fields.subQuestions)} {...describedBy(fields.subQuestions, true)} />
      </Field>

      <div className="form-grid">
        <Field field={fields.schoolYear} label={t("questions.fields.schoolYear")} help={t("questions.fields.schoolYearHelp")}>
          <input {...getInputProps(fields.schoolYear, { type: "text" })} {...describedBy(fields.schoolYear, true)} inputMode="numeric" />
        </Field>
        <Field
          field={fields.studentCapacity}
          label={t("questions.fields.studentCapacity")}
          help={t("questions.fields.studentCapacityHelp")}
        >
          <input {...getInputProps(fields.studentCapacity, { type: "number" })} {...describedBy(fields.studentCapacity, true)} />
        </Field>
      </div>
      <Field field={fields.supervisorId} label={t("school.supervisor.label")} help={t("school.supervisor.help")}>
        <select
          {...getSelectProps(fields.supervisorId)}
          {...describedBy(fields.supervisorId, true)}
          onChange={(event) => {
            // Picking a person (or outside supervision) fills the name field when it is still empty; the server does the same without JS.
            const value = event.currentTarget.value;
            const name = value === "extern" ? t("school.supervisor.external") : (staff.find((p) => p.id === value)?.name ?? "");
            if (name && !fields.supervisorName.value) form.update({ name: fields.supervisorName.name, value: name });
          }}
        >
          <option value="">{t("school.supervisor.none")}</option>
          {schools.map((school) => (
            <optgroup key={school.id} label={school.name}>
              {staff
                .filter((p) => p.schoolId === school.id)
                .map((p) => (
                  <option key={`${school.id}-${p.id}`} value={p.id}>
                    {p.name}
                  </option>
                ))}
            </optgroup>
          ))}
          <option value="extern">{t("school.supervisor.external")}</option>
        </select>
      </Field>
      <div className="form-grid">
        <Field
          field={fields.supervisorName}
          label={t("questions.fields.supervisorName")}
          help={t("questions.fields.supervisorNameHelp")}
        >
          <input {...getInputProps(fields.supervisorName, { type: "text" })} {...describedBy(fields.supervisorName, true)} />
        </Field>
        <Field
          field={fields.supervisionCapacity}
          label={t("questions.fields.supervisionCapacity")}
          help={t("questions.fields.supervisionCapacityHelp")}
        >
          <input
            {...getInputProps(fields.supervisionCapacity, { type: "number" })}
            {...describedBy(fields.supervisionCapacity, true)}
          />
        </Field>
      </div>
      <Field field={fields.visionFit} label={t("questions.fields.visionFit")} help={t("questions.fields.visionFitHelp")}>
        <textarea rows={2} {...getTextareaProps(fields.visionFit)} {...describedBy(fields.visionFit, true)} />
      </Field>

      <div className="button-row">
        {mode === "create" ? (
          <>
            <button type="submit" name="intent" value="save" className="button button--secondary" disabled={pending}>
              {pending && pendingIntent === "save" ? t("questions.form.saving") : t("questions.form.saveConcept")}
            </button>
            <button type="submit" name="intent" value="submit" className="button" disabled={pending}>
              {pending && pendingIntent === "submit" ? t("questions.form.saving") : t("questions.form.saveAndSubmit")}
            </button>
          </>
        ) : (
          <>
            <button type="submit" name="intent" value="save" className={resubmit ? "button button--secondary" : "button"} disabled={pending}>
              {pending && pendingIntent !== "submit" ? t("questions.form.saving") : t("questions.form.save")}
            </button>
            {resubmit ? (
              <button type="submit" name="intent" value="submit" className="button" disabled={pending}>
                {pending && pendingIntent === "submit" ? t("questions.form.saving") : t("school.resubmit.button")}
              </button>
            ) : null}
          </>
        )}
        <Link to={cancelTo} className="button-link">
          {t("questions.form.cancel")}
        </Link>
      </div>
    </Form>
  );
}

/** Conform's props point aria-describedby at the error; we add the help text. */
function describedBy(field: FieldMetadata<unknown>, withHelp = false) {
  const ids = [withHelp ? field.descriptionId : null, field.errors?.length ? field.errorId : null].filter(Boolean);
  return { "aria-describedby": ids.length ? ids.join(" ") : undefined };
}

function Field({
  field,
  label,
  help,
  children,
}: {
  field: FieldMetadata<unknown>;
  label: string;
  help?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className={`field${field.errors?.length ? " field--invalid" : ""}`}>
      <label htmlFor={field.id}>{label}</label>
      {help ? (
        <p className="field__help" id={field.descriptionId}>
          {help}
        </p>
      ) : null}
      {children}
      {field.errors?.length ? (
        <p className="field__error" id={field.errorId}>
          {field.errors.map((e) => t(e)).join(" ")}
        </p>
      ) : null}
    </div>
  );
}
