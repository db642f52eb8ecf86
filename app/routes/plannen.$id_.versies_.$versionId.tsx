import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { diffPlanSections } from "../domain/plan-diff";
import { planSectionsFromUpdate } from "../domain/plan-document";
import { formatWhen } from "../editor/format";
import { StaticBlocks } from "../editor/plan-static";
import { persistedPlanState } from "../models/plan-doc.server";
import { requirePlan } from "../utils/plan-guard.server";
import { findVersion, restoreVersion } from "../models/plan-version.server";
import { getLocale, tFor } from "../utils/i18n.server";
import { redirectWithToast } from "../utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.version.name} — ${data.plan.title} — Samen Onderzoeken` : "Samen Onderzoeken" },
];

async function versionOr404(request: Request, planId: string, versionId: string | undefined) {
  const version = findVersion(planId, versionId ?? "");
  if (!version) {
    const t = tFor(await getLocale(request));
    throw json({ error: t("plan.versions.notFound") }, { status: 404 });
  }
  return version;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { plan, access } = await requirePlan(request, params.id);
  const version = await versionOr404(request, plan.id, params.versionId);
  const versionSections = planSectionsFromUpdate(version.state);
  const current = planSectionsFromUpdate(persistedPlanState(plan.id));
  return {
    plan: { id: plan.id, title: plan.title },
    canEdit: access === "edit",
    version: { id: version.id, name: version.name, createdAt: version.createdAt, authorName: version.authorName },
    sections: versionSections,
    diff: diffPlanSections(versionSections, current),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Restoring changes the text: edit access (permission module).
  const { user, plan } = await requirePlan(request, params.id, { needs: "edit" });
  const version = await versionOr404(request, plan.id, params.versionId);
  const t = tFor(await getLocale(request));
  restoreVersion(plan.id, version, user, t("plan.versions.safetyName", { name: version.name }));
  return redirectWithToast(`/plannen/${plan.id}`, { kind: "success", message: t("plan.versions.restored", { name: version.name }) });
}

export default function VersionPage() {
  const { plan, canEdit, version, sections, diff } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation();
  const busy = navigation.state !== "idle" && navigation.formMethod === "POST";
  const changed = diff.filter((section) => section.changed);
  const unchanged = diff.filter((section) => !section.changed);
  return (
    <article className="stack-lg" aria-labelledby="version-title">
      <header className="stack">
        <p>
          <Link to={`/plannen/${plan.id}/versies`}>{t("plan.versions.backToVersions")}</Link>
        </p>
        <h1 id="version-title">{version.name}</h1>
        <p className="lead">{plan.title}</p>
        <p className="muted">
          {t("plan.versions.versionMeta", {
            author: version.authorName ?? t("plan.versions.unknownAuthor"),
            date: formatWhen(version.createdAt, i18n.language),
          })}
        </p>
      </header>
      <section className="stack" aria-labelledby="compare-title">
        <h2 id="compare-title">{t("plan.versions.compareHeading")}</h2>
        <p>{t("plan.versions.compareIntro")}</p>
        {changed.length === 0 ? <p className="empty">{t("plan.versions.noChanges")}</p> : null}
        {changed.map((section) => (
          // Not a landmark: the version's own text below has sections with these headings.
          <div key={section.id} className="card plan-diff">
            <h3 id={`diff-${section.id}`}>{section.heading}</h3>
            <p className="plan-diff__text">
              {section.parts.map((part, i) =>
                part.kind === "same" ? (
                  <span key={i}>{part.text}</span>
                ) : part.kind === "removed" ? (
                  <del key={i}>
                    <span className="visually-hidden">{t("plan.versions.removed")} </span>
                    {part.text}
                  </del>
                ) : (
                  <ins key={i}>
                    <span className="visually-hidden">{t("plan.versions.added")} </span>
                    {part.text}
                  </ins>
                ),
              )}
            </p>
          </div>
        ))}
        {/* Thirteen cards of "Ongewijzigd" hid the few that matter; the rest is one line. */}
        {unchanged.length > 0 && changed.length > 0 ? (
          <p className="muted">{t("plan.versions.unchangedSections", { sections: unchanged.map((s) => s.heading).join(", ") })}</p>
        ) : null}
      </section>
      {canEdit ? (
        // After the comparison: first see what changes, then decide.
        <section className="card stack" aria-labelledby="restore-title">
          <h2 id="restore-title">{t("plan.versions.restoreHeading")}</h2>
          <p>{t("plan.versions.restoreHint")}</p>
          <Form method="post">
            <button type="submit" className="button button--secondary" disabled={busy}>
              {busy ? t("plan.versions.restoring") : t("plan.versions.restore")}
            </button>
          </Form>
        </section>
      ) : null}
      <section className="stack" aria-labelledby="version-text-title">
        <h2 id="version-text-title">{t("plan.versions.versionText")}</h2>
        {sections.map((s) => (
          <section key={s.id} className="card" aria-labelledby={`v-${s.id}`}>
            <h3 id={`v-${s.id}`}>{s.heading}</h3>
            {s.blocks.length ? <StaticBlocks blocks={s.blocks} /> : <p className="muted">{t("plan.editor.emptySection")}</p>}
          </section>
        ))}
      </section>
    </article>
  );
}
