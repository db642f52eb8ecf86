/**
 * Words for search (docs/decisions/0019): queries are built from these by the
 * Dutch stemmer in dutch-stem.ts (word index) and as trigram substrings.
 */

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
