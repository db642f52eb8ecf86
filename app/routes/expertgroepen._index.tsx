import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert, ManagePanel, SelectField, SubmitButton, TextAreaField } from "../components/organisations/form-parts";
import { FormField } from "../components/ui/form-field";
import { can } from "../domain/permissions";
import { addExpertGroup, isGroupWriteError, listGroups, peopleOfRegion } from "../models/expert-group.server";
import { listActiveRegions } from "../models/organisation.server";
import { listThemes } from "../models/question.server";
import { groupSchema } from "../schemas/expert-group";
import { authorize } from "../utils/guard.server";
import { getT } from "../utils/i18n.server";
import { redirectWithToast } from "../utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Expertgroepen — Samen Onderzoeken" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await authorize(request, "expertgroups:view");
  // Regions where the actor may start a group (admins: every active region; a programmaleider: their own).
  const regions = listActiveRegions()
    .filter((r) => can(actor, "expertgroup:create", { regionId: r.id, membership: null }))
    .map((r) => ({ ...r, people: peopleOfRegion(r.id) }));
  return {
    groups: listGroups(actor).map((g) => ({ ...g, archived: !!g.archivedAt })),
    regions,
    themes: regions.length ? listThemes().map((th) => ({ id: th.id, name: th.nameNl })) : [],
  };
}

type Reply = { errors: Record<string, string> };

/** Starting a group (issue 19): `expertgroup:create` in the region, the same model as `POST /api/v1/expert-groups`. */
export async function action({ request }: ActionFunctionArgs) {
  const { user, actor } = await authorize(request, "expertgroups:view");
  const t = await getT(request);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return data<Reply>({ errors: { form: t("errors.badRequest") } }, { status: 400 });
  }
  const text = (name: string) => String(form.get(name) ?? "");
  const regionId = text("regionId").slice(0, 100);
  if (!can(actor, "expertgroup:create", { regionId, membership: null })) return data<Reply>({ errors: { form: t("errors.forbiddenText") } }, { status: 403 });
  const parsed = groupSchema.safeParse({
    regionId,
    name: text("name"),
    description: text("description"),
    themeId: text("themeId") || null,
    joinPolicy: text("joinPolicy"),
    moderatorIds: form.getAll("moderatorIds").filter((v): v is string => typeof v === "string" && v !== ""),
  });
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= t(issue.message);
    return data<Reply>({ errors }, { status: 400 });
  }
  const { moderatorIds, ...group } = parsed.data;
  const result = addExpertGroup(group, moderatorIds, user.id);
  if (isGroupWriteError(result)) return data<Reply>({ errors: Object.fromEntries(Object.entries(result.errors).map(([k, v]) => [k, t(v)])) }, { status: result.status });
  return redirectWithToast(`/expertgroepen/${result.id}`, { kind: "success", message: t("install.groups.created", { name: result.name }) });
}

export default function ExpertGroupsPage() {
  const { groups, regions, themes } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const pending = useNavigation().state !== "idle";
  const { t } = useTranslation();
  const errors = reply?.errors ?? {};
  return (
    <div className="stack-lg">
      <header>
        <h1>{t("results.groups.title")}</h1>
        <p className="lead">{t("results.groups.intro")}</p>
      </header>
      {regions.length > 0 ? (
        <section className="card stack" aria-labelledby="new-group">
          <h2 id="new-group">{t("install.groups.createTitle")}</h2>
          <ManagePanel title={t("install.groups.create")} open={Object.keys(errors).length > 0}>
            <Form method="post" className="stack" noValidate>
              <FormAlert error={errors.form} />
              <SelectField id="group-region" name="regionId" label={t("install.groups.region")} placeholder={t("install.people.choose")} options={regions.map((r) => ({ value: r.id, label: r.name }))} defaultValue={regions.length === 1 ? regions[0]!.id : undefined} error={errors.regionId} />
              <FormField id="group-name" name="name" label={t("install.groups.name")} required maxLength={200} error={errors.name} />
              <SelectField id="group-theme" name="themeId" label={t("install.groups.theme")} placeholder={t("install.groups.themeNone")} required={false} options={themes.map((th) => ({ value: th.id, label: th.name }))} error={errors.themeId} />
              <TextAreaField id="group-description" name="description" label={t("install.groups.description")} maxLength={5000} error={errors.description} />
              <fieldset className="field">
                <legend>{t("install.groups.joinPolicy")}</legend>
                <label>
                  <input type="radio" name="joinPolicy" value="open" defaultChecked /> {t("install.groups.open")}
                </label>
                <label>
                  <input type="radio" name="joinPolicy" value="moderated" /> {t("install.groups.moderated")}
                </label>
                {errors.joinPolicy ? <p className="field__error">{errors.joinPolicy}</p> : null}
              </fieldset>
              <SelectField
                id="group-moderators"
                name="moderatorIds"
                label={t("install.groups.moderators")}
                help={t("install.groups.moderatorsHelp")}
                multiple
                options={[...new Map(regions.flatMap((r) => r.people).map((p) => [p.id, p])).values()].map((p) => ({ value: p.id, label: p.name }))}
                error={errors.moderatorIds}
              />
              <SubmitButton pending={pending} label={t("install.groups.create")} pendingLabel={t("install.groups.saving")} />
            </Form>
          </ManagePanel>
        </section>
      ) : null}
      {groups.length === 0 ? (
        <p className="empty">{t("results.groups.empty")}</p>
      ) : (
        <ul className="section-grid">
          {groups.map((g) => (
            <li key={g.id} className="section-card stack">
              <h2 className="result__title">
                <Link to={`/expertgroepen/${g.id}`}>{g.name}</Link>
              </h2>
              <p>{g.description}</p>
              <p className="result__meta">
                <span>{t("results.groups.members", { count: g.memberCount })}</span>
                <span>{t(g.joinPolicy === "open" ? "results.groups.open" : "results.groups.moderated")}</span>
                {g.archived ? <span className="badge badge--muted">{t("install.groups.archivedBadge")}</span> : null}
                {g.myStatus === "active" ? <span className="badge">{t("results.groups.member")}</span> : null}
                {g.myStatus === "requested" ? <span className="badge badge--muted">{t("results.groups.pending")}</span> : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
