import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { FormField } from "../components/ui/form-field";
import { formatWhen } from "../editor/format";
import { requirePlan } from "../utils/plan-guard.server";
import { freezeSchema } from "../models/plan-version-form.server";
import { freezeVersion, listVersions } from "../models/plan-version.server";
import { getLocale, tFor } from "../utils/i18n.server";
import { redirectWithToast } from "../utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.plan.title} — Versies — Samen Onderzoeken` : "Samen Onderzoeken" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { plan, access } = await requirePlan(request, params.id);
  return { plan: { id: plan.id, title: plan.title }, canEdit: access === "edit", versions: listVersions(plan.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Freezing is part of writing the plan: edit access (permission module).
  const { user, plan } = await requirePlan(request, params.id, { needs: "edit" });
  const t = tFor(await getLocale(request));
  const form = await request.formData();
  const parsed = freezeSchema.safeParse({ name: form.get("name") ?? undefined });
  if (!parsed.success) {
    return json({ error: t(parsed.error.issues[0]!.message) }, { status: 400 });
  }
  freezeVersion(plan.id, parsed.data.name, user.id);
  return redirectWithToast(`/plannen/${plan.id}/versies`, {
    kind: "success",
    message: t("plan.versions.frozen", { name: parsed.data.name }),
  });
}

export default function VersionsPage() {
  const { plan, canEdit, versions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation();
  const busy = navigation.state !== "idle" && navigation.formMethod === "POST";
  // A refused name: the field gets the focus, and with it its error is read out.
  useEffect(() => {
    if (actionData?.error) document.getElementById("version-name")?.focus();
  }, [actionData]);
  return (
    <article className="stack-lg" aria-labelledby="versions-title">
      <header className="stack">
        <p>
          <Link to={`/plannen/${plan.id}`}>{t("plan.versions.backToPlan")}</Link>
        </p>
        <h1 id="versions-title">{t("plan.versions.title")}</h1>
        <p className="lead">{plan.title}</p>
        <p>{t("plan.versions.intro")}</p>
      </header>
      {canEdit ? (
        <section className="card stack" aria-labelledby="freeze-title">
          <h2 id="freeze-title">{t("plan.versions.freezeHeading")}</h2>
          {/* A new key per frozen version empties the name field: the next click would freeze the same version again. */}
          <Form method="post" className="stack" noValidate key={versions.length}>
            <FormField
              label={t("plan.versions.nameLabel")}
              help={t("plan.versions.nameHint")}
              name="name"
              id="version-name"
              type="text"
              required
              maxLength={120}
              error={actionData?.error}
            />
            <p>
              <button type="submit" className="button" disabled={busy}>
                {busy ? t("plan.versions.freezing") : t("plan.versions.freeze")}
              </button>
            </p>
          </Form>
        </section>
      ) : null}
      <section className="stack" aria-labelledby="list-title">
        <h2 id="list-title">{t("plan.versions.listHeading")}</h2>
        {versions.length === 0 ? (
          <p className="empty">{t("plan.versions.empty")}</p>
        ) : (
          // At 400 % zoom the table scrolls inside its own region, not the page; keyboard users can scroll it (axe scrollable-region-focusable).
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="list-title">
            <table className="plan-versions">
              <thead>
                <tr>
                  <th scope="col">{t("plan.versions.columnName")}</th>
                  <th scope="col">{t("plan.versions.columnAuthor")}</th>
                  <th scope="col">{t("plan.versions.columnDate")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("plan.versions.view")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {versions.map((v) => (
                  <tr key={v.id}>
                    <td>{v.name}</td>
                    <td>{v.authorName ?? t("plan.versions.unknownAuthor")}</td>
                    <td>
                      <time dateTime={v.createdAt}>{formatWhen(v.createdAt, i18n.language)}</time>
                    </td>
                    <td>
                      <Link to={`/plannen/${plan.id}/versies/${v.id}`} aria-label={t("plan.versions.viewLabel", { name: v.name })}>
                        {t("plan.versions.view")}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </article>
  );
}
