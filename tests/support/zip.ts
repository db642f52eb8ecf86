import { inflateRawSync } from "node:zlib";

/** One entry of a zip file (docx), read from its local headers. */
export function zipEntry(zip: Buffer, name: string): string {
  let at = 0;
  while (zip.readUInt32LE(at) === 0x04034b50) {
    const method = zip.readUInt16LE(at + 8);
    const size = zip.readUInt32LE(at + 18);
    const nameLength = zip.readUInt16LE(at + 26);
    const extra = zip.readUInt16LE(at + 28);
    const entry = zip.subarray(at + 30, at + 30 + nameLength).toString();
    const data = zip.subarray(at + 30 + nameLength + extra, at + 30 + nameLength + extra + size);
    if (entry === name) return (method === 8 ? inflateRawSync(data) : data).toString("utf8");
    at += 30 + nameLength + extra + size;
  }
  throw new Error(`${name} not in zip`);
}
