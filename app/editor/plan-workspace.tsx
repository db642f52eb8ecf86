import type { Editor } from "@tiptap/core";
import { useCallback, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { PlanSectionContent } from "../domain/plan-document";
import type { ConsentPolicy, EthicsAnswers } from "../domain/plan-ethics";
import { EthicsChecklist } from "./ethics-checklist";
import { SectionComments, type ThreadView } from "./plan-comments";
import { PlanSections, PresenceList, SaveStatusText, StaticSection } from "./plan-layout";
import { selectionAnchor } from "./selection-anchor";
import { SectionEditor } from "./section-editor";
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
  user: { name: string; color: string };
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
  const live = connection?.ready ? connection : null;
  return (
    <div className="plan-layout">
      <aside className="plan-aside" aria-label={t("plan.editor.presence")}>
        <SaveStatusText status={connection?.status ?? "connecting"} />
        <PresenceList peers={connection?.peers ?? []} />
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
                editable={canEdit && live.status !== "denied"}
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
                canEdit={canEdit && live?.status !== "denied"}
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
