import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RegionNode } from "../../models/organisation.server";
import { PartnershipCard } from "./org-tree";
import { ArchivedBadge, RenameForm } from "./rename-form";
import { useOrganisationsReply } from "./reply";
import { InstituteForm, LinkForm, PartnershipForm, RegionForm, SchoolForm, type LinkableOrganisation } from "./tree-forms";

type Named = { id: string; name: string };

/** What /organisaties loads: the tree, and which forms this person may use. */
export type OrganisationsViewData = {
  regions: RegionNode[];
  canInvite: boolean;
  canCreate: boolean;
  canManagePeople: boolean;
  memberTargets: Named[];
  linkTargets: Named[];
  linkable: LinkableOrganisation[];
  unlinked: Named[];
};

/** The organisation tree with its forms (issue 19): regions, partnerships, schools and institutes. */
export function OrganisationsView({ regions, canInvite, canCreate, canManagePeople, memberTargets, linkTargets, linkable, unlinked }: OrganisationsViewData) {
  const actionData = useOrganisationsReply();
  const refused = actionData && "refused" in actionData ? actionData.refused : undefined;
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
      {refused ? (
        <div className="alert alert--error" role="alert">
          {refused}
        </div>
      ) : null}
      {regions.length === 0 ? <p className="empty">{canCreate ? t("organisations.emptyAdmin") : t("organisations.empty")}</p> : null}
      {canCreate || memberTargets.length > 0 || linkTargets.length > 0 ? (
        <section className="card stack" aria-labelledby="manage-tree">
          <h2 id="manage-tree">{t("organisations.manage.title")}</h2>
          {canCreate ? (
            <>
              <RegionForm />
              {regions.some((r) => !r.archived) ? <PartnershipForm regions={regions.filter((r) => !r.archived).map((r) => ({ id: r.id, name: r.name }))} /> : null}
            </>
          ) : null}
          {memberTargets.length > 0 ? <SchoolForm partnerships={memberTargets} /> : null}
          {memberTargets.length > 0 ? <InstituteForm partnerships={memberTargets} /> : null}
          {linkTargets.length > 0 && linkable.length > 0 ? <LinkForm partnerships={linkTargets} organisations={linkable} /> : null}
          {canCreate && regions.length > 0 && memberTargets.length === 0 ? <p className="muted">{t("organisations.manage.nextPartnership")}</p> : null}
        </section>
      ) : null}
      {unlinked.length > 0 ? (
        <section className="card stack" aria-labelledby="unlinked">
          <h2 id="unlinked">{t("organisations.manage.unlinkedTitle")}</h2>
          <p className="muted">{t("organisations.manage.unlinkedHelp")}</p>
          <ul className="org-list">
            {unlinked.map((o) => (
              <li key={o.id}>{o.name}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {regions.map((region) => (
        <section key={region.id} aria-labelledby={`region-${region.id}`} className="stack">
          <h2 id={`region-${region.id}`}>{region.name}</h2>
          {region.archived ? <ArchivedBadge /> : null}
          {canCreate ? <RenameForm value={`region:${region.id}`} current={region.name} archived={region.archived} /> : null}
          {region.partnerships.length === 0 ? (
            <p className="empty">{canCreate ? t("organisations.manage.noPartnershipsAdmin") : t("organisations.manage.noPartnerships")}</p>
          ) : null}
          {region.partnerships.map((p) => (
            <PartnershipCard key={p.id} partnership={p} canCreate={canCreate} manage={canManagePeople} />
          ))}
        </section>
      ))}
    </div>
  );
}
