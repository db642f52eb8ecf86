import { describe, expect, it } from "vitest";
import { distinctiveTerms, sharedTermCount, tokenize } from "./search-query";

describe("tokenize", () => {
  it("ignores diacritics and case like the index does", () => {
    expect(tokenize("Coördinatie ÉN Rekenen")).toEqual(["coordinatie", "en", "rekenen"]);
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
