import { describe, expect, it } from "vitest";
import { tFor } from "../utils/i18n.server";
import { coverFields, markdownToBlocks } from "./plan-cover";
import { consentFormMarkdown } from "./plan-ethics";

describe("coverFields", () => {
  const t = tFor("nl");
  const base = { title: "Plan", school: "De Regenboog", students: ["Lotte", "Daan"], begeleiders: [], date: "2026-12-07T10:00:00Z" };
  it("names students, school, begeleiders, date and the version", () => {
    const fields = coverFields({ ...base, version: { name: "Ingediend", current: true } }, t, () => "7 december 2026");
    expect(fields).toEqual([
      { label: "Studenten", value: "Lotte, Daan" },
      { label: "School", value: "De Regenboog" },
      { label: "Begeleiders", value: "—" },
      { label: "Datum", value: "7 december 2026" },
      { label: "Versie", value: "Ingediend" },
    ]);
  });
  it("says when the text changed after the last version, or was never frozen", () => {
    expect(coverFields({ ...base, version: { name: "Concept", current: false } }, t, String).at(-1)?.value).toBe("Werkversie, gewijzigd na “Concept”");
    expect(coverFields({ ...base, version: null }, t, String).at(-1)?.value).toBe("Werkversie (nog niet vastgelegd)");
  });
});

describe("markdownToBlocks", () => {
  it("reads the consent form back with its escapes, bold and line breaks", () => {
    const md = consentFormMarkdown({ planTitle: "Lezen *met* plezier_", schoolName: "OBS #1", answers: {} });
    const { title, blocks } = markdownToBlocks(md);
    expect(title).toBe("Toestemmingsformulier (concept)");
    const first = blocks[0]!;
    expect(first.type).toBe("paragraph");
    if (first.type !== "paragraph") return;
    expect(first.inlines).toEqual([
      { text: "Onderzoek:", bold: true },
      { text: " Lezen *met* plezier_" },
      { text: "\n" },
      { text: "School:", bold: true },
      { text: " OBS #1" },
    ]);
    expect(blocks.some((b) => b.type === "heading" && b.inlines[0]?.text === "Toestemming")).toBe(true);
    // The lines to sign on stay lines.
    const sign = blocks.find((b) => b.type === "paragraph" && b.inlines.some((i) => i.text.startsWith("Naam:")));
    expect(sign?.type === "paragraph" ? sign.inlines.map((i) => i.text).join("") : "").toContain("Naam: ______________________  Handtekening: ______________________");
  });
});
