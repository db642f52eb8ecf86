import { describe, expect, it } from "vitest";
import { detectFileType, findLikelyNames, safeFileName } from "./upload-check";

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(values.flatMap((v) => (typeof v === "string" ? [...v].map((c) => c.charCodeAt(0)) : [v])));

describe("detectFileType", () => {
  it("recognises PDF, PNG, JPEG, DOCX and PPTX by content", () => {
    expect(detectFileType(bytes("%PDF-1.7\n"))?.extension).toBe("pdf");
    expect(detectFileType(bytes(0x89, "PNG", 0x0d, 0x0a, 0x1a, 0x0a))?.extension).toBe("png");
    expect(detectFileType(bytes(0xff, 0xd8, 0xff, 0xe0))?.extension).toBe("jpg");
    expect(detectFileType(bytes("PK", 3, 4, "....word/document.xml"))?.extension).toBe("docx");
    expect(detectFileType(bytes("PK", 3, 4, "....ppt/presentation.xml"))?.extension).toBe("pptx");
  });

  it("refuses an executable or a plain zip, whatever the name says", () => {
    expect(detectFileType(bytes("MZ", 0x90, 0x00))).toBeNull();
    expect(detectFileType(bytes("PK", 3, 4, "random.txt"))).toBeNull();
    expect(detectFileType(bytes("<html>"))).toBeNull();
  });
});

describe("safeFileName", () => {
  it("keeps the base name, drops path tricks and uses the detected extension", () => {
    expect(safeFileName("../../etc/passwd.pdf", "pdf")).toBe("passwd.pdf");
    expect(safeFileName("C:\\\\Users\\\\x\\\\verslag.exe", "pdf")).toBe("verslag.pdf");
    expect(safeFileName("...", "png")).toBe("bestand.png");
    expect(safeFileName('rap<>port:"x".docx', "docx")).toBe("rapportx.docx");
  });
});

describe("findLikelyNames", () => {
  it("flags common first names followed by a surname", () => {
    expect(findLikelyNames("Interview met Noah Jansen en Sophie van Dijk over lezen")).toEqual(["Noah Jansen", "Sophie van Dijk"]);
    expect(findLikelyNames("foto_Emma_Bakker.jpg")).toEqual(["Emma Bakker"]);
  });
  it("leaves ordinary text alone", () => {
    expect(findLikelyNames("Leesmotivatie in Groep Zeven en De Regenboog")).toEqual([]);
  });
});
