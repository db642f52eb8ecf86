import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LabForm, type LabReply } from "../components/installation/lab-form";
import { ManagePanel } from "../components/organisations/form-parts";
import { StatusBadge } from "../components/status-badge";
import { dateFormat as amsterdamDateFormat } from "../domain/dates";
import { checkLabInput } from "../domain/lab-input";
import { can } from "../domain/permissions";
import { findLab, isLabWriteError, labManagementFor, labPeopleIds, listLabs, saveLab, setLabArchived } from "../models/lab.server";
import { listThemes } from "../models/question.server";
import { authorize } from "../utils/guard.server";
import { getLocale, getT } from "../utils/i18n.server";
import { redirectWithToast } from "../utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Learning labs — Samen Onderzoeken" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await authorize(request, "labs:view");
  const labs = listLabs(actor);
  const people = labPeopleIds(labs.map((l) => l.id));
  const manageable = labManagementFor(actor);
  return {
    labs: labs.map((lab) => ({
      ...lab,
      archived: !!lab.archivedAt,
      canManage: can(actor, "lab:manage", { partnershipIds: [lab.partnershipId] }),
      supervisorIds: people.supervisors.filter((s) => s.labId === lab.id).map((s) => s.id),
      members: people.members.filter((m) => m.labId === lab.id),
    })),
    manageable,
    themes: listThemes().map((th) => ({ id: th.id, name: th.nameNl })),
    locale: await getLocale(request),
  };
}

/** The lab form's fields, with the multi-selects as lists (readForm keeps only one value per name). */
function labFields(form: FormData) {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const list = (name: string) => form.getAll(name).filter((v): v is string => typeof v === "string" && v !== "");
  const [hostKind, hostId] = text("host").split(":");
  return {
    partnershipId: text("partnershipId"),
    name: text("name"),
    description: text("description"),
    seats: text("seats"),
    periodStart: text("periodStart"),
    periodEnd: text("periodEnd"),
    hostSchoolId: hostKind === "school" ? hostId : null,
    hostInstituteId: hostKind === "institute" ? hostId : null,
    themeIds: list("themeIds"),
    supervisorIds: list("supervisorIds"),
    memberIds: list("memberIds"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, actor } = await authorize(request, "labs:view");
  const t = await getT(request);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return data<LabReply>({ form: "", errors: { form: t("errors.badRequest") } }, { status: 400 });
  }
  const intent = form.get("intent");
  const formKey = String(form.get("formKey") ?? "").slice(0, 120);
  const reply = (errors: Record<string, string>, status: number) =>
    data<LabReply>({ form: formKey, errors: Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, t(v)])) }, { status });

  if (intent === "archive" || intent === "restore") {
    const lab = findLab(String(form.get("labId") ?? ""));
    if (!lab) return reply({ form: "install.labs.errors.unknownLab" }, 404);
    if (!can(actor, "lab:manage", { partnershipIds: [lab.partnershipId] })) return reply({ form: "errors.forbiddenText" }, 403);
    const result = setLabArchived(lab.id, intent === "archive", user.id);
    if (isLabWriteError(result)) return reply(result.errors, result.status);
    return redirectWithToast("/labs", { kind: "success", message: t(intent === "archive" ? "install.labs.archivedDone" : "install.labs.restoredDone", { name: result.name }) });
  }
  if (intent !== "create" && intent !== "update") return reply({ form: "errors.badRequest" }, 400);
  const fields = labFields(form);
  // Permission first, on the partnership the form names (and, for an edit, the lab's own).
  const labId = intent === "update" ? String(form.get("labId") ?? "") : undefined;
  const existing = labId ? findLab(labId) : undefined;
  if (labId && !existing) return reply({ form: "install.labs.errors.unknownLab" }, 404);
  const partnershipIds = [fields.partnershipId, ...(existing ? [existing.partnershipId] : [])].filter(Boolean);
  if (!partnershipIds.length || !partnershipIds.every((id) => can(actor, "lab:manage", { partnershipIds: [id] }))) return reply({ form: "errors.forbiddenText" }, 403);
  const check = checkLabInput(fields);
  if (!check.ok) return reply(check.errors, 400);
  const result = saveLab(check.value, user.id, labId);
  if (isLabWriteError(result)) return reply(result.errors, result.status);
  return redirectWithToast(`/labs#lab-${result.id}`, { kind: "success", message: t(labId ? "install.labs.saved" : "install.labs.created", { name: result.name }) });
}

export default function LabsPage() {
  const { labs, locale, manageable, themes } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const navigation = useNavigation();
  const date = amsterdamDateFormat(locale, "medium");
  const active = labs.filter((l) => !l.archived);
  const archived = labs.filter((l) => l.archived);
  return (
    <div className="stack-lg">
      <header>
        <h1>{t("matching.labs.title")}</h1>
        <p className="lead">{t("matching.labs.intro")}</p>
      </header>
      {manageable.map((p) => (
        <section key={p.id} className="card stack" aria-labelledby={`new-lab-${p.id}`}>
          <h2 id={`new-lab-${p.id}`}>
            {t("install.labs.manageTitle")} <span className="muted">— {p.name}</span>
          </h2>
          {/* Keyed on the number of labs: after one is added the form starts closed and empty again, instead of inviting a duplicate. */}
          <ManagePanel key={labs.filter((l) => l.partnershipId === p.id).length} title={t("install.labs.create")}>
            <LabForm partnership={p} themes={themes} />
          </ManagePanel>
        </section>
      ))}
      {active.length === 0 ? <p className="empty">{manageable.length > 0 ? t("install.labs.emptyManager") : t("matching.labs.empty")}</p> : null}
      <ul className="result-list">
        {active.map((lab) => {
          const partnership = manageable.find((p) => p.id === lab.partnershipId);
          return (
            <li key={lab.id} id={`lab-${lab.id}`} className="result stack">
              <h2 className="result__title">{lab.name}</h2>
              {lab.description ? <p>{lab.description}</p> : null}
              <dl className="facts">
                <dt>{t("matching.labs.host")}</dt>
                <dd>{lab.host || "—"}</dd>
                <dt>{t("matching.labs.themes")}</dt>
                <dd>{lab.themeNames.join(", ") || "—"}</dd>
                <dt>{t("matching.labs.seats")}</dt>
                <dd>{lab.seats}</dd>
                <dt>{t("matching.labs.period")}</dt>
                <dd>
                  {date.format(new Date(lab.periodStart))} – {date.format(new Date(lab.periodEnd))}
                </dd>
                <dt>{t("matching.labs.supervisors")}</dt>
                <dd>{lab.supervisors.join(", ") || "—"}</dd>
                <dt>{t("install.labs.teachersList")}</dt>
                <dd>{lab.members.map((m) => m.name).join(", ") || "—"}</dd>
              </dl>
              <h3>{t("matching.labs.questions")}</h3>
              {lab.questions.length === 0 ? (
                <p className="muted">{t("matching.labs.noQuestions")}</p>
              ) : (
                <ul className="link-list">
                  {lab.questions.map((q) => (
                    <li key={q.id}>
                      <Link to={`/vragen/${q.id}`}>{q.title}</Link> <StatusBadge status={q.status} />
                    </li>
                  ))}
                </ul>
              )}
              {lab.canManage && partnership ? (
                <ManagePanel title={t("install.labs.editTitle", { name: lab.name })} inline>
                  <LabForm
                    partnership={partnership}
                    themes={themes}
                    lab={{
                      id: lab.id,
                      name: lab.name,
                      description: lab.description,
                      host: lab.hostSchoolId ? `school:${lab.hostSchoolId}` : lab.hostInstituteId ? `institute:${lab.hostInstituteId}` : "",
                      themeIds: JSON.parse(lab.themeIds) as string[],
                      seats: lab.seats,
                      periodStart: lab.periodStart,
                      periodEnd: lab.periodEnd,
                      supervisorIds: lab.supervisorIds,
                      memberIds: lab.members.map((m) => m.id),
                    }}
                  />
                  <Form method="post">
                    <input type="hidden" name="intent" value="archive" />
                    <input type="hidden" name="labId" value={lab.id} />
                    <button type="submit" className="button button--secondary button--small" disabled={navigation.state !== "idle"}>
                      {t("install.labs.archive")}
                    </button>
                  </Form>
                </ManagePanel>
              ) : null}
            </li>
          );
        })}
      </ul>
      {archived.length > 0 ? (
        <section className="stack" aria-labelledby="archived-labs">
          <h2 id="archived-labs">{t("install.labs.archivedTitle")}</h2>
          <ul className="link-list">
            {archived.map((lab) => (
              <li key={lab.id}>
                {lab.name} <span className="badge badge--muted">{t("install.labs.archivedBadge")}</span>
                {lab.canManage ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="restore" />
                    <input type="hidden" name="labId" value={lab.id} />
                    <button type="submit" className="button button--secondary button--small">
                      {t("install.labs.restore")}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
