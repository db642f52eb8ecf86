import Papa from "papaparse";

/**
 * A CSV download Excel opens correctly: UTF-8 with a BOM, semicolons (the
 * list separator of Dutch Excel) and formulas escaped, so a cell such as
 * `=HYPERLINK(...)` is shown as text and never executed.
 */
export function csvResponse(rows: Record<string, string | number>[], fields: string[], filename: string): Response {
  const body = Papa.unparse({ fields, data: rows.map((r) => fields.map((f) => r[f] ?? "")) }, { escapeFormulae: true, delimiter: ";" });
  // Papa ends a header-only table with a line break already; never add a blank row.
  return new Response(`\uFEFF${body}${body.endsWith("\r\n") ? "" : "\r\n"}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
