import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { RESULT_TYPES, RESULT_VISIBILITIES } from "../domain/result-types";
import { findLikelyNames } from "../domain/upload-check";
import { listThemes, themeExists } from "../models/question.server";
import { createResult, publishableProjects, publisherRole } from "../models/result-publish.server";
import { discardUploads, readResultUpload, UploadRefused, type UploadedFile } from "../models/result-upload.server";
import { toActor } from "../models/user.server";
import { forbidden, requireUser } from "../utils/guard.server";
import { getT } from "../utils/i18n.server";
import { logger } from "../utils/logger.server";
import { redirectWithToast } from "../utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Opbrengst publiceren — Samen Onderzoeken" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const projects = publishableProjects(toActor(user));
  return { projects, themes: listThemes().map((th) => ({ id: th.id, name: user.locale === "en" ? th.nameEn : th.nameNl })) };
}

const lines = (max: number) =>
  z
    .string()
    .max(20_000, "results.publish.errors.tooLong")
    .default("")
    .transform((v) => v.split(/\r?\n/).map((l) => l.trim()).filter(Boolean))
    .refine((l) => l.length <= max, "results.publish.errors.tooMany");

const publishSchema = z.object({
  projectId: z.string().min(1, "results.publish.errors.project").max(100),
  title: z.string().trim().min(5, "results.publish.errors.title").max(200, "results.publish.errors.tooLong"),
  type: z.enum(RESULT_TYPES, { errorMap: () => ({ message: "results.publish.errors.type" }) }),
  summary: z.string().trim().min(20, "results.publish.errors.summary").max(5000, "results.publish.errors.tooLong"),
  conclusions: z.string().trim().max(10_000, "results.publish.errors.tooLong").default(""),
  recommendations: lines(12),
  links: lines(10).transform((l, ctx) =>
    l.map((line) => {
      const [label, url] = line.includes("|") ? line.split("|").map((x) => x.trim()) : [line, line];
      if (!/^https?:\/\/\S+$/.test(url ?? "")) ctx.addIssue({ code: "custom", message: "results.publish.errors.link" });
      return { label: (label || url || "").slice(0, 200), url: url ?? "" };
    }),
  ),
  themeIds: z.array(z.string().max(100)).max(5, "results.publish.errors.tooMany").default([]),
  visibility: z.enum(RESULT_VISIBILITIES, { errorMap: () => ({ message: "results.publish.errors.visibility" }) }),
  noPupilData: z.literal("ja", { errorMap: () => ({ message: "results.publish.errors.noPupilData" }) }),
  namesChecked: z.string().optional(),
});

type ActionData = { errors?: Record<string, string>; names?: string[] };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const actor = toActor(user);
  const t = await getT(request);
  // Authorise before reading the body (issue 18, finding 7): someone with no
  // project of their own is refused at once; otherwise the project is checked
  // the moment its field arrives (the form's first), before any file byte.
  const projects = publishableProjects(actor);
  const refuse = (status: number, errors: Record<string, string>) =>
    data<ActionData>({ errors }, { status, headers: { Connection: "close" } }); // the rest of the body is not read
  if (projects.length === 0) return refuse(403, { projectId: t("results.publish.errors.projectNotYours") });

  let upload: { form: FormData; files: UploadedFile[] };
  try {
    upload = await readResultUpload(request, (id) => projects.some((p) => p.id === id));
  } catch (error) {
    if (error instanceof UploadRefused) return refuse(error.status, { [error.field]: t(error.key, error.values) });
    return refuse(400, { form: t("errors.badRequest") });
  }
  try {
    return await publish(upload.form, upload.files);
  } finally {
    discardUploads(upload.files); // whatever was not moved into place
  }

  async function publish(form: FormData, files: UploadedFile[]) {
    const text = (name: string) => {
      const v = form.get(name);
      return typeof v === "string" ? v : undefined;
    };
    const parsed = publishSchema.safeParse({
      projectId: text("projectId"),
      title: text("title"),
      type: text("type"),
      summary: text("summary"),
      conclusions: text("conclusions"),
      recommendations: text("recommendations"),
      links: text("links"),
      themeIds: form.getAll("themeIds").filter((v): v is string => typeof v === "string"),
      visibility: text("visibility"),
      noPupilData: text("noPupilData"),
      namesChecked: text("namesChecked"),
    });
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= t(issue.message);
      return data<ActionData>({ errors }, { status: 400 });
    }
    const input = parsed.data;
    // Checked again on the parsed value (the stream check saw the same field).
    const project = projects.find((p) => p.id === input.projectId);
    if (!project) return forbidden<ActionData>({ errors: { projectId: t("results.publish.errors.projectNotYours") } });
    if (input.themeIds.some((id) => !themeExists(id))) return data<ActionData>({ errors: { themeIds: t("results.publish.errors.theme") } }, { status: 400 });

    // Obvious pupil names in the text or file names: ask for an explicit check first.
    const names = findLikelyNames([input.title, input.summary, input.conclusions, ...input.recommendations, ...files.map((f) => f.name)].join("\n"));
    if (names.length > 0 && input.namesChecked !== "ja") {
      return data<ActionData>({ errors: { namesChecked: t("results.publish.errors.names") }, names }, { status: 400 });
    }

    const resultId = createResult({
      project,
      authorId: user.id,
      authorRole: publisherRole(actor, project.schoolId),
      title: input.title,
      type: input.type,
      summary: input.summary,
      conclusions: input.conclusions,
      recommendations: input.recommendations,
      themeIds: input.themeIds,
      links: input.links,
      visibility: input.visibility,
      files,
    });
    logger.info({ resultId, files: files.length, visibility: input.visibility }, "opbrengst gepubliceerd");
    return redirectWithToast(`/opbrengsten/${resultId}`, {
      kind: "success",
      message: t(input.visibility === "school" ? "results.publish.published" : "results.publish.publishedNeedsConsent"),
    });
  }
}

// A refusal mid-upload closes the connection instead of reading the rest of the body.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const connection = actionHeaders.get("Connection");
  return connection ? { Connection: connection } : new Headers();
};

export default function PublishResultPage() {
  const { projects, themes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const busy = navigation.state === "submitting";
  const err = (name: string) =>
    errors[name] ? (
      <p className="field__error" id={`${name}-error`}>
        {errors[name]}
      </p>
    ) : null;
  const described = (name: string) => (errors[name] ? { "aria-invalid": true as const, "aria-describedby": `${name}-error` } : {});
  if (projects.length === 0) {
    return (
      <div className="stack">
        <h1>{t("results.publish.title")}</h1>
        <p className="empty">{t("results.publish.noProjects")}</p>
        <p>
          <Link to="/opbrengsten">{t("results.publish.backToResults")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="stack-lg form-page">
      <header>
        <h1>{t("results.publish.title")}</h1>
        <p className="lead">{t("results.publish.intro")}</p>
      </header>
      {errors.form ? (
        <div className="alert alert--error" role="alert">
          {errors.form}
        </div>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="stack" noValidate>
        <div className="field">
          <label htmlFor="projectId">{t("results.publish.project")}</label>
          <select id="projectId" name="projectId" {...described("projectId")}>
            {projects.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
          {err("projectId")}
        </div>
        <div className="field">
          <label htmlFor="title">{t("results.publish.titleLabel")}</label>
          <input id="title" name="title" maxLength={200} {...described("title")} />
          {err("title")}
        </div>
        <div className="field">
          <label htmlFor="type">{t("results.publish.type")}</label>
          <select id="type" name="type">
            {RESULT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`results.types.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="summary">{t("results.publish.summary")}</label>
          <p className="field__help" id="summary-help">
            {t("results.publish.summaryHelp")}
          </p>
          <textarea id="summary" name="summary" rows={4} maxLength={5000} aria-describedby={errors.summary ? "summary-help summary-error" : "summary-help"} aria-invalid={errors.summary ? true : undefined} />
          {err("summary")}
        </div>
        <div className="field">
          <label htmlFor="conclusions">{t("results.detail.conclusions")}</label>
          <textarea id="conclusions" name="conclusions" rows={3} maxLength={10000} />
        </div>
        <div className="field">
          <label htmlFor="recommendations">{t("results.detail.recommendations")}</label>
          <p className="field__help">{t("results.publish.recommendationsHelp")}</p>
          <textarea id="recommendations" name="recommendations" rows={4} {...described("recommendations")} />
          {err("recommendations")}
        </div>
        <fieldset className="checkbox-group">
          <legend>{t("results.detail.themes")}</legend>
          {err("themeIds")}
          {themes.map((th) => (
            <label key={th.id} className="checkbox">
              <input type="checkbox" name="themeIds" value={th.id} /> {th.name}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="links">{t("results.publish.links")}</label>
          <p className="field__help">{t("results.publish.linksHelp")}</p>
          <textarea id="links" name="links" rows={2} {...described("links")} />
          {err("links")}
        </div>
        <div className="field">
          <label htmlFor="files">{t("results.publish.files")}</label>
          <p className="field__help">{t("results.publish.filesHelp")}</p>
          <input id="files" name="files" type="file" multiple accept=".pdf,.docx,.pptx,.png,.jpg,.jpeg" {...described("files")} />
          {err("files")}
        </div>
        <fieldset className="stack">
          <legend>{t("results.publish.visibility")}</legend>
          <p className="field__help">{t("results.publish.visibilityHelp")}</p>
          {RESULT_VISIBILITIES.map((v) => (
            <label key={v} className="checkbox">
              <input type="radio" name="visibility" value={v} defaultChecked={v === "school"} /> {t(`results.visibility.${v}`)}
            </label>
          ))}
        </fieldset>
        <label className="checkbox">
          <input type="checkbox" name="noPupilData" value="ja" {...described("noPupilData")} /> {t("results.publish.noPupilData")}
        </label>
        {err("noPupilData")}
        {actionData?.names?.length ? (
          <div className="alert alert--error" role="alert">
            <p>{t("results.publish.namesFound", { names: actionData.names.join(", ") })}</p>
            <label className="checkbox">
              <input type="checkbox" name="namesChecked" value="ja" /> {t("results.publish.namesChecked")}
            </label>
          </div>
        ) : null}
        <div>
          <button type="submit" className="button" disabled={busy}>
            {busy ? t("questions.form.saving") : t("results.publish.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}
