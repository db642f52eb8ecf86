import { z } from "zod";
import { isRole, organisationKindForRole, rolesForOrganisationKind, type Role } from "../roles";
import { SECTOR_VALUES, type SectorValue } from "../sectors";
import { COLUMNS, headerOf, mapHeaders, normaliseHeader, type ColumnKey } from "./columns";
import { MAX_IMPORT_ROWS, type FileProblem, type ImportKind, type IssueCode, type IssueParams, type RawTable, type RowIssue } from "./types";

/**
 * Turns the cells of a file into checked rows of one kind. Pure.
 *
 * Every data row is validated with zod; problems carry the spreadsheet row
 * number and the column, so the person finds them in Excel. A value that
 * starts like a formula (=, +, -, @) is refused: it is never evaluated here,
 * but it would be by the next spreadsheet it is exported to.
 */
export type SchoolData = { name: string; city: string; sector: SectorValue; board: string; shortageTenths: number | null };
export type PersonData = { name: string; email: string; role: Role; organisation: string; city: string | null };

export type ParsedRow<T> = {
  row: number;
  /** The trimmed cells per column, for the preview (whatever their validity). */
  values: Partial<Record<ColumnKey, string>>;
  /** Null when the row has problems. */
  data: T | null;
  issues: RowIssue[];
};

export type ParsedImport =
  | { kind: "scholen"; rows: ParsedRow<SchoolData>[] }
  | { kind: "studenten" | "medewerkers"; rows: ParsedRow<PersonData>[] };

/** Roles that can be given through a staff import, and the words people use for them. */
export const STAFF_ROLES: readonly Role[] = [
  ...rolesForOrganisationKind("school"),
  ...rolesForOrganisationKind("institute").filter((role) => role !== "student"), // students have their own import
];
const ROLE_ALIASES: Record<string, Role> = {
  leerkracht: "leraar",
  docent: "leraar",
  juf: "leraar",
  meester: "leraar",
  directeur: "schoolleider",
  locatieleider: "schoolleider",
  locatiedirecteur: "schoolleider",
  opleiderindeschool: "schoolopleider",
  lerarenopleider: "instituutsopleider",
  docentlerarenopleiding: "instituutsopleider",
  lector: "onderzoeker",
};

export function parseRole(value: string): Role | null {
  const key = normaliseHeader(value);
  if (isRole(key)) return key;
  return ROLE_ALIASES[key] ?? null;
}

const SECTOR_ALIASES: Record<string, SectorValue> = {
  primaironderwijs: "po",
  basisonderwijs: "po",
  bao: "po",
  voortgezetonderwijs: "vo",
  middelbaarberoepsonderwijs: "mbo",
  speciaalonderwijs: "so",
  speciaalbasisonderwijs: "so",
  sbo: "so",
  vso: "so",
  voortgezetspeciaalonderwijs: "so",
};

export function parseSector(value: string): SectorValue | null {
  const key = normaliseHeader(value);
  if ((SECTOR_VALUES as readonly string[]).includes(key)) return key as SectorValue;
  return SECTOR_ALIASES[key] ?? null;
}

/** Starts like a spreadsheet formula (OWASP CSV injection). */
export const FORMULA_START = /^[=+\-@\t\r]/;
// eslint-disable-next-line no-control-regex -- exactly what we look for
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/** "2,5" or "2.5" fte → 25 tenths; null for an empty cell. */
export function parseShortage(value: string): number | "invalid" | "negative" | null {
  const v = value.trim().replace(/\s*fte$/i, "");
  if (v === "") return null;
  if (/^-\d/.test(v)) return "negative";
  const match = /^(\d{1,3})(?:[.,](\d))?0*$/.exec(v);
  if (!match) return "invalid";
  return Number(match[1]) * 10 + Number(match[2] ?? 0);
}

/** Compare names as a person would: case, accents, dashes and spaces do not count. */
export function matchKey(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

type Issue = { code: IssueCode; params?: IssueParams };
const fail = (ctx: z.RefinementCtx, issue: Issue) => {
  ctx.addIssue({ code: "custom", message: issue.code, params: issue.params });
  return z.NEVER;
};

/** A text cell: trimmed, no formula, no control characters, within a length. */
function textCell(max: number, required = true) {
  return z.string().transform((raw, ctx) => {
    const v = raw.trim();
    if (v === "") return required ? fail(ctx, { code: "required" }) : "";
    if (FORMULA_START.test(v)) return fail(ctx, { code: "formula" });
    if (CONTROL_CHARS.test(v)) return fail(ctx, { code: "controlChars" });
    if (v.length > max) return fail(ctx, { code: "tooLong", params: { max } });
    return v.replace(/\s+/g, " ");
  });
}

const emailCell = textCell(320).transform((v, ctx) => {
  const email = v.toLowerCase();
  if (!z.string().email().safeParse(email).success) return fail(ctx, { code: "emailInvalid" });
  return email;
});

const SCHOOL_SCHEMA = z
  .object({
    name: textCell(200),
    city: textCell(100),
    sector: textCell(60).transform((v, ctx) => parseSector(v) ?? fail(ctx, { code: "sectorInvalid" })),
    board: textCell(200),
    shortage: z.string().transform((raw, ctx) => {
      const result = parseShortage(raw);
      if (result === "negative") return fail(ctx, { code: "shortageNegative" });
      if (result === "invalid") return fail(ctx, FORMULA_START.test(raw.trim()) ? { code: "formula" } : { code: "shortageInvalid" });
      return result;
    }),
  })
  .transform((v): SchoolData => ({ name: v.name, city: v.city, sector: v.sector, board: v.board, shortageTenths: v.shortage }));

const staffRole = textCell(60).transform((v, ctx): Role => {
  const role = parseRole(v);
  if (!role) return fail(ctx, { code: "roleInvalid" });
  if (!STAFF_ROLES.includes(role)) return fail(ctx, { code: "roleNotImportable", params: { role } });
  return role;
});

const personSchema = (kind: "studenten" | "medewerkers") =>
  z
    .object({
      name: textCell(200),
      email: emailCell,
      role: kind === "studenten" ? z.string().transform((): Role => "student") : staffRole,
      organisation: textCell(200),
      city: textCell(100, false),
    })
    .transform((v): PersonData => ({ name: v.name, email: v.email, role: v.role, organisation: v.organisation, city: v.city || null }));

const STUDENT_SCHEMA = personSchema("studenten");
const STAFF_SCHEMA = personSchema("medewerkers");

/** Which cells of a row count: trimmed, and blank rows are no rows. */
const isBlank = (cells: string[] | undefined) => !cells || cells.every((c) => (c ?? "").trim() === "");

export function parseImport(kind: ImportKind, table: RawTable): ParsedImport | FileProblem {
  const cells = table.cells;
  const headerIndex = cells.findIndex((row) => !isBlank(row));
  if (headerIndex === -1) return { code: "empty" };
  const header = cells[headerIndex]!;
  const mapped = mapHeaders(kind, header, (col) => cells.some((row, i) => i > headerIndex && (row[col] ?? "").trim() !== ""));
  if ("code" in mapped) return mapped;

  const dataIndexes: number[] = [];
  for (let i = headerIndex + 1; i < cells.length; i++) if (!isBlank(cells[i])) dataIndexes.push(i);
  if (dataIndexes.length === 0) return { code: "noDataRows" };
  if (dataIndexes.length > MAX_IMPORT_ROWS) return { code: "tooManyRows", params: { max: MAX_IMPORT_ROWS, count: dataIndexes.length } };

  const specKeys = COLUMNS[kind].map((c) => c.key);
  const rows = dataIndexes.map((i): ParsedRow<SchoolData | PersonData> => {
    const raw = cells[i]!;
    const row = i + 1;
    const values: Partial<Record<ColumnKey, string>> = {};
    mapped.columns.forEach((key, col) => {
      if (key) values[key] = raw[col] ?? "";
    });
    const issues: RowIssue[] = [];
    const extra = raw.slice(header.length).filter((c) => (c ?? "").trim() !== "");
    if (extra.length > 0) issues.push({ row, column: null, code: "tooManyCells", params: { expected: header.length, found: header.length + extra.length } });

    const input: Record<string, string> = {};
    for (const key of specKeys) input[key] = values[key] ?? "";
    if (kind === "studenten") Object.assign(input, { role: "student", organisation: values.institute ?? "", city: "" });
    const schema = kind === "scholen" ? SCHOOL_SCHEMA : kind === "studenten" ? STUDENT_SCHEMA : STAFF_SCHEMA;
    const result = (schema as z.ZodType<SchoolData | PersonData, z.ZodTypeDef, unknown>).safeParse(input);
    if (!result.success) {
      for (const issue of result.error.issues) {
        let key = String(issue.path[0]) as ColumnKey;
        if (kind === "studenten" && key === "organisation") key = "institute";
        const params = issue.code === "custom" ? (issue.params as IssueParams | undefined) : undefined;
        issues.push({ row, column: headerOf(kind, key), code: issue.message as IssueCode, params, value: (values[key] ?? "").slice(0, 300) });
      }
    }
    const trimmed: Partial<Record<ColumnKey, string>> = {};
    for (const [k, v] of Object.entries(values)) trimmed[k as ColumnKey] = (v ?? "").trim().slice(0, 300);
    return { row, values: trimmed, data: result.success && issues.length === 0 ? result.data : null, issues };
  });

  if (kind === "scholen") {
    const schoolRows = rows as ParsedRow<SchoolData>[];
    flagDuplicates(schoolRows, (r) => (r.values.name && r.values.city ? `${matchKey(r.values.name)}|${matchKey(r.values.city)}` : null), "duplicateSchool", headerOf(kind, "name"));
    return { kind, rows: schoolRows };
  }
  const personRows = rows as ParsedRow<PersonData>[];
  flagDuplicates(personRows, (r) => (r.values.email ? r.values.email.trim().toLowerCase() : null), "duplicateEmail", headerOf(kind, "email"));
  return { kind, rows: personRows };
}

/** Every row whose key occurs more than once gets an issue naming the other rows. */
function flagDuplicates<T>(rows: ParsedRow<T>[], keyOf: (row: ParsedRow<T>) => string | null, code: IssueCode, column: string) {
  const byKey = new Map<string, ParsedRow<T>[]>();
  for (const row of rows) {
    const key = keyOf(row);
    if (!key) continue;
    const list = byKey.get(key);
    if (list) list.push(row);
    else byKey.set(key, [row]);
  }
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    for (const row of list) {
      const others = list.filter((o) => o !== row).map((o) => o.row);
      const shown = others.slice(0, 5).join(", ") + (others.length > 5 ? ` (+${others.length - 5})` : "");
      row.issues.push({ row: row.row, column, code, params: { rows: shown } });
      row.data = null;
    }
  }
}

/** Role kind for an org kind check: does the role belong to a school or an institute? */
export function roleBelongsTo(role: Role): "school" | "institute" | "other" {
  const kind = organisationKindForRole(role);
  return kind === "school" || kind === "institute" ? kind : "other";
}
