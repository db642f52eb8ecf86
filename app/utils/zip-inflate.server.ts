import { createInflateRaw } from "node:zlib";
import { endOfCentralDirectory } from "../domain/import/zip";

/**
 * Counts the bytes a zip really unpacks to, by inflating every entry and
 * throwing the output away, and stops as soon as `limit` is passed (issue 18,
 * finding 9c). The sizes a zip declares are the sender's word; a "zip bomb"
 * can declare 1 kB and inflate to gigabytes. Runs after inspectXlsx (which
 * checked the directory is well-formed) and before exceljs unpacks anything.
 * Memory stays at zlib's chunk size; the work is bounded by `limit`.
 */
export type InflateVerdict = "ok" | "tooLarge" | "invalid";

type Entry = { method: number; compressedSize: number; localOffset: number };

function entriesOf(bytes: Uint8Array): Entry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = endOfCentralDirectory(view);
  if (eocd === -1) return null;
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return null;
    entries.push({
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      localOffset: view.getUint32(offset + 42, true),
    });
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return entries;
}

/** Inflates `data`, counting output; resolves with the count, or -1 once it passes `budget`. */
function inflatedBytes(data: Uint8Array, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw();
    let produced = 0;
    let settled = false;
    inflater.on("data", (chunk: Buffer) => {
      produced += chunk.length;
      if (produced > budget && !settled) {
        settled = true;
        inflater.destroy();
        resolve(-1);
      }
    });
    inflater.on("end", () => {
      if (!settled) resolve(produced);
    });
    inflater.on("error", (error) => {
      if (!settled) reject(error);
    });
    inflater.end(data);
  });
}

export async function checkInflatedSize(bytes: Uint8Array, limit: number): Promise<InflateVerdict> {
  const entries = entriesOf(bytes);
  if (!entries) return "invalid";
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const entry of entries) {
    const at = entry.localOffset;
    if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) return "invalid";
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > bytes.length) return "invalid";
    const data = bytes.subarray(start, end);
    if (entry.method === 0) {
      total += data.length;
    } else if (entry.method === 8) {
      let produced: number;
      try {
        produced = await inflatedBytes(data, limit - total);
      } catch {
        return "invalid";
      }
      if (produced < 0) return "tooLarge";
      total += produced;
    } else {
      return "invalid"; // Excel writes stored or deflated entries only
    }
    if (total > limit) return "tooLarge";
  }
  return "ok";
}
