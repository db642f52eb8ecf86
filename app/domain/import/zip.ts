import { MAX_XLSX_ENTRIES, MAX_XLSX_UNPACKED_BYTES, type FileProblem } from "./types";

/**
 * Looks inside an .xlsx (a zip archive) before any library unpacks it: the
 * central directory lists every entry with its unpacked size, so a "zip bomb"
 * (a small file that unpacks to gigabytes) and non-Excel zips (a .docx) are
 * refused up front. Pure; reads only the directory, never decompresses.
 */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Offset of the zip's end-of-central-directory record (22 bytes plus a comment of at most 65,535), or -1. */
export function endOfCentralDirectory(view: DataView): number {
  for (let i = view.byteLength - 22; i >= Math.max(0, view.byteLength - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) return i;
  }
  return -1;
}

export function inspectXlsx(bytes: Uint8Array): FileProblem | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = endOfCentralDirectory(view);
  if (eocd === -1) return { code: "xlsxInvalid" };
  const entries = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || directoryOffset === 0xffffffff) return { code: "xlsxTooLarge" }; // zip64: never a sane import
  if (entries > MAX_XLSX_ENTRIES) return { code: "xlsxTooLarge" };
  if (directoryOffset + directorySize > bytes.length) return { code: "xlsxInvalid" };

  let offset = directoryOffset;
  let unpacked = 0;
  let hasWorkbook = false;
  const decoder = new TextDecoder("utf-8");
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return { code: "xlsxInvalid" };
    const size = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const name = decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    if (size === 0xffffffff) return { code: "xlsxTooLarge" };
    unpacked += size;
    if (unpacked > MAX_XLSX_UNPACKED_BYTES) return { code: "xlsxTooLarge" };
    if (name === "xl/workbook.xml") hasWorkbook = true;
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return hasWorkbook ? null : { code: "xlsxInvalid" };
}
