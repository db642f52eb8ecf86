import type { Editor } from "@tiptap/core";
import type * as Y from "yjs";
import { useBeforeUnload, useBlocker, useRevalidator } from "@remix-run/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PlanSectionContent } from "../domain/plan-document";
import type { ConsentPolicy, EthicsAnswers } from "../domain/plan-ethics";
import {
  COMMENTS_SIGNAL,
  PLAN_SECTION_IDS,
  PLAN_SECTIONS,
  PLAN_SIGNALS_MAP,
  RESTORE_SIGNAL,
  type CommentsSignal,
  type RestoreSignal,
} from "../domain/plan-template";
import { mergePresence, sectionStates, type PresenceState, type SectionState } from "../domain/plan-workspace";
import { useHydrated } from "../utils/use-hydrated";
import { cannotSave } from "./connection-state";
import { EthicsChecklist } from "./ethics-checklist";
import { SectionComments, type SuggestionApplier, type ThreadView } from "./plan-comments";
import { PlanSections, PlanToc, PresenceList, SaveStatusText, StaticSection } from "./plan-layout";
import { usePlanConnection } from "./use-plan-connection";

/** Open, anchored threads per section (stable until the threads change). */
function anchorsBySection(threads: ThreadView[]) {
  const map = new Map<string, { id: string; anchor: string }[]>();
  for (const th of threads) {
    if (th.resolvedAt || !th.anchor) continue;
    map.set(th.sectionId, [...(map.get(th.sectionId) ?? []), { id: th.id, anchor: th.anchor }]);
  }
  return map;
}

type Props = {
  room: string;
  user: { id: string; name: string; color: string };
  canEdit: boolean;
  sections: PlanSectionContent[];
  planId: string;
  threads: ThreadView[];
  canComment: boolean;
  ethics: EthicsAnswers;
  consentPolicy: ConsentPolicy;
  canSignOff: boolean;
};

/**
 * The plan page body. On the server (and until the editor's code has loaded
 * and synced) it shows the persisted text as plain HTML; the editor arrives
 * as a separate chunk after the first paint. The tree stays the same when the
 * editors arrive, so half-typed comment forms are kept.
 */
export function PlanWorkspace({ room, user, canEdit, sections, planId, threads, canComment, ethics, consentPolicy, canSignOff }: Props) {
  const { t } = useTranslation();
  const editors = useRef(new Map<string, Editor>());
  const onEditor = useCallback((sectionId: string, editor: Editor | null) => {
    if (editor) editors.current.set(sectionId, editor);
    else editors.current.delete(sectionId);
  }, []);
  const anchors = useMemo(() => anchorsBySection(threads), [threads]);
  const { connection, status, hasUnsaved } = usePlanConnection(room, user, canEdit);
  useLeaveGuard(hasUnsaved);
  const hydrated = useHydrated();
  const live = connection?.ready ? connection : null;
  const newFeedback = useLiveComments(live?.plan.doc ?? null, user.id);
  const states = useSectionStates(sections, threads, live?.plan.doc ?? null);
  const people = useMemo(
    () => (connection ? mergePresence(connection.states as PresenceState[], connection.selfClientId, user.id, PLAN_SECTION_IDS) : []),
    [connection, user.id],
  );
  const [current, setCurrent] = useState<string | null>(null);
  const setSection = connection?.plan.setSection;
  // Where this person is: the section that holds the focus (editor, comment form).
  const onFocus = (event: React.FocusEvent) => {
    const id = (event.target as HTMLElement).closest("section.plan-section")?.id ?? null;
    setCurrent(id);
    setSection?.(id);
  };
  useEffect(() => setSection?.(current), [setSection, current]);

  const applier: SuggestionApplier | undefined =
    canEdit && live && !cannotSave(live.status)
      ? (sectionId, thread) => {
          const editor = editors.current.get(sectionId);
          return editor ? live.live.applySuggestion(editor, thread.anchor ?? null, thread.quote, thread.suggestion ?? "") : false;
        }
      : undefined;

  return (
    <div className="plan-layout">
      <aside className="plan-aside" aria-label={t("plan.editor.tools")}>
        <SaveStatusText status={status} />
        {/* Until hydration (and for good without JavaScript): say why nothing can be typed yet. */}
        {hydrated ? null : <p className="hint-box plan-aside__noscript">{t("plan.editor.noScript")}</p>}
        <div className="plan-aside__menus">
          <PlanToc states={states} current={current} />
          <PresenceList people={people} />
        </div>
        <p className="muted plan-aside__news" role="status">
          {newFeedback}
        </p>
      </aside>
      <div className="plan-main" onFocus={onFocus}>
        <PlanSections
          renderBody={(sectionId, heading) => (
            <>
              {live ? (
                <live.live.SectionEditor
                  sectionId={sectionId}
                  heading={heading}
                  doc={live.plan.doc}
                  provider={live.plan.provider}
                  user={user}
                  editable={canEdit && !cannotSave(live.status)}
                  onEditor={onEditor}
                  anchors={anchors.get(sectionId)}
                />
              ) : (
                <StaticSection sections={sections} sectionId={sectionId} />
              )}
              {sectionId === "ethiek" ? (
                <EthicsChecklist
                  planId={planId}
                  initial={ethics}
                  policy={consentPolicy}
                  doc={live?.plan.doc ?? null}
                  canEdit={canEdit && !(live && cannotSave(live.status))}
                  canSignOff={canSignOff}
                />
              ) : null}
              <SectionComments
                planId={planId}
                sectionId={sectionId}
                heading={heading}
                threads={threads.filter((th) => th.sectionId === sectionId)}
                canComment={canComment}
                canSuggest={canComment && !canEdit}
                canAccept={canEdit}
                applySuggestion={applier}
                selection={() => live?.live.selectionAnchor(editors.current.get(sectionId)) ?? null}
              />
            </>
          )}
        />
      </div>
    </div>
  );
}

/** The table of contents' states: from the server first, then from the live text (debounced). */
function useSectionStates(sections: PlanSectionContent[], threads: ThreadView[], doc: Y.Doc | null): Record<string, SectionState> {
  const open = useMemo(() => threads.filter((th) => !th.resolvedAt), [threads]);
  const [written, setWritten] = useState<Set<string> | null>(null);
  useEffect(() => {
    if (!doc) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = () => {
      const ids = new Set<string>();
      for (const id of PLAN_SECTION_IDS) {
        const text = doc.getXmlFragment(`section:${id}`).toString().replace(/<[^>]*>/g, "");
        if (text.trim() !== "") ids.add(id);
      }
      setWritten(ids);
    };
    const onUpdate = () => {
      clearTimeout(timer);
      timer = setTimeout(read, 400);
    };
    read();
    doc.on("update", onUpdate);
    return () => {
      clearTimeout(timer);
      doc.off("update", onUpdate);
    };
  }, [doc]);
  return useMemo(() => {
    const base = sectionStates(sections, open);
    if (!written) return base;
    const out: Record<string, SectionState> = {};
    for (const id of PLAN_SECTION_IDS) out[id] = base[id] === "comments" ? "comments" : written.has(id) ? "written" : "empty";
    return out;
  }, [sections, open, written]);
}

/**
 * Leaving asks first only while changes exist nowhere but in this tab's
 * memory: not yet on this device's copy, not yet on the server.
 */
function useLeaveGuard(hasUnsavedNow: () => boolean): void {
  const { t } = useTranslation();
  const hasUnsaved = useRef(hasUnsavedNow);
  hasUnsaved.current = hasUnsavedNow;
  useBeforeUnload(
    useCallback((event: BeforeUnloadEvent) => {
      if (!hasUnsaved.current()) return;
      event.preventDefault();
      event.returnValue = ""; // older browsers show their own text only with this
    }, []),
  );
  const blocker = useBlocker(({ currentLocation, nextLocation }) => currentLocation.pathname !== nextLocation.pathname && hasUnsaved.current());
  useEffect(() => {
    if (blocker.state !== "blocked") return;
    if (window.confirm(t("plan.editor.leaveUnsaved"))) blocker.proceed();
    else blocker.reset();
  }, [blocker, t]);
}

/**
 * Comments live in SQLite; the server ticks the doc's signals map when they
 * change. On a tick from elsewhere we reload the page data (threads), which
 * keeps half-typed forms, and announce who wrote what where.
 */
function useLiveComments(doc: Y.Doc | null, ownId: string): string {
  const { t, i18n } = useTranslation();
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  const [message, setMessage] = useState("");
  useEffect(() => {
    if (!doc) return;
    const signals = doc.getMap(PLAN_SIGNALS_MAP);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onChange = (event: Y.YMapEvent<unknown>) => {
      if (event.transaction.local) return;
      if (event.keysChanged.has(RESTORE_SIGNAL)) {
        // The text changed under their hands: say who did it and where the old text is.
        const restored = signals.get(RESTORE_SIGNAL) as RestoreSignal | undefined;
        if (restored && restored.byId !== ownId) setMessage(t("plan.comments.live.restored", { name: restored.byName, version: restored.versionName }));
      }
      if (!event.keysChanged.has(COMMENTS_SIGNAL)) return;
      const signal = signals.get(COMMENTS_SIGNAL) as CommentsSignal | undefined;
      // Our own form submission reloads the page already (with its toast).
      if (!signal || signal.byId === ownId) return;
      // Several quick changes (a reply and a resolve) become one reload.
      clearTimeout(timer);
      timer = setTimeout(() => revalidate.current(), 200);
      const section = PLAN_SECTIONS.find((s) => s.id === signal.sectionId);
      const where = section ? (i18n.language === "en" ? section.headingEn : section.heading) : "";
      setMessage(t(`plan.comments.live.${signal.intent}`, { name: signal.byName, section: where }));
    };
    signals.observe(onChange);
    return () => {
      signals.unobserve(onChange);
      clearTimeout(timer);
    };
  }, [doc, ownId, t, i18n.language]);
  return message;
}
