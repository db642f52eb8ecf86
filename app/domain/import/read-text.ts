import Papa from "papaparse";
import type { Delimiter, FileProblem, RawTable, TextEncodingName } from "./types";

/**
 * Reads the bytes of a CSV (or tab-separated text) file into cells. Pure.
 *
 * Encoding: a byte-order mark decides when there is one (UTF-8, UTF-16 as
 * Excel's "Unicode-tekst" writes it); otherwise UTF-8 is tried strictly and a
 * file that is not valid UTF-8 is read as Windows-1252, which is what Excel on
 * Windows writes for "CSV (gescheiden door lijstscheidingsteken)". Every byte is
 * valid Windows-1252, so the fallback never fails; é (0xE9) and ë (0xEB) come
 * out right.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  }
}

// 0x80–0x9F: where Windows-1252 differs from Latin-1 (the euro sign, curly quotes, dashes…).
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

/**
 * Windows-1252 by hand for the 32 bytes that differ from Latin-1: Node 20's
 * TextDecoder("windows-1252") decodes them as Latin-1 control characters.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder("latin1").decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/** Binary files that are not a text table: an old .xls, or anything with NUL bytes. */
export function sniffBinary(bytes: Uint8Array): FileProblem | null {
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (ole.every((b, i) => bytes[i] === b)) return { code: "xls" };
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && bytes.subarray(0, 8192).includes(0)) return { code: "binary" };
  return null;
}

const DELIMITERS: Delimiter[] = [";", "\t", ","];

/**
 * The separator of the header line: the one that occurs most often outside
 * quotes. Ties go to ";" (Dutch Excel) before tab before ",".
 */
export function detectDelimiter(text: string): Delimiter {
  const firstLine = firstNonBlankLine(text);
  const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char as Delimiter)) counts.set(char as Delimiter, counts.get(char as Delimiter)! + 1);
  }
  let best: Delimiter = ",";
  let bestCount = 0;
  for (const d of DELIMITERS) {
    if (counts.get(d)! > bestCount) {
      best = d;
      bestCount = counts.get(d)!;
    }
  }
  return best;
}

function firstNonBlankLine(text: string): string {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, "");
    if (line.trim() !== "") return line;
    start = end + 1;
  }
  return "";
}

/** Bytes of a CSV file → cells, or the problem that stops reading it. */
export function readCsv(bytes: Uint8Array): RawTable | FileProblem {
  const binary = sniffBinary(bytes);
  if (binary) return binary;
  const { text, encoding } = decodeText(bytes);
  if (text.trim() === "") return { code: "empty" };
  const delimiter = detectDelimiter(text);
  // Blank lines are kept (not skipped) so that record i is spreadsheet row i + 1.
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, header: false, quoteChar: '"' });
  const unclosed = parsed.errors.find((e) => e.code === "MissingQuotes");
  if (unclosed) return { code: "unclosedQuote", params: { row: (unclosed.row ?? 0) + 1 } };
  return { cells: parsed.data, facts: { format: "csv", encoding, delimiter } };
}
