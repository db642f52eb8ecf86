/** Small helpers shared by the benchmarks: percentiles and a printed table. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export type Timing = { name: string; samples: number; medianMs: number; p95Ms: number };

export function summarise(name: string, durations: number[]): Timing {
  const sorted = [...durations].sort((a, b) => a - b);
  return {
    name,
    samples: sorted.length,
    medianMs: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
  };
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function printTable(rows: Record<string, string | number>[]): void {
  if (rows.length === 0) return;
  // Rows of different shapes (e.g. a throughput row and a latency row) each get their own table.
  const shape = (row: Record<string, string | number>) => Object.keys(row).join("\u0000");
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i < rows.length && shape(rows[i]!) === shape(rows[start]!)) continue;
    if (start > 0) console.log("");
    printOneTable(rows.slice(start, i));
    start = i;
  }
}

function printOneTable(rows: Record<string, string | number>[]): void {
  const columns = Object.keys(rows[0]!);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join("  ");
  console.log(line(columns));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const row of rows) console.log(line(columns.map((c) => String(row[c]))));
}
