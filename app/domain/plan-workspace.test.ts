import { describe, expect, it } from "vitest";
import { editorMountOrder, mergePresence, presenceRole, sectionStates } from "./plan-workspace";

describe("sectionStates", () => {
  it("tells empty, written and open feedback apart", () => {
    const states = sectionStates(
      [
        { id: "aanleiding", blocks: [{ type: "paragraph", inlines: [{ text: "Waarom" }] }] },
        { id: "doel", blocks: [{ type: "paragraph", inlines: [{ text: "  " }] }] },
        { id: "methode", blocks: [{ type: "list", ordered: false, items: [[{ type: "paragraph", inlines: [{ text: "interview" }] }]] }] },
        { id: "analyse", blocks: [] },
      ],
      [{ sectionId: "analyse" }],
    );
    expect(states).toEqual({ aanleiding: "written", doel: "empty", methode: "written", analyse: "comments" });
  });
});

describe("presenceRole", () => {
  const scope = { studentIds: ["s"], begeleiderIds: ["b"] };
  it("names authors, begeleiders and other readers", () => {
    expect(presenceRole(scope, "s", "edit")).toBe("student");
    expect(presenceRole(scope, "b", "comment")).toBe("begeleider");
    expect(presenceRole(scope, "x", "comment")).toBe("feedback");
    expect(presenceRole(scope, "x", "read")).toBe("reader");
  });
});

describe("mergePresence", () => {
  const ids = ["aanleiding", "doel"];
  it("merges one person's tabs into one entry with the sections they are in", () => {
    const people = mergePresence(
      [
        { clientId: 1, user: { id: "u1", name: "Lotte", color: "#123456", role: "student", section: "doel" } },
        { clientId: 2, user: { id: "u2", name: "Annelies", color: "#654321", role: "begeleider", section: "aanleiding" } },
        { clientId: 3, user: { id: "u2", name: "Annelies", color: "#654321", role: "begeleider", section: "doel" } },
        { clientId: 4, user: { id: "u2", name: "Annelies", section: "nergens" } },
      ],
      1,
      "u1",
      ids,
    );
    expect(people.map((p) => [p.name, p.self, p.tabs, p.sections, p.role])).toEqual([
      ["Lotte", true, 1, ["doel"], "student"],
      ["Annelies", false, 3, ["aanleiding", "doel"], "begeleider"],
    ]);
  });

  it("ignores states without a user and a forged colour or role", () => {
    const people = mergePresence(
      [{ clientId: 9 }, { clientId: 8, user: { id: "x", name: "X", color: "url(evil)", role: "admin" } }],
      1,
      "u1",
      ids,
    );
    expect(people).toEqual([{ id: "x", name: "X", color: "#4b5563", role: null, sections: [], self: false, tabs: 1 }]);
  });
});

describe("editorMountOrder", () => {
  const ids = ["aanleiding", "probleem", "doel", "methode", "bronnen"];
  it("starts with the first section in view, then the rest of the view, then document order", () => {
    expect(editorMountOrder(ids, ["doel", "methode"], null)).toEqual(["doel", "methode", "aanleiding", "probleem", "bronnen"]);
  });
  it("puts a section jumped to first, even out of view", () => {
    expect(editorMountOrder(ids, ["aanleiding"], "bronnen")).toEqual(["bronnen", "aanleiding", "probleem", "doel", "methode"]);
  });
  it("ignores an unknown hash and falls back to document order with nothing in view", () => {
    expect(editorMountOrder(ids, [], "kop-doel")).toEqual(ids);
  });
});
