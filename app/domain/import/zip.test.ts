import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { inspectXlsx, isZip } from "./zip";

/** A minimal zip (stored entries) whose directory may claim any unpacked size. */
function zip(entries: { name: string; data?: string; claimedSize?: number }[]): Uint8Array {
  const parts: number[] = [];
  const directory: number[] = [];
  const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
  const u32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
  for (const entry of entries) {
    const name = [...new TextEncoder().encode(entry.name)];
    const data = [...new TextEncoder().encode(entry.data ?? "")];
    const offset = parts.length;
    const size = entry.claimedSize ?? data.length;
    parts.push(...u32(0x04034b50), ...u16(20), 0, 0, 0, 0, 0, 0, 0, 0, ...u32(0), ...u32(data.length), ...u32(size), ...u16(name.length), ...u16(0), ...name, ...data);
    directory.push(
      ...u32(0x02014b50), ...u16(20), ...u16(20), 0, 0, 0, 0, 0, 0, 0, 0, ...u32(0), ...u32(data.length), ...u32(size),
      ...u16(name.length), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...name,
    );
  }
  const start = parts.length;
  parts.push(...directory);
  parts.push(...u32(0x06054b50), 0, 0, 0, 0, ...u16(entries.length), ...u16(entries.length), ...u32(directory.length), ...u32(start), 0, 0);
  return Uint8Array.from(parts);
}

describe("inspectXlsx", () => {
  it("accepts a real workbook written by exceljs", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Blad1").addRow(["naam", "plaats"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(isZip(bytes)).toBe(true);
    expect(inspectXlsx(bytes)).toBeNull();
  });

  it("refuses a zip that is not a workbook (a .docx renamed .xlsx) and a broken one", () => {
    expect(inspectXlsx(zip([{ name: "word/document.xml", data: "<w/>" }]))).toEqual({ code: "xlsxInvalid" });
    expect(inspectXlsx(Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0, 0]))).toEqual({ code: "xlsxInvalid" });
  });

  it("refuses a zip bomb by the sizes its directory declares, before unpacking anything", () => {
    const bomb = zip([
      { name: "xl/workbook.xml", data: "<w/>" },
      { name: "xl/worksheets/sheet1.xml", data: "x", claimedSize: 160 * 1024 * 1024 },
    ]);
    expect(inspectXlsx(bomb)).toEqual({ code: "xlsxTooLarge" });
    expect(inspectXlsx(zip([{ name: "xl/workbook.xml", data: "<w/>" }]))).toBeNull();
  });
});
