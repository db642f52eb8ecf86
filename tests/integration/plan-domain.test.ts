import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { buildDemoPlanState } from "../../scripts/seed/demo-plan";
import { diffPlanSections } from "../../app/domain/plan-diff";
import { planSectionsFromUpdate, planToMarkdown, readPlanSections } from "../../app/domain/plan-document";
import { ethicsComplete, readEthics, requiredConsent } from "../../app/domain/plan-ethics";
import { PLAN_SECTIONS } from "../../app/domain/plan-template";

/** The pure plan logic: Markdown rendering, diffs and the consent rule (no server needed). */
describe("plan Markdown", () => {
  it("renders headings, bold/italic, lists and escapes Markdown in plain text", () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment("section:methode");
    const p = new Y.XmlElement("paragraph");
    const text = new Y.XmlText();
    text.insert(0, "Gebruik ", { bold: null });
    text.insert(8, "vet", { bold: {} });
    text.insert(11, " en *sterren* ", { bold: null });
    text.insert(25, "schuin", { italic: {} });
    p.insert(0, [text]);
    const heading = new Y.XmlElement("heading");
    heading.setAttribute("level", 3 as unknown as string);
    heading.insert(0, [new Y.XmlText("Ontwerp")]);
    const list = new Y.XmlElement("orderedList");
    list.insert(
      0,
      ["eerst", "dan"].map((item) => {
        const li = new Y.XmlElement("listItem");
        const lp = new Y.XmlElement("paragraph");
        lp.insert(0, [new Y.XmlText(item)]);
        li.insert(0, [lp]);
        return li;
      }),
    );
    fragment.insert(0, [heading, p, list]);
    const md = planToMarkdown("Plan", readPlanSections(doc));
    expect(md).toContain("## Methode en onderzoeksontwerp\n\n### Ontwerp\n\nGebruik **vet** en \\*sterren\\* *schuin*\n\n1. eerst\n2. dan");
    expect(md.match(/^## /gm)).toHaveLength(13);
  });

  it("diffs a version against the current text per section", () => {
    const before = planSectionsFromUpdate(buildDemoPlanState());
    const doc = new Y.Doc();
    Y.applyUpdate(doc, buildDemoPlanState());
    const p = new Y.XmlElement("paragraph");
    p.insert(0, [new Y.XmlText("Nieuw")]);
    doc.getXmlFragment("section:doel").insert(0, [p]);
    const diff = diffPlanSections(before, readPlanSections(doc));
    expect(diff.filter((d) => d.changed).map((d) => d.id)).toEqual(["doel"]);
    expect(diff.find((d) => d.id === "doel")!.parts[0]).toEqual({ kind: "added", text: "Nieuw\n" });
  });

  it("does not call an empty paragraph at the end of a section a change", () => {
    const before = planSectionsFromUpdate(buildDemoPlanState());
    const doc = new Y.Doc();
    Y.applyUpdate(doc, buildDemoPlanState());
    doc.getXmlFragment("section:probleem").push([new Y.XmlElement("paragraph"), new Y.XmlElement("paragraph")]);
    expect(diffPlanSections(before, readPlanSections(doc)).filter((d) => d.changed)).toEqual([]);
  });

  it("seeds every section so that opening it in the editor changes nothing (a paragraph last, as Tiptap keeps it)", () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, buildDemoPlanState());
    for (const section of PLAN_SECTIONS) {
      const nodes = doc.getXmlFragment(`section:${section.id}`).toArray();
      if (nodes.length > 0) expect((nodes.at(-1) as Y.XmlElement).nodeName, section.id).toBe("paragraph");
    }
  });
});

describe("ethics checklist", () => {
  it("asks parents under 16 by default, pupils from 16, both for mixed groups, and follows a partnership's age", () => {
    expect(requiredConsent({ pupilsInvolved: "nee" })).toBe("none");
    expect(requiredConsent({ pupilsInvolved: "ja", ageGroups: ["onder-12"] })).toBe("parents");
    expect(requiredConsent({ pupilsInvolved: "ja", ageGroups: ["12-15"] })).toBe("parents");
    expect(requiredConsent({ pupilsInvolved: "ja", ageGroups: ["16-plus"] })).toBe("pupil");
    expect(requiredConsent({ pupilsInvolved: "ja", ageGroups: ["12-15", "16-plus"] })).toBe("parents-and-pupil");
    expect(requiredConsent({ pupilsInvolved: "ja", ageGroups: ["16-plus"] }, { parentalConsentUnderAge: 18 })).toBe("parents-and-pupil");
  });

  it("reads only well-formed answers from the shared map", () => {
    expect(readEthics({ pupilsInvolved: "misschien", ageGroups: ["onder-12", "99"], storage: 5 })).toEqual({});
    const ok = readEthics({ pupilsInvolved: "ja", ageGroups: ["onder-12"], dataMinimisation: "x", storage: "y", retention: "1-jaar" });
    expect(ethicsComplete(ok)).toBe(true);
    expect(ethicsComplete({ ...ok, storage: " " })).toBe(false);
  });
});
