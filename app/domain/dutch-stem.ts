import { newStemmer } from "snowball-stemmers";
import { tokenize } from "./search-query";

/**
 * The Dutch Snowball stemmer (snowball-stemmers), used alike when text is
 * indexed and when a search is typed (docs/decisions/0019), plus two
 * normalisations Snowball leaves to the caller: long vowels are written single
 * ("lees" and "lezen" both become "les", "voorleesontbijt" → "vorlesontbijt")
 * and a stem ends voiceless (formatiev → formatief, lez → les), so an
 * inflection and its base form share a stem.
 */
const stemmer = newStemmer("dutch");

export function stemWord(word: string): string {
  const stem = stemmer.stem(word);
  return stem
    .replace(/([aeou])\1/g, "$1")
    .replace(/z$/, "s")
    .replace(/v$/, "f");
}

/** Every word of a text as its stem, space-separated: what the word index holds. */
export function stemText(text: string): string {
  return tokenize(text, 200_000).map(stemWord).join(" ");
}

const MAX_TERMS = 8;

/**
 * The word-index query: every typed word as a quoted stem prefix ("les"*),
 * all required. Quoting means user input is never FTS5 syntax. Null when
 * nothing searchable is left.
 */
export function wordQuery(input: string): string | null {
  const stems = [...new Set(tokenize(input).slice(0, MAX_TERMS).map(stemWord))].filter((s) => s.length >= 2);
  return stems.length ? stems.map((s) => `"${s}"*`).join(" AND ") : null;
}

/** Any of these words (stem prefixes), for "related" lists. */
export function anyWordQuery(words: string[]): string | null {
  const stems = [...new Set(words.flatMap((w) => tokenize(w)).map(stemWord))].filter((s) => s.length >= 2);
  return stems.length ? stems.map((s) => `"${s}"*`).join(" OR ") : null;
}

/**
 * The trigram-index query: every typed word of three or more letters as a
 * quoted substring ("motivatie" inside "leesmotivatie"), all required. Null
 * when no word is long enough (trigrams need three characters).
 */
export function trigramQuery(input: string): string | null {
  const words = [...new Set(tokenize(input).slice(0, MAX_TERMS))].filter((w) => w.length >= 3);
  return words.length ? words.map((w) => `"${w}"`).join(" AND ") : null;
}
