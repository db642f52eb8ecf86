import { useTranslation } from "react-i18next";
import type { PlanSectionContent } from "../domain/plan-document";
import { PlanSections, PresenceList, SaveStatusText, StaticSection } from "./plan-layout";
import { SectionEditor } from "./section-editor";
import { usePlanConnection } from "./use-plan-connection";

type Props = {
  room: string;
  user: { name: string; color: string };
  canEdit: boolean;
  sections: PlanSectionContent[];
};

/**
 * The live plan (browser only, loaded lazily): one connection, one editor per
 * section once the first sync is in, the server text until then.
 */
export default function PlanLive({ room, user, canEdit, sections }: Props) {
  const { t } = useTranslation();
  const connection = usePlanConnection(room, user, canEdit);
  const live = connection?.ready ? connection : null;
  return (
    <div className="plan-layout">
      <aside className="plan-aside" aria-label={t("plan.editor.presence")}>
        <SaveStatusText status={connection?.status ?? "connecting"} />
        <PresenceList peers={connection?.peers ?? []} />
      </aside>
      <PlanSections
        renderBody={(sectionId, heading) =>
          live ? (
            <SectionEditor
              sectionId={sectionId}
              heading={heading}
              doc={live.doc}
              provider={live.provider}
              user={user}
              editable={canEdit && live.status !== "denied"}
            />
          ) : (
            <StaticSection sections={sections} sectionId={sectionId} />
          )
        }
      />
    </div>
  );
}
