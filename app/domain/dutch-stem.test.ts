import { describe, expect, it } from "vitest";
import { anyWordQuery, stemText, stemWord, trigramQuery, wordQuery } from "./dutch-stem";

/**
 * Recall on a fixed list of Dutch word pairs: what people type, and a word in
 * the text that must be found by it — through the stem (inflections) or, for
 * parts of compounds, through the trigram index (`part`).
 */
const STEM_PAIRS: [typed: string, inText: string][] = [
  ["formatief", "formatieve"],
  ["formatieve", "formatief"],
  ["lezen", "leest"],
  ["lezen", "lees"],
  ["lezen", "leesonderwijs"],
  ["voorlezen", "voorleesontbijt"],
  ["rekenen", "rekent"],
  ["leerling", "leerlingen"],
  ["leerlingen", "leerling"],
  ["ouders", "ouder"],
  ["kinderen", "kinderen"],
  ["geven", "geeft"],
  ["maken", "maakt"],
  ["differentiëren", "differentieren"],
  ["evalueren", "evalueert"],
  ["motivatie", "motivatie"],
  ["regenboog", "Regenboog"],
  ["gesprekken", "gesprek"],
  ["veilige", "veiligheid"],
  ["teksten", "tekst"],
];

const PART_PAIRS: [typed: string, inText: string][] = [
  ["motivatie", "leesmotivatie"],
  ["motivatie", "rekenmotivatie"],
  ["vaardigheid", "rekenvaardigheid"],
  ["betrokkenheid", "ouderbetrokkenheid"],
  ["geletterdheid", "digitale geletterdheid"],
  ["boog", "Regenboog"],
];

/** FTS5's prefix rule: some indexed stem starts with each query stem. */
function wordIndexFinds(typed: string, text: string): boolean {
  const indexed = stemText(text).split(" ");
  const query = wordQuery(typed)!;
  return [...query.matchAll(/"([^"]+)"\*/g)].every((m) => indexed.some((stem) => stem.startsWith(m[1]!)));
}

/** The trigram rule: every quoted word occurs inside the text (case and diacritics folded). */
function trigramIndexFinds(typed: string, text: string): boolean {
  const folded = text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  return [...trigramQuery(typed)!.matchAll(/"([^"]+)"/g)].every((m) => folded.includes(m[1]!));
}

describe("Dutch search recall", () => {
  for (const [typed, text] of STEM_PAIRS) {
    it(`"${typed}" finds "${text}" by its stem`, () => expect(wordIndexFinds(typed, text)).toBe(true));
  }
  for (const [typed, text] of PART_PAIRS) {
    it(`"${typed}" finds "${text}" as part of a word`, () => expect(wordIndexFinds(typed, text) || trigramIndexFinds(typed, text)).toBe(true));
  }
  it("recall over the whole list is complete", () => {
    const found = [...STEM_PAIRS, ...PART_PAIRS].filter(([typed, text]) => wordIndexFinds(typed, text) || trigramIndexFinds(typed, text));
    expect(found.length / (STEM_PAIRS.length + PART_PAIRS.length)).toBe(1);
  });
});

describe("stems", () => {
  it("writes long vowels single and ends voiceless", () => {
    expect(stemWord("lezen")).toBe(stemWord("lees"));
    expect(stemWord("formatieve")).toBe("formatief");
    expect(stemWord("geven")).toBe(stemWord("geef"));
  });
});

describe("queries never carry FTS5 syntax", () => {
  const hostile = ['"', "NEAR(", "*", "-", 'lezen" OR title:* NEAR(a b) -x ^y', "a".repeat(1000), "!!! ??? ...", "(", "AND OR NOT"];
  it("quotes every term, or gives null when nothing searchable is left", () => {
    for (const input of hostile) {
      for (const query of [wordQuery(input), trigramQuery(input), anyWordQuery([input])]) {
        if (query === null) continue;
        expect(query, input).toMatch(/^("[\p{L}\p{N}]+"\*?( (AND|OR) "[\p{L}\p{N}]+"\*?)*)$/u);
      }
    }
    expect(wordQuery("")).toBeNull();
    expect(wordQuery("  ?! * ")).toBeNull();
    expect(trigramQuery("ab")).toBeNull();
  });

  it("limits the number of terms", () => {
    expect(wordQuery("een twee drie vier vijf zes zeven acht negen tien")!.split(" AND ")).toHaveLength(8);
  });
});
