import { describe, expect, it } from "vitest";
import { dublinCoreXml } from "./dublin-core";
import { xmlEscape } from "./xml";

describe("Dublin Core", () => {
  it("maps a result to the oai_dc elements in order, escaped", () => {
    const xml = dublinCoreXml({
      title: "Lezen & schrijven <groep 5>",
      creators: ["Lotte Jansen", "Daan Visser"],
      date: "2025-06-30",
      description: "Samenvatting",
      subjects: ["Lezen en taalonderwijs"],
      typeLabel: "Onderzoeksrapport",
      publisher: "Basisschool De Regenboog",
      identifier: "https://example.org/opbrengsten/1",
      relations: [],
    });
    expect(xml).toContain("<dc:title>Lezen &amp; schrijven &lt;groep 5&gt;</dc:title>");
    expect(xml.indexOf("<dc:creator>Lotte Jansen</dc:creator>")).toBeLessThan(xml.indexOf("<dc:creator>Daan Visser</dc:creator>"));
    for (const el of ["subject", "description", "publisher", "date", "type", "identifier", "language"]) expect(xml).toContain(`<dc:${el}>`);
    expect(xml).toContain("<dc:language>nl</dc:language>");
    expect(xml.startsWith('<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"')).toBe(true);
  });

  it("drops characters XML cannot carry", () => {
    expect(xmlEscape("a\u0000b\u0007c\uFFFEd\uD800e 😀")).toBe("abcde 😀");
  });
});
