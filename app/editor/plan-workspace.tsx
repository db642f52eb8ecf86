import type { Editor } from "@tiptap/core";
import type * as Y from "yjs";
import { useBeforeUnload, useBlocker, useRevalidator } from "@remix-run/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PlanSectionContent } from "../domain/plan-document";
import type { ConsentPolicy, EthicsAnswers } from "../domain/plan-ethics";
import { COMMENTS_SIGNAL, PLAN_SECTIONS, PLAN_SIGNALS_MAP, RESTORE_SIGNAL, type CommentsSignal, type RestoreSignal } from "../domain/plan-template";
import { EthicsChecklist } from "./ethics-checklist";
import { SectionComments, type ThreadView } from "./plan-comments";
import { PlanSections, PresenceList, SaveStatusText, StaticSection } from "./plan-layout";
import { selectionAnchor } from "./selection-anchor";
import { SectionEditor } from "./section-editor";
import { cannotSave, usePlanConnection, type PlanConnection } from "./use-plan-connection";
import { useHydrated } from "../utils/use-hydrated";

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
 * The plan page body. On the server (and before the first sync) it shows the
 * persisted text; the connection starts in an effect, so Tiptap and the socket
 * only ever run in the browser. The tree stays the same when the editors
 * arrive, so half-typed comment forms are kept.
 */
export function PlanWorkspace({ room, user, canEdit, sections, planId, threads, canComment, ethics, consentPolicy, canSignOff }: Props) {
  const { t } = useTranslation();
  const editors = useRef(new Map<string, Editor>());
  const onEditor = useCallback((sectionId: string, editor: Editor | null) => {
    if (editor) editors.current.set(sectionId, editor);
    else editors.current.delete(sectionId);
  }, []);
  const anchors = useMemo(() => anchorsBySection(threads), [threads]);
  const connection = usePlanConnection(room, user, canEdit);
  useLeaveGuard(connection);
  const hydrated = useHydrated();
  const live = connection?.ready ? connection : null;
  const newFeedback = useLiveComments(live?.doc ?? null, user.id);
  return (
    <div className="plan-layout">
      <aside className="plan-aside" aria-label={t("plan.editor.presence")}>
        <SaveStatusText status={connection?.status ?? "connecting"} />
        {/* Until hydration (and for good without JavaScript): say why nothing can be typed yet. */}
        {hydrated ? null : <p className="hint-box">{t("plan.editor.noScript")}</p>}
        <PresenceList peers={connection?.peers ?? []} />
        <p className="muted plan-aside__news" role="status">
          {newFeedback}
        </p>
      </aside>
      <PlanSections
        renderBody={(sectionId, heading) => (
          <>
            {live ? (
              <SectionEditor
                sectionId={sectionId}
                heading={heading}
                doc={live.doc}
                provider={live.provider}
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
                doc={live?.doc ?? null}
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
              selection={() => selectionAnchor(editors.current.get(sectionId))}
            />
          </>
        )}
      />
    </div>
  );
}

/**
 * "Verbinding verbroken — je wijzigingen worden bewaard" holds only while this
 * tab stays open: what was typed offline is sent when the connection returns.
 * Closing the tab or leaving the page before that asks first.
 */
function useLeaveGuard(connection: PlanConnection | null): void {
  const { t } = useTranslation();
  const hasUnsaved = useRef<() => boolean>(() => false);
  hasUnsaved.current = connection?.hasUnsaved ?? (() => false);
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
