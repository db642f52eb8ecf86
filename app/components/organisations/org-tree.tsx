import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { OrgNode, PartnershipNode, Person } from "../../models/organisation.server";
import { ConsentAgeSetting } from "./consent-age";
import { ArchivedBadge, RenameForm } from "./rename-form";

/** One partnership in the tree: its settings, people, schools and institutes. */
export function PartnershipCard({ partnership: p, canCreate, manage }: { partnership: PartnershipNode; canCreate: boolean; manage: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="card stack" aria-labelledby={`p-${p.id}`}>
      <h3 id={`p-${p.id}`}>{p.name}</h3>
      {p.archived ? <ArchivedBadge /> : null}
      {canCreate ? <RenameForm value={`partnership:${p.id}`} current={p.name} archived={p.archived} /> : null}
      <ConsentAgeSetting partnership={p} />
      <PeopleDetails people={p.people} manage={manage} />
      <h4>{t("organisations.schools")}</h4>
      {p.schools.length === 0 ? <p className="muted">{t("organisations.manage.noSchools")}</p> : null}
      <ul className="org-list">
        {p.schools.map((s) => (
          <OrgItem key={s.id} org={s} kind="school" canRename={canCreate} manage={manage} place={p.id} />
        ))}
      </ul>
      <h4>{t("organisations.institutes")}</h4>
      {p.institutes.length === 0 ? <p className="muted">{t("organisations.manage.noInstitutes")}</p> : null}
      <ul className="org-list">
        {p.institutes.map((i) => (
          <OrgItem key={i.id} org={i} kind="institute" canRename={canCreate} manage={manage} place={p.id} />
        ))}
      </ul>
    </section>
  );
}

function OrgItem({ org, kind, canRename, manage, place }: { org: OrgNode; kind: "school" | "institute"; canRename: boolean; manage: boolean; place: string }) {
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
      {org.archived ? (
        <>
          {" "}
          <ArchivedBadge />
        </>
      ) : null}
      {org.canInvite ? (
        <p>
          <Link to={`/beheer/uitnodigingen?organisatie=${kind}:${org.id}`} aria-label={t("organisations.manage.inviteInto", { name: org.name })}>
            {t("organisations.manage.inviteShort")}
          </Link>
        </p>
      ) : null}
      {canRename ? <RenameForm value={`${kind}:${org.id}`} current={org.name} archived={org.archived} place={place} /> : null}
      <PeopleDetails people={org.people} manage={manage} />
    </li>
  );
}

/** A disclosure per organisation keeps a 150-person region readable. */
function PeopleDetails({ people, manage }: { people: Person[] | null; manage: boolean }) {
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
                {manage ? (
                  <Link to={`/personen/${person.userId}`} aria-label={t("install.people.manageLabel", { name: person.name })}>
                    {person.name}
                  </Link>
                ) : (
                  person.name
                )}
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
