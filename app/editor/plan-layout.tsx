import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { PlanSectionContent } from "../domain/plan-document";
import { PLAN_SECTIONS } from "../domain/plan-template";
import { StaticBlocks } from "./plan-static";
import type { Peer, SaveStatus } from "./use-plan-connection";

/** The 13 template sections with heading and guidance; the body comes from the caller. */
export function PlanSections({ renderBody }: { renderBody: (sectionId: string, heading: string) => ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="plan-sections">
      {PLAN_SECTIONS.map((s) => {
        const heading = i18n.language === "en" ? s.headingEn : s.heading;
        return (
          <section key={s.id} id={`sectie-${s.id}`} className="plan-section card" aria-labelledby={`kop-${s.id}`}>
            <h2 id={`kop-${s.id}`}>{heading}</h2>
            <p className="plan-section__guidance">
              <span className="plan-section__guidance-label">{t("plan.editor.guidance")}:</span> {s.guidance}
            </p>
            {renderBody(s.id, heading)}
          </section>
        );
      })}
    </div>
  );
}

/** Server-rendered text of a section, shown until the live editor is ready. */
export function StaticSection({ sections, sectionId }: { sections: PlanSectionContent[]; sectionId: string }) {
  const { t } = useTranslation();
  const section = sections.find((s) => s.id === sectionId);
  if (!section || section.blocks.length === 0) return <p className="muted">{t("plan.editor.emptySection")}</p>;
  return (
    <div className="plan-static">
      <StaticBlocks blocks={section.blocks} />
    </div>
  );
}

export function SaveStatusText({ status }: { status: SaveStatus }) {
  const { t } = useTranslation();
  return (
    <p className={`plan-status plan-status--${status}`} role="status" aria-live="polite" data-status={status}>
      {t(`plan.editor.status.${status}`)}
      {/* Kept means kept in this tab: say so, the tab is the only copy until the connection returns. */}
      {status === "offline" ? <span className="plan-status__hint">{t("plan.editor.status.offlineHint")}</span> : null}
    </p>
  );
}

export function PresenceList({ peers }: { peers: Peer[] }) {
  const { t } = useTranslation();
  return (
    <section className="plan-presence" aria-labelledby="presence-title">
      <h2 id="presence-title" className="plan-presence__title">
        {t("plan.editor.presence")}
      </h2>
      <ul className="plan-presence__list">
        {peers.map((p) => (
          <li key={p.clientId} className="plan-presence__item">
            <span className="plan-presence__dot" style={{ backgroundColor: p.color }} aria-hidden="true" />
            {p.name} {p.self ? <span className="muted">{t("plan.editor.you")}</span> : null}
          </li>
        ))}
      </ul>
      {peers.filter((p) => !p.self).length === 0 ? <p className="muted">{t("plan.editor.presenceEmpty")}</p> : null}
    </section>
  );
}
