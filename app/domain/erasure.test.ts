import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { ERASED_NAME, erasedEmail, isErasedEmail, scrubPlanDocument, scrubPlanState } from "./erasure";
import { ETHICS_SIGNOFF_MAP, PLAN_SIGNALS_MAP } from "./plan-template";

const contains = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(Buffer.from(text, "utf8"));

function planWithNames(): Y.Doc {
  const doc = new Y.Doc({ gc: true });
  doc.getXmlFragment("section:aanleiding").insert(0, [new Y.XmlText("Gedeelde tekst blijft staan.")]);
  doc.getMap(PLAN_SIGNALS_MAP).set("comments", { at: "x", byId: "u-1", byName: "Annelies de Graaf", sectionId: "doel", intent: "create" });
  doc.getMap(PLAN_SIGNALS_MAP).set("restored", { at: "x", byId: "u-2", byName: "Lotte Jansen", versionName: "v1" });
  doc.getMap(ETHICS_SIGNOFF_MAP).set("signoff", { name: "Annelies de Graaf", at: "x", byId: "u-1", answers: "f" });
  return doc;
}

describe("erasure", () => {
  it("gives every erased person a unique address that can never receive mail", () => {
    expect(erasedEmail("a")).not.toBe(erasedEmail("b"));
    expect(erasedEmail("a")).toMatch(/\.invalid$/);
    expect(isErasedEmail(erasedEmail("a"))).toBe(true);
  });

  it("rewrites the records that name the person and nothing else", () => {
    const doc = planWithNames();
    expect(scrubPlanDocument(doc, "u-1")).toBe(2);
    expect(doc.getMap(PLAN_SIGNALS_MAP).get("comments")).toMatchObject({ byId: "u-1", byName: ERASED_NAME });
    expect(doc.getMap(ETHICS_SIGNOFF_MAP).get("signoff")).toMatchObject({ name: ERASED_NAME, answers: "f" });
    expect(doc.getMap(PLAN_SIGNALS_MAP).get("restored")).toMatchObject({ byName: "Lotte Jansen" });
    expect(doc.getXmlFragment("section:aanleiding").toString()).toContain("Gedeelde tekst blijft staan.");
  });

  it("leaves no trace of the old name in the re-encoded state", () => {
    const doc = planWithNames();
    const before = Y.encodeStateAsUpdate(doc);
    expect(contains(before, "Annelies de Graaf")).toBe(true);
    const after = scrubPlanState(before, "u-1")!;
    expect(contains(after, "Annelies de Graaf")).toBe(false);
    expect(contains(after, "Lotte Jansen")).toBe(true);
    expect(contains(after, "Gedeelde tekst blijft staan.")).toBe(true);
    expect(scrubPlanState(after, "u-3")).toBeNull();
  });
});
