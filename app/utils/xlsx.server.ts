import ExcelJS from "exceljs";
import { inspectXlsx } from "../domain/import/zip";
import { MAX_XLSX_UNPACKED_BYTES, type FileProblem, type RawTable } from "../domain/import/types";
import { checkInflatedSize } from "./zip-inflate.server";

/**
 * Reads the first worksheet of an .xlsx as text cells (exceljs). Values are
 * read as stored; formulas are never evaluated: a formula cell becomes its
 * formula text ("=SUM(A1:A3)"), which the import then refuses with a Dutch
 * message, just like a formula typed into a CSV. The archive is inspected
 * first (size, entry count, that it is a workbook at all).
 */
export async function readXlsx(bytes: Uint8Array): Promise<RawTable | FileProblem> {
  const problem = inspectXlsx(bytes);
  if (problem) return problem;
  // The directory's sizes are only declared: count what really inflates before exceljs does.
  const inflated = await checkInflatedSize(bytes, MAX_XLSX_UNPACKED_BYTES);
  if (inflated !== "ok") return { code: inflated === "tooLarge" ? "xlsxTooLarge" : "xlsxInvalid" };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    return { code: "xlsxInvalid" };
  }
  const sheet = workbook.worksheets.find((w) => w.state !== "hidden" && w.state !== "veryHidden") ?? workbook.worksheets[0];
  if (!sheet) return { code: "empty" };
  const cells: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
      values[columnNumber - 1] = cellText(cell.value);
    });
    for (let i = 0; i < values.length; i++) values[i] ??= "";
    cells[rowNumber - 1] = values;
  });
  for (let i = 0; i < cells.length; i++) cells[i] ??= [];
  return { cells, facts: { format: "xlsx", encoding: null, delimiter: null } };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(value).replace(".", ",");
  if (typeof value === "boolean") return value ? "WAAR" : "ONWAAR";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("formula" in value && typeof value.formula === "string") return `=${value.formula}`;
    if ("sharedFormula" in value && typeof value.sharedFormula === "string") return `=${value.sharedFormula}`;
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((part) => part.text).join("");
    if ("hyperlink" in value && "text" in value) return cellText(value.text as ExcelJS.CellValue);
    if ("error" in value) return String(value.error);
  }
  return "";
}
