import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export type StartFormProps = {
  questionId: string;
  schoolName: string;
  teachers: { id: string; name: string; role: "leraar" | "schoolopleider" }[];
  labs: { id: string; name: string; members: { id: string; name: string }[] }[];
  /** Field → message from a refused submit; `form` is shown above the form. */
  errors?: Partial<Record<"teacherIds" | "labId" | "form", string>>;
  /** What was sent, so a refused form keeps the choices. */
  chosen?: { teacherIds: string[]; labId: string };
  pending: boolean;
};

/**
 * "Onderzoek door leraren": pick the school's teachers and/or a lab. A plain
 * form post, so it works before JavaScript loads; errors sit at their field.
 */
export function TeacherResearchStartForm({ questionId, schoolName, teachers, labs, errors = {}, chosen, pending }: StartFormProps) {
  const { t } = useTranslation();
  const teacherError = errors.teacherIds;
  const labError = errors.labId;
  return (
    <Form method="post" className="stack" aria-describedby="teacher-research-intro">
      {errors.form ? (
        <div className="alert alert--error" role="alert">
          {errors.form}
        </div>
      ) : null}
      <fieldset className={`teacher-research__team stack-sm${teacherError ? " field--invalid" : ""}`} aria-describedby={teacherError ? "teachers-error teachers-help" : "teachers-help"}>
        <legend>{t("teacherResearch.teachersLegend", { school: schoolName })}</legend>
        <p className="field__help" id="teachers-help">
          {teachers.length > 0 ? t("teacherResearch.teachersHelp") : t("teacherResearch.noTeachers")}
        </p>
        {teacherError ? (
          <p className="field__error" id="teachers-error" role="alert">
            {teacherError}
          </p>
        ) : null}
        {teachers.length > 0 ? (
          <div className="teacher-research__choices">
            {teachers.map((teacher) => (
              <label key={teacher.id} className="checkbox">
                <input type="checkbox" name="teacherIds" value={teacher.id} defaultChecked={chosen?.teacherIds.includes(teacher.id)} />
                <span>
                  {teacher.name} <span className="muted">({t(`teacherResearch.roles.${teacher.role}`)})</span>
                </span>
              </label>
            ))}
          </div>
        ) : null}
      </fieldset>
      <div className={`field${labError ? " field--invalid" : ""}`}>
        <label htmlFor="teacher-research-lab">{t("teacherResearch.labLabel")}</label>
        <p className="field__help" id="teacher-research-lab-help">
          {labs.length > 0 ? t("teacherResearch.labHelp") : t("teacherResearch.noLabs")}
        </p>
        {labError ? (
          <p className="field__error" id="teacher-research-lab-error">
            {labError}
          </p>
        ) : null}
        <select
          id="teacher-research-lab"
          name="labId"
          defaultValue={chosen?.labId ?? ""}
          aria-invalid={labError ? true : undefined}
          aria-describedby={labError ? "teacher-research-lab-error teacher-research-lab-help" : "teacher-research-lab-help"}
        >
          <option value="">{t("teacherResearch.noLab")}</option>
          {labs.map((lab) => (
            <option key={lab.id} value={lab.id}>
              {lab.name} ({lab.members.length > 0 ? t("teacherResearch.labMembers", { count: lab.members.length }) : t("teacherResearch.labNoMembers")})
            </option>
          ))}
        </select>
      </div>
      <p className="button-row">
        <button type="submit" className="button" disabled={pending} aria-busy={pending || undefined}>
          {pending ? t("teacherResearch.submitting") : t("teacherResearch.submit")}
        </button>{" "}
        <Link to={`/vragen/${questionId}`}>{t("teacherResearch.cancel")}</Link>
      </p>
    </Form>
  );
}
