/**
 * Onboarding by import (issue 7): shared types and limits. Pure; no I/O.
 *
 * Row numbers are the ones a person sees in Excel: the header is row 1, the
 * first data row is row 2, and blank lines keep their number.
 */
export const IMPORT_KINDS = ["scholen", "studenten", "medewerkers"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(value: unknown): value is ImportKind {
  return typeof value === "string" && (IMPORT_KINDS as readonly string[]).includes(value);
}

/** Largest file accepted (checked while the upload streams in). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** Most data rows in one file. */
export const MAX_IMPORT_ROWS = 10_000;
/** An .xlsx is a zip: refuse archives that unpack to more than this (zip bombs). */
export const MAX_XLSX_UNPACKED_BYTES = 150 * 1024 * 1024;
export const MAX_XLSX_ENTRIES = 2_000;
/** A stored preview can be confirmed for this long. */
export const PREVIEW_VALID_MS = 60 * 60 * 1000;

/** The problem codes are i18n keys under `import.issues.*` (rows) and `import.problems.*` (files). */
export type IssueCode =
  | "required"
  | "tooLong"
  | "formula"
  | "controlChars"
  | "emailInvalid"
  | "sectorInvalid"
  | "shortageInvalid"
  | "shortageNegative"
  | "roleInvalid"
  | "roleNotImportable"
  | "roleOrgMismatch"
  | "duplicateEmail"
  | "duplicateSchool"
  | "tooManyCells"
  | "orgUnknown"
  | "orgOutsidePartnership"
  | "orgAmbiguous"
  | "orgForbidden"
  | "schoolOtherPartnership"
  | "schoolOtherRegion"
  | "schoolArchived"
  | "orgArchived"
  | "accountDisabled";

export type IssueParams = Record<string, string | number>;

/** One problem in one row (and column, when it is about one cell). */
export type RowIssue = {
  row: number;
  /** The column's Dutch header as in the template; null when about the whole row. */
  column: string | null;
  code: IssueCode;
  params?: IssueParams;
  /** The cell as it was in the file (shown in the error report; never executed). */
  value?: string;
};

export type FileProblemCode =
  | "empty"
  | "noDataRows"
  | "tooManyRows"
  | "headers"
  | "binary"
  | "xls"
  | "xlsxInvalid"
  | "xlsxTooLarge"
  | "unclosedQuote"
  | "tooLarge";

/** A problem with the file as a whole: nothing of it is previewed. */
export type FileProblem = { code: FileProblemCode; params?: IssueParams };

export type TextEncodingName = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";
export type Delimiter = ";" | "," | "\t";

/** How the file was read, shown above the preview. */
export type FileFacts = {
  format: "csv" | "xlsx";
  encoding: TextEncodingName | null;
  delimiter: Delimiter | null;
};

/** The cells of a sheet: `cells[i]` is spreadsheet row i + 1. */
export type RawTable = { cells: string[][]; facts: FileFacts };
