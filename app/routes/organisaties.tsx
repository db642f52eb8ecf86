import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { can } from "../domain/permissions";
import { loadOrganisationTree, type OrgNode, type Person } from "../models/organisation.server";
import { toActor } from "../models/user.server";
import { requirePermission } from "../utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Organisaties — Samen Onderzoeken" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "organisations:view");
  const actor = toActor(user);
  return { regions: loadOrganisationTree(actor), canInvite: can(actor, "invitation:manage") };
}

export default function OrganisationsPage() {
  const { regions, canInvite } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="stack-lg">
      <header className="page-header">
        <div>
          <h1>{t("organisations.title")}</h1>
          <p className="lead">{t("organisations.intro")}</p>
        </div>
        {canInvite ? (
          <Link className="button" to="/beheer/uitnodigingen">
            {t("organisations.invite")}
          </Link>
        ) : null}
      </header>
      {regions.length === 0 ? <p className="empty">{t("organisations.empty")}</p> : null}
      {regions.map((region) => (
        <section key={region.id} aria-labelledby={`region-${region.id}`} className="stack">
          <h2 id={`region-${region.id}`}>{region.name}</h2>
          {region.partnerships.map((p) => (
            <section key={p.id} className="card stack" aria-labelledby={`p-${p.id}`}>
              <h3 id={`p-${p.id}`}>{p.name}</h3>
              <PeopleDetails people={p.people} />
              <h4>{t("organisations.schools")}</h4>
              <ul className="org-list">
                {p.schools.map((s) => (
                  <OrgItem key={s.id} org={s} />
                ))}
              </ul>
              <h4>{t("organisations.institutes")}</h4>
              <ul className="org-list">
                {p.institutes.map((i) => (
                  <OrgItem key={i.id} org={i} />
                ))}
              </ul>
            </section>
          ))}
        </section>
      ))}
    </div>
  );
}

function OrgItem({ org }: { org: OrgNode }) {
  const { t } = useTranslation();
  const detail = org.detail.sector
    ? t("organisations.sectorCity", {
        sector: t(`sectors.${org.detail.sector}`),
        city: org.detail.city,
        board: org.detail.board,
      })
    : `${t(`instituteKinds.${org.detail.kind}`)} · ${org.detail.city}`;
  return (
    <li>
      <strong>{org.name}</strong> <span className="muted">{detail}</span>
      <PeopleDetails people={org.people} />
    </li>
  );
}

/** A disclosure per organisation keeps a 150-person region readable. */
function PeopleDetails({ people }: { people: Person[] | null }) {
  const { t } = useTranslation();
  if (people === null) return <p className="muted">{t("organisations.peopleHidden")}</p>;
  if (people.length === 0) return <p className="muted">{t("organisations.noPeople")}</p>;
  return (
    <details className="people">
      <summary>
        {t("organisations.people")}: {t("organisations.peopleCount", { count: people.length })}
      </summary>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("organisations.name")}</th>
            <th scope="col">{t("organisations.email")}</th>
            <th scope="col">{t("organisations.role")}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={`${person.userId}-${person.role}`}>
              <td>
                {person.name}
                {person.activated ? null : <span className="badge badge--muted"> {t("organisations.pending")}</span>}
              </td>
              <td>{person.email}</td>
              <td>{t(`roles.${person.role}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
