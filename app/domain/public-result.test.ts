import { describe, expect, it } from "vitest";
import { apaAuthors, apaCitation, apaName, jsonForScript, jsonLd, metaDescription, safeLinks, schemaOrgType } from "./public-result";

describe("APA names and citations", () => {
  it("puts the surname first, keeps Dutch particles with it and abbreviates given names", () => {
    expect(apaName("Lotte Jansen")).toBe("Jansen, L.");
    expect(apaName("Annelies de Graaf")).toBe("de Graaf, A.");
    expect(apaName("Jan Peter van der Berg")).toBe("van der Berg, J. P.");
    expect(apaName("Anna-Sophie Bakker")).toBe("Bakker, A.-S.");
    expect(apaName("Cher")).toBe("Cher");
  });

  it("joins authors with an ampersand before the last", () => {
    expect(apaAuthors(["Lotte Jansen"])).toBe("Jansen, L.");
    expect(apaAuthors(["Lotte Jansen", "Daan Visser"])).toBe("Jansen, L., & Visser, D.");
    expect(apaAuthors(["A B", "C D", "E F"])).toBe("B, A., D, C., & F, E.");
  });

  it("cites people, year, title, type, school and URL", () => {
    const citation = apaCitation({
      authors: ["Lotte Jansen", "Daan Visser"],
      schoolName: "Basisschool De Regenboog",
      publishedAt: "2025-06-30T10:00:00.000Z",
      title: "Leesmotivatie in groep 5.",
      typeLabel: "Onderzoeksrapport",
      url: "https://example.org/opbrengsten/1",
    });
    expect(citation).toBe(
      "Jansen, L., & Visser, D. (2025). Leesmotivatie in groep 5 [Onderzoeksrapport]. Basisschool De Regenboog. https://example.org/opbrengsten/1",
    );
  });

  it("makes the school the author when no people are named", () => {
    const citation = apaCitation({ authors: [], schoolName: "Het Rivierencollege", publishedAt: "2024-01-02", title: "Feedback", typeLabel: "Poster", url: "u" });
    expect(citation).toBe("Het Rivierencollege. (2024). Feedback [Poster]. u");
  });
});

describe("meta description", () => {
  it("keeps short summaries and cuts long ones on a word", () => {
    expect(metaDescription("  Kort\nen  goed ")).toBe("Kort en goed");
    const long = metaDescription("woord ".repeat(60));
    expect(long.length).toBeLessThanOrEqual(160);
    expect(long.endsWith("woord…")).toBe(true);
  });
});

describe("JSON-LD", () => {
  const facts = {
    title: "T",
    typeLabel: "Poster",
    summary: "S",
    authors: [],
    schoolName: "School",
    schoolCity: "Stad",
    publishedAt: "2025-01-01T00:00:00Z",
    themeNames: ["Lezen"],
    url: "https://x/opbrengsten/1",
    links: [],
    files: [],
  };

  it("is a ScholarlyArticle for reports and a CreativeWork otherwise", () => {
    expect(schemaOrgType("onderzoeksrapport")).toBe("ScholarlyArticle");
    expect(schemaOrgType("poster")).toBe("CreativeWork");
    expect(jsonLd({ ...facts, type: "poster" })).toMatchObject({ "@type": "CreativeWork", author: [{ "@type": "Organization", name: "School" }] });
  });

  it("can never close its script element", () => {
    const text = jsonForScript(jsonLd({ ...facts, type: "poster", title: "</script><script>alert(1)</script> <!--" }));
    expect(text).not.toMatch(/[<>]/);
    expect(JSON.parse(text)).toMatchObject({ name: "</script><script>alert(1)</script> <!--" });
  });
});

describe("safeLinks", () => {
  it("keeps http(s) links only", () => {
    expect(
      safeLinks([
        { label: "Rapport", url: "https://example.org/r.pdf" },
        { label: "x", url: "javascript:alert(1)" },
        { label: "", url: "http://example.org" },
        "nonsense",
      ]),
    ).toEqual([
      { label: "Rapport", url: "https://example.org/r.pdf" },
      { label: "example.org", url: "http://example.org/" },
    ]);
  });
});
