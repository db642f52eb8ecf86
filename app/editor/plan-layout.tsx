import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { PlanSectionContent } from "../domain/plan-document";
import { PLAN_SECTIONS } from "../domain/plan-template";
import type { Person, SectionState } from "../domain/plan-workspace";
import { useHydrated } from "../utils/use-hydrated";
import type { SaveStatus } from "./connection-state";
import { StaticBlocks } from "./plan-static";

function useHeading() {
  const { i18n } = useTranslation();
  return (s: (typeof PLAN_SECTIONS)[number]) => (i18n.language === "en" ? s.headingEn : s.heading);
}

/**
 * The 13 template sections with heading and guidance; the body comes from the
 * caller. Each section's element id is the section id (contract 6.18), so
 * `#methode` jumps there from the table of contents or a shared link.
 */
export function PlanSections({ renderBody }: { renderBody: (sectionId: string, heading: string) => ReactNode }) {
  const { t } = useTranslation();
  const headingOf = useHeading();
  return (
    <div className="plan-sections">
      {PLAN_SECTIONS.map((s) => {
        const heading = headingOf(s);
        return (
          <section key={s.id} id={s.id} className="plan-section card" aria-labelledby={`kop-${s.id}`} tabIndex={-1}>
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

/** Server-rendered text of a section, shown until the live editor is ready (and for good without JavaScript). */
export function StaticSection({ sections, sectionId }: { sections: PlanSectionContent[]; sectionId: string }) {
  const { t } = useTranslation();
  const section = sections.find((s) => s.id === sectionId);
  if (!section || section.blocks.length === 0) return <p className="muted plan-static plan-static--empty">{t("plan.editor.emptySection")}</p>;
  return (
    <div className="plan-static" data-section={sectionId}>
      <StaticBlocks blocks={section.blocks} />
    </div>
  );
}

export function SaveStatusText({ status }: { status: SaveStatus }) {
  const { t } = useTranslation();
  return (
    <p className={`plan-status plan-status--${status}`} role="status" aria-live="polite" data-status={status}>
      {t(`plan.editor.status.${status}`)}
      {status === "offline" ? <span className="plan-status__hint">{t("plan.editor.status.offlineHint")}</span> : null}
    </p>
  );
}

/** Narrow screens (phones): the table of contents and presence fold into buttons of the sticky bar. */
function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const query = window.matchMedia("(max-width: 59.99rem)");
    const update = () => setNarrow(query.matches);
    update();
    query.addEventListener("change", update);
    return () => query.removeEventListener("change", update);
  }, []);
  return narrow;
}

/**
 * A panel that is always open on wide screens and a menu button on phones.
 * Without JavaScript it stays open everywhere (nothing hides what cannot be opened).
 */
function Fold({ label, title, children, className }: { label: string; title: string; children: ReactNode; className: string }) {
  const hydrated = useHydrated();
  const narrow = useNarrow();
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const folding = hydrated && narrow;
  const shown = !folding || open;
  // Choosing an entry of the table of contents on a phone closes the menu.
  useEffect(() => {
    if (!folding) return;
    const close = () => setOpen(false);
    window.addEventListener("hashchange", close);
    return () => window.removeEventListener("hashchange", close);
  }, [folding]);
  // The open menu lies over the text: Escape closes it and returns to its button.
  useEffect(() => {
    if (!folding || !open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [folding, open]);
  return (
    <div className={`${className} plan-fold${folding ? " plan-fold--folding" : ""}`} data-open={shown ? "true" : "false"}>
      {folding ? (
        <button ref={button} type="button" className="plan-fold__button button button--secondary button--small" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
          {label}
        </button>
      ) : (
        <h2 className="plan-fold__title">{title}</h2>
      )}
      <div id={id} className="plan-fold__panel" hidden={!shown}>
        {children}
      </div>
    </div>
  );
}

/** Table of contents (contract 6.18): a link to every section with its state. */
export function PlanToc({ states, current }: { states: Record<string, SectionState>; current: string | null }) {
  const { t } = useTranslation();
  const headingOf = useHeading();
  return (
    <nav aria-label={t("plan.editor.toc")} className="plan-toc">
      <Fold className="plan-toc__fold" label={t("plan.editor.tocButton")} title={t("plan.editor.toc")}>
        <ol className="plan-toc__list">
          {PLAN_SECTIONS.map((s) => {
            const state = states[s.id] ?? "empty";
            return (
              <li key={s.id}>
                <a href={`#${s.id}`} className="plan-toc__link" aria-current={current === s.id ? "location" : undefined} data-state={state}>
                  <span className={`plan-toc__dot plan-toc__dot--${state}`} aria-hidden="true" />
                  <span className="plan-toc__name">{headingOf(s)}</span>
                  <span className="plan-toc__state">{t(`plan.editor.sectionState.${state}`)}</span>
                </a>
              </li>
            );
          })}
        </ol>
      </Fold>
    </nav>
  );
}

export function PresenceList({ people }: { people: Person[] }) {
  const { t } = useTranslation();
  const headingOf = useHeading();
  const sectionName = (id: string) => {
    const s = PLAN_SECTIONS.find((x) => x.id === id);
    return s ? headingOf(s) : id;
  };
  return (
    <section className="plan-presence" aria-label={t("plan.editor.presence")}>
      <Fold className="plan-presence__fold" label={t("plan.editor.presenceButton", { count: people.length || 1 })} title={t("plan.editor.presence")}>
        <ul className="plan-presence__list">
          {people.map((p) => (
            <li key={p.id} className="plan-presence__item">
              <span className="plan-presence__dot" style={{ backgroundColor: p.color }} aria-hidden="true" />
              <span>
                <span className="plan-presence__name">{p.name}</span> {p.self ? <span className="muted">{t("plan.editor.you")}</span> : null}
                <span className="plan-presence__meta muted">
                  {[
                    p.role ? t(`plan.editor.role.${p.role}`) : null,
                    p.sections.length ? t("plan.editor.inSection", { section: p.sections.map(sectionName).join(", ") }) : null,
                    p.tabs > 1 ? t("plan.editor.tabs", { count: p.tabs }) : null,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
              </span>
            </li>
          ))}
        </ul>
        {people.filter((p) => !p.self).length === 0 ? <p className="muted">{t("plan.editor.presenceEmpty")}</p> : null}
      </Fold>
    </section>
  );
}
