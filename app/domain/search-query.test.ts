import { describe, expect, it } from "vitest";
import { buildFtsQuery, distinctiveTerms, dutchStem, longVowelVariant, sharedTermCount, tokenize } from "./search-query";

describe("dutchStem", () => {
  const cases: [string, string][] = [
    ["lezen", "lees"],
    ["rekenen", "reken"],
    ["maken", "maak"],
    ["geven", "geef"],
    ["zitten", "zit"],
    ["praten", "praat"],
    ["leerlingen", "leerling"],
    ["ouders", "ouder"],
    ["taal", "taal"],
    ["lees", "lees"],
  ];
  for (const [word, stem] of cases) {
    it(`${word} → ${stem}`, () => expect(dutchStem(word)).toBe(stem));
  }
});

describe("longVowelVariant", () => {
  it("offers the doubled vowel for compounds", () => {
    expect(longVowelVariant(dutchStem("voorlezen"))).toEqual(["voorlees"]);
    expect(longVowelVariant("lees")).toEqual([]);
  });
});

describe("buildFtsQuery", () => {
  it("searches each word and its stem as prefixes, all words required", () => {
    expect(buildFtsQuery("lezen")).toBe('("lezen"* OR "lees"*)');
    expect(buildFtsQuery("Leesmotivatie groep")).toBe('"leesmotivatie"* AND "groep"*');
  });

  it("ignores diacritics and case like the index does", () => {
    expect(tokenize("Coördinatie ÉN Rekenen")).toEqual(["coordinatie", "en", "rekenen"]);
  });

  it("never passes FTS syntax through", () => {
    const query = buildFtsQuery('lezen" OR title:* NEAR(a b) -x ^y');
    expect(query).not.toContain(":");
    expect(query).not.toContain("NEAR(");
    // Single letters are dropped; everything else is a quoted prefix term.
    expect(query).toBe('("lezen"* OR "lees"*) AND "or"* AND "title"* AND "near"*');
  });

  it("returns null when nothing searchable is left", () => {
    expect(buildFtsQuery("")).toBeNull();
    expect(buildFtsQuery("  ?! * ")).toBeNull();
    expect(buildFtsQuery("a")).toBeNull();
  });

  it("limits the number of terms", () => {
    expect(buildFtsQuery("een twee drie vier vijf zes zeven acht negen tien")!.split(" AND ")).toHaveLength(8);
  });
});

describe("distinctiveTerms", () => {
  it("keeps the words that say what a text is about, once, without function words or the domain's everyday words", () => {
    expect(distinctiveTerms("Hoe helpen we leerlingen in groep 5 met het automatiseren van rekenmuurtjes? Automatiseren!")).toEqual([
      "automatiseren",
      "rekenmuurtjes",
    ]);
  });

  it("drops short words and diacritics, and stops at the maximum", () => {
    expect(distinctiveTerms("Één café, drie ideeën voor taal")).toEqual(["cafe", "drie", "ideeen", "taal"]);
    expect(distinctiveTerms("alpha bravo charlie delta echo", 3)).toEqual(["alpha", "bravo", "charlie"]);
  });
});

describe("sharedTermCount", () => {
  it("counts the terms that begin a word of the text, as FTS5's prefix match does", () => {
    expect(sharedTermCount(["automatiseren", "reken"], "Rekenmuurtjes en automatiseren")).toBe(2);
    expect(sharedTermCount(["automatiseren", "reken"], "Automatiseren van het rooster")).toBe(1);
    // Inside a word is not a match: "voorlezen" does not share "lezen".
    expect(sharedTermCount(["lezen"], "voorlezen in groep 3")).toBe(0);
  });
});
