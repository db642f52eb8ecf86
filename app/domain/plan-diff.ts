import { diffWordsWithSpace } from "diff";
import { blocksToPlainText, type PlanSectionContent } from "./plan-document";

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };
export type SectionDiff = { id: string; heading: string; changed: boolean; parts: DiffPart[] };

/** Word diff per section, from a version (before) to the current text (after). Pure. */
export function diffPlanSections(before: PlanSectionContent[], after: PlanSectionContent[]): SectionDiff[] {
  return after.map((section) => {
    const old = before.find((s) => s.id === section.id);
    // Trailing empty lines are not a change a reader can see (the editor adds an
    // empty paragraph after a list that ends a section).
    const a = old ? blocksToPlainText(old.blocks).trimEnd() : "";
    const b = blocksToPlainText(section.blocks).trimEnd();
    const parts: DiffPart[] = diffWordsWithSpace(a, b).map((c) => ({
      kind: c.added ? "added" : c.removed ? "removed" : "same",
      text: c.value,
    }));
    return { id: section.id, heading: section.heading, changed: a !== b, parts };
  });
}
