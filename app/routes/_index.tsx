import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { NextStepsCard } from "../components/school/next-steps";
import { nextStepsFor } from "../models/next-steps.server";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { can } from "../domain/permissions";
import type { Role } from "../domain/roles";
import { projectsWithoutBegeleider } from "../models/project-members.server";
import { schoolActionsFor } from "../models/result.server";
import { toActor } from "../models/user.server";
import { requirePermission } from "../utils/guard.server";

export const meta: MetaFunction = () => [{ title: "Overzicht — Samen Onderzoeken" }];

type SectionKey = "vragen" | "agenda" | "matching" | "plannen" | "opbrengsten" | "expertgroepen" | "scan";

/** Sections that exist already; the rest are announced as coming soon. */
const SECTION_LINKS: Partial<Record<SectionKey, string>> = {
  vragen: "/vragen",
  agenda: "/agenda",
  opbrengsten: "/opbrengsten",
  matching: "/matching",
  plannen: "/plannen",
  expertgroepen: "/expertgroepen",
  scan: "/scan",
};

/** Which upcoming sections matter most to which role, in the order they see them. */
const SECTIONS_BY_ROLE: Record<Role, SectionKey[]> = {
  admin: ["vragen", "matching", "opbrengsten", "expertgroepen", "scan"],
  programmaleider: ["vragen", "matching", "opbrengsten", "expertgroepen"],
  schoolleider: ["vragen", "agenda", "plannen", "opbrengsten", "scan"],
  onderzoekscoordinator: ["vragen", "agenda", "plannen", "scan"],
  schoolopleider: ["vragen", "plannen", "opbrengsten"],
  werkplekbegeleider: ["plannen", "opbrengsten"],
  leraar: ["opbrengsten", "expertgroepen", "scan"],
  instituutsopleider: ["plannen", "opbrengsten", "expertgroepen"],
  onderzoeker: ["opbrengsten", "expertgroepen"],
  student: ["vragen", "plannen", "opbrengsten"],
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "dashboard:view");
  const actor = toActor(user);
  const sections = [...new Set(user.memberships.flatMap((m) => SECTIONS_BY_ROLE[m.role]))];
  const schoolActions = schoolActionsFor(actor);
  // The programmaleider's flag (issue 19): running projects nobody supervises. Admins see it for the whole installation.
  const ledIds = actor.isAdmin ? ("all" as const) : actor.ledPartnershipIds;
  const leads = actor.isAdmin || actor.ledPartnershipIds.length > 0;
  return {
    withoutBegeleider: leads ? projectsWithoutBegeleider(ledIds).slice(0, 50) : [],
    canCloseYear: actor.isAdmin || actor.ledPartnershipIds.some((id) => can(actor, "year:close", { partnershipIds: [id] })),
    nextSteps: nextStepsFor(actor),
    schoolActions: {
      overdue: schoolActions.filter((a) => a.overdue),
      open: schoolActions.filter((a) => a.status === "gepland" || a.status === "bezig").length,
      done: schoolActions.filter((a) => a.status === "gedaan").length,
    },
    name: user.name,
    memberships: user.memberships.map((m) => ({ id: m.id, role: m.role, organisationName: m.organisationName })),
    sections,
    admin: {
      organisations: can(actor, "organisations:view"),
      invite: can(actor, "invitation:manage"),
      import: can(actor, "import:use"),
    },
  };
}

export default function Dashboard() {
  const { name, memberships, sections, admin, schoolActions, withoutBegeleider, canCloseYear, nextSteps } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="stack-lg">
      <header>
        <h1>{t("home.title", { name })}</h1>
        <p className="lead">{t("app.tagline")}</p>
      </header>

      <NextStepsCard steps={nextSteps} />
      {schoolActions.overdue.length > 0 ? (
        <section aria-labelledby="overdue-title" className="alert alert--error">
          <h2 id="overdue-title">{t("results.reminders.title")}</h2>
          <ul className="link-list">
            {schoolActions.overdue.map((a) => (
              <li key={a.id}>
                <Link to={`/opbrengsten/${a.resultId}#acties`}>{t("results.reminders.item", { title: a.title, date: a.dueDate })}</Link>{" "}
                <span className="muted">— {a.resultTitle}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {withoutBegeleider.length > 0 ? (
        <section aria-labelledby="no-begeleider-title" className="alert alert--info" data-testid="without-begeleider">
          <h2 id="no-begeleider-title">{t("install.dashboard.withoutBegeleider")}</h2>
          <p>{t("install.dashboard.withoutBegeleiderIntro")}</p>
          <ul className="link-list">
            {withoutBegeleider.map((p) => (
              <li key={p.id}>
                <Link to={`/projecten/${p.id}#begeleiders`}>{p.title}</Link> <span className="muted">— {p.schoolName}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {schoolActions.open + schoolActions.done > 0 ? (
        <section aria-labelledby="actions-title" className="card">
          <h2 id="actions-title">{t("results.reminders.schoolTitle")}</h2>
          <p>{t("results.actionsDone", { done: schoolActions.done, total: schoolActions.open + schoolActions.done })}</p>
          <p>
            <Link to="/opbrengsten">{t("results.reminders.toResults")}</Link>
          </p>
        </section>
      ) : null}

      <section aria-labelledby="roles-title" className="card">
        <h2 id="roles-title">{t("home.yourRoles")}</h2>
        {memberships.length === 0 ? (
          <p>{t("home.noRoles")}</p>
        ) : (
          <ul className="role-list">
            {memberships.map((m) => (
              <li key={m.id}>
                {t("home.roleAt", {
                  role: t(`roles.${m.role}`),
                  organisation: m.organisationName ?? t("home.platform"),
                })}
              </li>
            ))}
          </ul>
        )}
      </section>

      {admin.organisations || admin.invite || admin.import || canCloseYear ? (
        <section aria-labelledby="admin-title" className="card">
          <h2 id="admin-title">{t("home.adminTitle")}</h2>
          <ul className="link-list">
            {admin.organisations ? (
              <li>
                <Link to="/organisaties">{t("home.adminOrganisations")}</Link>
              </li>
            ) : null}
            {admin.invite ? (
              <li>
                <Link to="/beheer/uitnodigingen">{t("home.adminInvite")}</Link>
              </li>
            ) : null}
            {admin.import ? (
              <li>
                <Link to="/beheer/import">{t("import.homeLink")}</Link>
              </li>
            ) : null}
            {canCloseYear ? (
              <>
                <li>
                  <Link to="/labs">{t("install.dashboard.labs")}</Link>
                </li>
                <li>
                  <Link to="/jaarafsluiting">{t("install.dashboard.yearEnd")}</Link>
                </li>
              </>
            ) : null}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="next-title">
        <h2 id="next-title">{t("home.nextTitle")}</h2>
        <ul className="section-grid">
          {sections.map((key) => (
            <li key={key} className="section-card">
              <h3>
                {SECTION_LINKS[key] ? (
                  <Link to={SECTION_LINKS[key]}>{t(`home.sections.${key}.title`)}</Link>
                ) : (
                  t(`home.sections.${key}.title`)
                )}
              </h3>
              <p>{t(`home.sections.${key}.text`)}</p>
              {SECTION_LINKS[key] ? null : <p className="badge">{t("home.comingSoon")}</p>}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
