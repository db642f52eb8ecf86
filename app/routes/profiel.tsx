import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AVAILABILITY_OPTIONS } from "../domain/question-fit";
import { SECTOR_VALUES } from "../domain/sectors";
import { saveStudentProfile, studentProfile } from "../models/student-profile.server";
import { listThemes, themeExists } from "../models/question.server";
import { studentProfileSchema } from "../schemas/student-profile";
import { authorize } from "../utils/guard.server";
import { getT } from "../utils/i18n.server";
import { redirectWithToast } from "../utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Mijn studentprofiel — Samen Onderzoeken" }];

/** Only students keep a profile; it drives the fit shown in the matching round. */
async function requireStudent(request: Request) {
  const { user } = await authorize(request, "profile:edit", undefined, { message: "matching.profile.onlyStudents" });
  const membership = user.memberships.find((m) => m.role === "student")!;
  return { user, instituteId: membership.instituteId ?? null, instituteName: membership.organisationName };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, instituteName } = await requireStudent(request);
  return {
    profile: studentProfile(user.id),
    instituteName,
    themes: listThemes().map((th) => ({ id: th.id, name: user.locale === "en" ? th.nameEn : th.nameNl })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, instituteId } = await requireStudent(request);
  const t = await getT(request);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return data({ errors: { form: t("errors.badRequest") } }, { status: 400 });
  }
  const parsed = studentProfileSchema.safeParse({
    programme: form.get("programme"),
    studyYear: form.get("studyYear"),
    themeIds: form.getAll("themeIds"),
    sectors: form.getAll("sectors"),
    availability: form.get("availability"),
    homeCity: form.get("homeCity") ?? "",
  });
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= t(issue.message);
    return data({ errors }, { status: 400 });
  }
  if (parsed.data.themeIds.some((id) => !themeExists(id))) {
    return data({ errors: { themeIds: t("matching.profile.errors.theme") } }, { status: 400 });
  }
  saveStudentProfile(user.id, instituteId, parsed.data);
  return redirectWithToast("/matching", { kind: "success", message: t("matching.profile.saved") });
}

export default function StudentProfilePage() {
  const { profile, instituteName, themes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const busy = navigation.state === "submitting";
  return (
    <div className="stack-lg form-page">
      <header>
        <h1>{t("matching.profile.title")}</h1>
        <p className="lead">{t("matching.profile.intro", { institute: instituteName ?? "" })}</p>
      </header>
      {errors.form ? (
        <div className="alert alert--error" role="alert">
          {errors.form}
        </div>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <div className={`field${errors.programme ? " field--invalid" : ""}`}>
          <label htmlFor="programme">{t("matching.profile.programme")}</label>
          <input id="programme" name="programme" defaultValue={profile?.programme ?? ""} maxLength={200} aria-invalid={errors.programme ? true : undefined} aria-describedby={errors.programme ? "programme-error" : undefined} />
          {errors.programme ? <p className="field__error" id="programme-error">{errors.programme}</p> : null}
        </div>
        <div className={`field${errors.studyYear ? " field--invalid" : ""}`}>
          <label htmlFor="studyYear">{t("matching.profile.studyYear")}</label>
          <input id="studyYear" name="studyYear" type="number" min={1} max={6} defaultValue={profile?.studyYear ?? 1} aria-invalid={errors.studyYear ? true : undefined} aria-describedby={errors.studyYear ? "studyYear-error" : undefined} />
          {errors.studyYear ? <p className="field__error" id="studyYear-error">{errors.studyYear}</p> : null}
        </div>
        <fieldset className="checkbox-group">
          <legend>{t("matching.profile.themes")}</legend>
          {errors.themeIds ? <p className="field__error">{errors.themeIds}</p> : null}
          {themes.map((th) => (
            <label key={th.id} className="checkbox">
              <input type="checkbox" name="themeIds" value={th.id} defaultChecked={profile?.themeIds.includes(th.id)} /> {th.name}
            </label>
          ))}
        </fieldset>
        <fieldset className="checkbox-group">
          <legend>{t("matching.profile.sectors")}</legend>
          {errors.sectors ? <p className="field__error">{errors.sectors}</p> : null}
          {SECTOR_VALUES.map((s) => (
            <label key={s} className="checkbox">
              <input type="checkbox" name="sectors" value={s} defaultChecked={profile?.sectors.includes(s)} /> {t(`sectors.${s}`)}
            </label>
          ))}
        </fieldset>
        <div className={`field${errors.availability ? " field--invalid" : ""}`}>
          <label htmlFor="availability">{t("matching.profile.availability")}</label>
          <select id="availability" name="availability" defaultValue={profile?.availability ?? "heel-jaar"}>
            {AVAILABILITY_OPTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`matching.profile.availabilityOptions.${a}`)}
              </option>
            ))}
          </select>
          {errors.availability ? <p className="field__error">{errors.availability}</p> : null}
        </div>
        <div className="field">
          <label htmlFor="homeCity">{t("matching.profile.homeCity")}</label>
          <input id="homeCity" name="homeCity" defaultValue={profile?.homeCity ?? ""} maxLength={100} />
        </div>
        <div>
          <button type="submit" className="button" disabled={busy}>
            {busy ? t("questions.form.saving") : t("matching.profile.save")}
          </button>
        </div>
      </Form>
    </div>
  );
}
