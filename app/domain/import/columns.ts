import type { FileProblem, ImportKind } from "./types";

/**
 * The columns of each kind of import, with the Dutch header of the template
 * and the other spellings people use. Headers are matched without regard to
 * case, accents, spaces, hyphens or a byte-order mark ("E-mailadres" = "email").
 */
export type ColumnKey = "name" | "city" | "sector" | "board" | "shortage" | "email" | "institute" | "role" | "organisation";

export type ColumnSpec = {
  key: ColumnKey;
  /** The header in the template and in messages. */
  header: string;
  aliases: readonly string[];
  required: boolean;
  /** Example value, shown on the page beside the template link. */
  example: string;
};

const name: ColumnSpec = { key: "name", header: "naam", aliases: ["volledige naam", "naam persoon", "name"], required: true, example: "" };
const email: ColumnSpec = {
  key: "email",
  header: "e-mail",
  aliases: ["email", "e-mailadres", "emailadres", "mail", "mailadres"],
  required: true,
  example: "",
};

export const COLUMNS: Record<ImportKind, readonly ColumnSpec[]> = {
  scholen: [
    { ...name, aliases: ["schoolnaam", "naam school", "school", "name"], example: "Basisschool De Linde" },
    { key: "city", header: "plaats", aliases: ["woonplaats", "vestigingsplaats", "stad", "gemeente", "city"], required: true, example: "Lingestad" },
    { key: "sector", header: "sector", aliases: ["onderwijssector", "soort onderwijs"], required: true, example: "po" },
    { key: "board", header: "bestuur", aliases: ["schoolbestuur", "bevoegd gezag", "stichting", "board"], required: true, example: "Stichting Kindwijs" },
    {
      key: "shortage",
      header: "tekort",
      aliases: ["tekort fte", "tekort (fte)", "lerarentekort", "vacatures", "vacatures fte", "open vacatures"],
      required: false,
      example: "1,5",
    },
  ],
  studenten: [
    { ...name, example: "Sanne de Vries" },
    { ...email, example: "sanne.devries@student.example.nl" },
    {
      key: "institute",
      header: "instituut",
      aliases: ["lerarenopleiding", "opleidingsinstituut", "hogeschool", "universiteit", "pabo", "institute"],
      required: true,
      example: "Hogeschool Rivierland – Pabo",
    },
  ],
  medewerkers: [
    { ...name, example: "Jan Smit" },
    { ...email, example: "j.smit@school.example.nl" },
    { key: "role", header: "rol", aliases: ["functie", "functie in app", "role"], required: true, example: "leraar" },
    {
      key: "organisation",
      header: "organisatie",
      aliases: ["school", "instituut", "school of instituut", "schoolnaam", "locatie", "organisation"],
      required: true,
      example: "Basisschool De Regenboog",
    },
    { key: "city", header: "plaats", aliases: ["vestigingsplaats", "plaats school", "city"], required: false, example: "Lingestad" },
  ],
};

/** Lower-case letters and digits only: "  E-mailadres\uFEFF" → "emailadres". */
export function normaliseHeader(value: string): string {
  return value
    .replace(/[\uFEFF\u200B-\u200D\u2060]/g, "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

/** Excel's column letter for a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export type HeaderMap = { columns: (ColumnKey | null)[] };

function lookup(kind: ImportKind): Map<string, ColumnKey> {
  const map = new Map<string, ColumnKey>();
  for (const spec of COLUMNS[kind]) {
    for (const spelling of [spec.header, spec.key, ...spec.aliases]) map.set(normaliseHeader(spelling), spec.key);
  }
  return map;
}

/**
 * Maps the header row to columns. Any missing required column, unknown column
 * or column given twice is one problem listing all of them, so the person
 * fixes the header in one go. Unnamed columns without data are ignored
 * (Excel often leaves a trailing separator).
 */
export function mapHeaders(kind: ImportKind, header: string[], hasData: (index: number) => boolean): HeaderMap | FileProblem {
  const known = lookup(kind);
  const columns: (ColumnKey | null)[] = [];
  const unknown: string[] = [];
  const duplicate: string[] = [];
  const seen = new Set<ColumnKey>();
  header.forEach((raw, index) => {
    const cell = raw.trim();
    if (cell === "" || normaliseHeader(cell) === "") {
      if (hasData(index)) unknown.push(`(zonder naam, kolom ${columnLetter(index)})`);
      columns.push(null);
      return;
    }
    const key = known.get(normaliseHeader(cell));
    if (!key) {
      unknown.push(cell.length > 40 ? `${cell.slice(0, 40)}…` : cell);
      columns.push(null);
      return;
    }
    if (seen.has(key)) duplicate.push(headerOf(kind, key));
    seen.add(key);
    columns.push(key);
  });
  const missing = COLUMNS[kind].filter((c) => c.required && !seen.has(c.key)).map((c) => c.header);
  if (missing.length || unknown.length || duplicate.length) {
    const otherKind = (Object.keys(COLUMNS) as ImportKind[]).find(
      (other) => other !== kind && header.some((h) => h.trim()) && fitsKind(other, header),
    );
    return {
      code: "headers",
      params: {
        missing: missing.join(", "),
        unknown: unknown.join(", "),
        duplicate: [...new Set(duplicate)].join(", "),
        expected: COLUMNS[kind].map((c) => c.header).join(";"),
        otherKind: otherKind ?? "",
      },
    };
  }
  return { columns };
}

function fitsKind(kind: ImportKind, header: string[]): boolean {
  const known = lookup(kind);
  const keys = header.filter((h) => h.trim()).map((h) => known.get(normaliseHeader(h)));
  return keys.every(Boolean) && COLUMNS[kind].every((c) => !c.required || keys.includes(c.key));
}

export function headerOf(kind: ImportKind, key: ColumnKey): string {
  return COLUMNS[kind].find((c) => c.key === key)?.header ?? key;
}

/**
 * The template's header line. Deliberately without an example row: a
 * forgotten example would be imported as a real school or person. The page
 * shows the examples instead.
 */
export function templateHeader(kind: ImportKind): string[] {
  return COLUMNS[kind].map((c) => c.header);
}
