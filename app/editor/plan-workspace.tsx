import type { Editor } from "@tiptap/core";
import type * as Y from "yjs";
import { useBeforeUnload, useBlocker, useRevalidator } from "@remix-run/react";
import { memo, useCallback, useEffect, useMemo, useRef, useState } from "react";
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
import { useEditorSchedule } from "./use-editor-schedule";
import { usePlanConnection, type LiveModule, type LivePlan } from "./use-plan-connection";

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
  const { mounted, mountNow } = useEditorSchedule(!!live, PLAN_SECTION_IDS);
  // A click on a section still showing its server text: that editor now, with the caret in it.
  const [focusOnMount, setFocusOnMount] = useState<string | null>(null);
  const onPointerDown = (event: React.PointerEvent) => {
    const id = (event.target as HTMLElement).closest("section.plan-section")?.id;
    if (!live || !id || mounted.has(id) || !(event.target as HTMLElement).closest(".plan-static")) return;
    setFocusOnMount(id);
    mountNow(id);
  };
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

  const editable = canEdit && !!live && !cannotSave(live.status);
  const liveModule = live?.live ?? null;
  // Stable between renders: the page re-renders on every status and presence
  // change, and the thirteen sections (memoized below) must not follow.
  const applier = useCallback<SuggestionApplier>(
    (sectionId, thread) => {
      const editor = editors.current.get(sectionId);
      return editor && liveModule ? liveModule.applySuggestion(editor, thread.anchor ?? null, thread.quote, thread.suggestion ?? "") : false;
    },
    [liveModule],
  );
  const selection = useCallback((sectionId: string) => liveModule?.selectionAnchor(editors.current.get(sectionId)) ?? null, [liveModule]);
  const threadsBySection = useMemo(() => {
    const map = new Map<string, ThreadView[]>();
    for (const th of threads) map.set(th.sectionId, [...(map.get(th.sectionId) ?? []), th]);
    return map;
  }, [threads]);

  return (
    <div className="plan-layout" data-plan-room={room} data-plan-user={JSON.stringify(user)} data-plan-can-edit={canEdit ? "true" : "false"}>
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
      <div className="plan-main" onFocus={onFocus} onPointerDown={onPointerDown}>
        <PlanSections
          renderBody={(sectionId, heading) => (
            <SectionBody
              sectionId={sectionId}
              heading={heading}
              planId={planId}
              sections={sections}
              live={live && mounted.has(sectionId) ? liveModule : null}
              doc={live?.plan.doc ?? null}
              provider={live?.plan.provider ?? null}
              user={user}
              editable={editable}
              canEdit={canEdit}
              onEditor={onEditor}
              anchors={anchors.get(sectionId)}
              caretOnMount={focusOnMount === sectionId}
              ethics={ethics}
              consentPolicy={consentPolicy}
              canSignOff={canSignOff}
              threads={threadsBySection.get(sectionId) ?? NO_THREADS}
              canComment={canComment}
              applySuggestion={editable && live && mounted.has(sectionId) ? applier : undefined}
              selection={selection}
            />
          )}
        />
      </div>
    </div>
  );
}

const NO_THREADS: ThreadView[] = [];

type SectionBodyProps = {
  sectionId: string;
  heading: string;
  planId: string;
  sections: PlanSectionContent[];
  /** The editor's module once this section's editor may exist; null shows the server's text. */
  live: LiveModule | null;
  doc: Y.Doc | null;
  provider: LivePlan["provider"] | null;
  user: Props["user"];
  editable: boolean;
  canEdit: boolean;
  onEditor: (sectionId: string, editor: Editor | null) => void;
  anchors: { id: string; anchor: string }[] | undefined;
  caretOnMount: boolean;
  ethics: EthicsAnswers;
  consentPolicy: ConsentPolicy;
  canSignOff: boolean;
  threads: ThreadView[];
  canComment: boolean;
  applySuggestion: SuggestionApplier | undefined;
  selection: (sectionId: string) => ReturnType<LiveModule["selectionAnchor"]> | null;
};

/** One section's text, checklist and comments; memoized, so a presence or status change does not re-render it. */
const SectionBody = memo(function SectionBody(props: SectionBodyProps) {
  const { sectionId, heading, planId, sections, live, doc, provider, user, editable, canEdit, onEditor, anchors, caretOnMount } = props;
  const { ethics, consentPolicy, canSignOff, threads, canComment, applySuggestion, selection } = props;
  const selectionHere = useCallback(() => selection(sectionId), [selection, sectionId]);
  return (
    <>
      {live && doc && provider ? (
        <live.SectionEditor
          sectionId={sectionId}
          heading={heading}
          doc={doc}
          provider={provider}
          user={user}
          editable={editable}
          onEditor={onEditor}
          anchors={anchors}
          caretOnMount={caretOnMount}
        />
      ) : (
        <StaticSection sections={sections} sectionId={sectionId} />
      )}
      {sectionId === "ethiek" ? (
        <EthicsChecklist
          planId={planId}
          initial={ethics}
          policy={consentPolicy}
          doc={doc}
          canEdit={canEdit && !(doc && !editable)}
          canSignOff={canSignOff}
        />
      ) : null}
      <SectionComments
        planId={planId}
        sectionId={sectionId}
        heading={heading}
        threads={threads}
        canComment={canComment}
        canSuggest={canComment && !canEdit}
        canAccept={canEdit}
        applySuggestion={applySuggestion}
        selection={selectionHere}
      />
    </>
  );
});

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
