/**
 * Turns what a user types into a safe SQLite FTS5 MATCH expression.
 *
 * - Every word becomes a quoted prefix query ("lees"*), so user input can never
 *   be read as FTS syntax (no injection, no syntax errors) and "leesmotivatie"
 *   is found by "lees".
 * - Dutch verbs and plurals are reduced to their stem by the spelling rules
 *   (lezen → lees, rekenen → reken, praten → praat), so "lezen" also finds
 *   "leesonderwijs". Both the word and its stem are searched (OR).
 * - All words must match (AND).
 *
 * Returns null when nothing searchable is left (then: no full-text filter).
 */
export function buildFtsQuery(input: string, maxTerms = 8): string | null {
  const words = tokenize(input).slice(0, maxTerms);
  if (words.length === 0) return null;
  return words
    .map((word) => {
      const variants = [...new Set([word, dutchStem(word), ...longVowelVariant(dutchStem(word))])].filter((v) => v.length >= 2);
      const parts = variants.map((v) => `"${v}"*`);
      return parts.length === 1 ? parts[0] : `(${parts.join(" OR ")})`;
    })
    .join(" AND ");
}

/** Lower-cased words of letters and digits, without diacritics (as the FTS tokenizer sees them). */
export function tokenize(input: string, maxLength = 500): string[] {
  return input
    .slice(0, maxLength)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2);
}

const VOWELS = "aeiou";

/**
 * A light Dutch stemmer for infinitives and plurals: strip -en/-s, undo the
 * z/v voicing (lezen → lees, geven → geef), and restore the long vowel that
 * the open syllable hid (maken → maak). Deliberately conservative: it only
 * adds a second search term, it never replaces the word typed.
 */
export function dutchStem(word: string): string {
  let stem = word;
  if (stem.length > 4 && stem.endsWith("en")) stem = stem.slice(0, -2);
  else if (stem.length > 4 && stem.endsWith("s") && !stem.endsWith("ss")) return stem.slice(0, -1);
  else return word;

  // Double consonant at the end collapses: zitten → zit, leggen → leg.
  const last = stem.at(-1)!;
  const beforeLast = stem.at(-2) ?? "";
  if (last === beforeLast && !VOWELS.includes(last)) return stem.slice(0, -1);

  // Voicing: z → s, v → f at the end of the stem.
  if (last === "z") stem = `${stem.slice(0, -1)}s`;
  if (last === "v") stem = `${stem.slice(0, -1)}f`;

  // Open syllable: in a one-syllable stem, a single vowel between consonants
  // gets doubled (lez → lees, mak → maak); longer stems (reken) keep it.
  const vowel = stem.at(-2) ?? "";
  const beforeVowel = stem.at(-3) ?? "";
  const syllables = stem.match(/[aeiouy]+/g)?.length ?? 0;
  if (
    syllables === 1 &&
    VOWELS.includes(vowel) &&
    vowel !== "i" &&
    !VOWELS.includes(beforeVowel) &&
    !VOWELS.includes(stem.at(-1)!)
  ) {
    stem = `${stem.slice(0, -1)}${vowel}${stem.at(-1)}`;
  }
  return stem;
}

/**
 * Compounds hide the stress: "voorlezen" stems to "voorles" by the one-syllable
 * rule, but is written "voorlees-" in "voorleesontbijt". Offer the doubled
 * vowel as an extra variant when the last syllable has a single vowel between
 * consonants; a variant that matches nothing costs nothing.
 */
export function longVowelVariant(stem: string): string[] {
  const match = /^(.*[^aeiou])([aeou])([^aeiouy])$/.exec(stem);
  if (!match || (stem.match(/[aeiouy]+/g)?.length ?? 0) < 2) return [];
  return [`${match[1]}${match[2]}${match[2]}${match[3]}`];
}

/** Function words: never a reason to call two texts related. */
const STOPWORDS = new Set(
  "de het een en van in op te voor met hoe wat wie waar waarom welke we wij onze ons je jij zij ze die dat dit er is zijn kan kunnen worden wordt bij aan door als om naar tot uit over ook of niet meer dan zo beter".split(
    " ",
  ),
);

/**
 * Words in almost every schoolontwikkelvraag: matching on them alone made
 * unrelated questions and results look alike ("helpen", "leren",
 * "leerlingen"). They still count for search, just not as the reason two
 * texts are about the same thing.
 */
const GENERIC_WORDS = new Set(
  "leren helpen leerlingen leerling kinderen school scholen team leraren leerkrachten docenten onderwijs klas groep groepen sneller goed goede samen maken krijgen laten zetten inzetten vergroten verbeteren versterken stimuleren ondersteunen manier aanpak onderzoek".split(
    " ",
  ),
);

/** The words of a text that say what it is about (for "looks alike" and "earlier research"). */
export function distinctiveTerms(text: string, max = 12): string[] {
  return [...new Set(tokenize(text, 2000))].filter((t) => t.length > 3 && !STOPWORDS.has(t) && !GENERIC_WORDS.has(t)).slice(0, max);
}

/** How many of `terms` start a word of `text` (the prefix rule FTS5 used to find it). */
export function sharedTermCount(terms: readonly string[], text: string): number {
  const words = tokenize(text, 5000);
  return terms.filter((t) => words.some((w) => w.startsWith(t))).length;
}
