import { describe, expect, it } from "vitest";
import { decodeText, detectDelimiter, readCsv, sniffBinary } from "./read-text";
import type { RawTable } from "./types";

const utf8 = (text: string) => new TextEncoder().encode(text);
const table = (result: ReturnType<typeof readCsv>): RawTable => {
  if ("code" in result) throw new Error(`unexpected problem ${result.code}`);
  return result;
};

describe("decodeText", () => {
  it("reads strict UTF-8 and drops a byte-order mark", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("naam;plaats\nCafé Ëiland;Gouda")]);
    expect(decodeText(bytes)).toEqual({ text: "naam;plaats\nCafé Ëiland;Gouda", encoding: "utf-8" });
  });

  it("falls back to Windows-1252 when the bytes are not UTF-8 (Excel on Windows): é = 0xE9, ë = 0xEB", () => {
    // "Jos" + é + " Bra" + ë + "l" as Excel's "CSV (gescheiden door lijstscheidingsteken)" writes it.
    const bytes = new Uint8Array([...utf8("Jos"), 0xe9, ...utf8(" Bra"), 0xeb, ...utf8("l")]);
    expect(decodeText(bytes)).toEqual({ text: "José Braël", encoding: "windows-1252" });
    // The euro sign and curly quotes live at 0x80–0x9F in Windows-1252, not in Latin-1.
    expect(decodeText(new Uint8Array([0x80, 0x93, 0x94])).text).toBe("€“”");
  });

  it("keeps valid UTF-8 as UTF-8 even when it contains the same letters", () => {
    expect(decodeText(utf8("José Braël"))).toEqual({ text: "José Braël", encoding: "utf-8" });
  });

  it("reads UTF-16 as Excel's 'Unicode-tekst' writes it", () => {
    const text = "naam\te-mail\nRené\tr@x.nl";
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) le[2 + i * 2] = text.charCodeAt(i);
    expect(decodeText(le)).toEqual({ text, encoding: "utf-16le" });
  });
});

describe("detectDelimiter", () => {
  it("takes the separator of the header line, ignoring quoted ones", () => {
    expect(detectDelimiter("naam;plaats;sector\nA;B;C")).toBe(";");
    expect(detectDelimiter("naam,plaats,sector\n")).toBe(",");
    expect(detectDelimiter("naam\tplaats\tsector")).toBe("\t");
    expect(detectDelimiter('"naam, volledig";plaats')).toBe(";");
    expect(detectDelimiter("\n\n  \nnaam,e-mail")).toBe(",");
  });
});

describe("readCsv", () => {
  it("reads semicolons, commas and tabs into the same cells", () => {
    const expected = [["naam", "plaats"], ["De Linde", "Gouda"]];
    expect(table(readCsv(utf8("naam;plaats\r\nDe Linde;Gouda"))).cells).toEqual(expected);
    expect(table(readCsv(utf8("naam,plaats\nDe Linde,Gouda"))).cells).toEqual(expected);
    expect(table(readCsv(utf8("naam\tplaats\nDe Linde\tGouda"))).cells).toEqual(expected);
  });

  it("keeps blank lines so that cells[i] is spreadsheet row i + 1, also with a multi-line quoted cell", () => {
    const cells = table(readCsv(utf8('naam;plaats\n"Een\nnaam";A\n\nDerde;C\n'))).cells;
    expect(cells[1]).toEqual(["Een\nnaam", "A"]);
    expect(cells[3]).toEqual(["Derde", "C"]);
  });

  it("reports the facts of the file", () => {
    const result = table(readCsv(new Uint8Array([...utf8("naam;plaats\nJos"), 0xe9, ...utf8(";Ede")])));
    expect(result.facts).toEqual({ format: "csv", encoding: "windows-1252", delimiter: ";" });
    expect(result.cells[1]).toEqual(["José", "Ede"]);
  });

  it("refuses an empty file, an old .xls, a binary file and an unclosed quote", () => {
    expect(readCsv(utf8("  \n\n"))).toEqual({ code: "empty" });
    expect(readCsv(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toEqual({ code: "xls" });
    expect(sniffBinary(new Uint8Array([0x4d, 0x5a, 0x90, 0x00]))).toEqual({ code: "binary" });
    expect(readCsv(utf8('naam;plaats\nA;B\n"C;D\nE;F'))).toEqual({ code: "unclosedQuote", params: { row: 3 } });
  });
});
