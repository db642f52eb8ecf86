import { describe, expect, it } from "vitest";
import { createI18n } from "../../i18n";
import { columnLetter, mapHeaders, normaliseHeader } from "./columns";
import { issueSentence, problemSentences } from "./messages";
import { matchKey, parseImport, parseRole, parseSector, parseShortage, type ParsedImport } from "./parse";
import { readCsv } from "./read-text";
import type { FileProblem, ImportKind, RawTable } from "./types";

const t = createI18n("nl").t as unknown as (key: string, options?: Record<string, unknown>) => string;

function parse(kind: ImportKind, csv: string | Uint8Array): ParsedImport | FileProblem {
  const raw = readCsv(typeof csv === "string" ? new TextEncoder().encode(csv) : csv);
  if ("code" in raw) return raw;
  return parseImport(kind, raw as RawTable);
}
function rows(kind: ImportKind, csv: string) {
  const result = parse(kind, csv);
  if ("code" in result) throw new Error(`unexpected problem ${result.code}: ${JSON.stringify(result.params)}`);
  return result.rows;
}

describe("headers", () => {
  it("match regardless of case, accents, spaces, hyphens and a BOM", () => {
    expect(normaliseHeader("\uFEFF  E-mailadres ")).toBe("emailadres");
    expect(normaliseHeader("Tekort (fte)")).toBe("tekortfte");
    const result = rows("medewerkers", "\uFEFFNaam ; E-MAIL ;Rol;School;Plaats\nJan Smit;j@x.nl;leraar;De Linde;Gouda");
    expect(result[0]!.values).toMatchObject({ name: "Jan Smit", email: "j@x.nl", role: "leraar", organisation: "De Linde", city: "Gouda" });
  });

  it("lists every missing, unknown and duplicate column in one problem, with the expected header", () => {
    const problem = parse("medewerkers", "naam;emial;functie;rol\nA;b;c;d") as FileProblem;
    expect(problem.code).toBe("headers");
    expect(problem.params).toMatchObject({ missing: "e-mail, organisatie", unknown: "emial", duplicate: "rol", expected: "naam;e-mail;rol;organisatie;plaats" });
    const text = problemSentences(t, problem, "Medewerkers").join(" ");
    expect(text).toContain("De kolommen in rij 1 kloppen niet voor medewerkers.");
    expect(text).toContain("Ontbrekende kolommen: e-mail, organisatie.");
    expect(text).toContain("Onbekende kolommen: emial.");
    expect(text).toContain("Dubbele kolommen: rol.");
  });

  it("recognises a file of another kind and says so", () => {
    const problem = parse("studenten", "naam;plaats;sector;bestuur\nA;B;po;C") as FileProblem;
    expect(problem.params?.otherKind).toBe("scholen");
    expect(problemSentences(t, problem, "Studenten").join(" ")).toContain("Dit lijkt een bestand met scholen");
  });

  it("ignores an unnamed empty trailing column but not one with data", () => {
    expect(rows("studenten", "naam;e-mail;instituut;\nA B;a@b.nl;Pabo;\n")).toHaveLength(1);
    const problem = parse("studenten", "naam;e-mail;instituut;\nA B;a@b.nl;Pabo;extra\n") as FileProblem;
    expect(problem.params?.unknown).toBe("(zonder naam, kolom D)");
    expect(columnLetter(0)).toBe("A");
    expect(columnLetter(27)).toBe("AB");
  });

  it("refuses a file with only a header, and one with too many rows", () => {
    expect(parse("scholen", "naam;plaats;sector;bestuur\n\n")).toEqual({ code: "noDataRows" });
    const many = "naam;e-mail;instituut\n" + Array.from({ length: 10_001 }, (_, i) => `P ${i};p${i}@x.nl;Pabo`).join("\n");
    expect(parse("studenten", many)).toEqual({ code: "tooManyRows", params: { max: 10_000, count: 10_001 } });
  });

  it("mapHeaders works on any header row", () => {
    expect(mapHeaders("scholen", ["Schoolnaam", "Vestigingsplaats", "Sector", "Bevoegd gezag"], () => false)).toEqual({
      columns: ["name", "city", "sector", "board"],
    });
  });
});

describe("rows", () => {
  it("numbers rows as Excel does: header = 1, blank lines keep their number", () => {
    const result = rows("scholen", "naam;plaats;sector;bestuur\nA;X;po;B\n\n;Y;vo;B\n");
    expect(result.map((r) => r.row)).toEqual([2, 4]);
    expect(result[1]!.issues).toEqual([{ row: 4, column: "naam", code: "required", value: "", params: undefined }]);
    expect(issueSentence(t, result[1]!.issues[0]!)).toBe("Rij 4, kolom ‘naam’: dit veld is leeg, maar verplicht.");
  });

  it("counts the header's row when the file starts with blank lines", () => {
    const result = rows("studenten", "\n\nnaam,e-mail,instituut\nA B,bad,Pabo");
    expect(result[0]!.row).toBe(4);
    expect(issueSentence(t, result[0]!.issues[0]!)).toBe("Rij 4, kolom ‘e-mail’: dit is geen geldig e-mailadres.");
  });

  it("validates schools: sector words, shortage in fte with a comma or dot", () => {
    const result = rows(
      "scholen",
      "naam;plaats;sector;bestuur;tekort\nA;X;Primair onderwijs;B;2,5\nC;X;SBO;B;\nD;X;hbo;B;1.25\nE;X;vo;B;-1\nF;X;vo;B;1.0 fte",
    );
    expect(result[0]!.data).toEqual({ name: "A", city: "X", sector: "po", board: "B", shortageTenths: 25 });
    expect(result[1]!.data).toMatchObject({ sector: "so", shortageTenths: null });
    expect(result[2]!.issues.map((i) => [i.column, i.code])).toEqual([["sector", "sectorInvalid"], ["tekort", "shortageInvalid"]]);
    expect(result[3]!.issues.map((i) => i.code)).toEqual(["shortageNegative"]);
    expect((result[4]!.data as { shortageTenths: number } | null)?.shortageTenths).toBe(10);
  });

  it("refuses formulas in any cell, whatever the first character (=, +, -, @)", () => {
    const result = rows(
      "medewerkers",
      'naam;e-mail;rol;organisatie\n=HYPERLINK("http://evil.example","klik");a@x.nl;leraar;De Linde\n+31 Jan;b@x.nl;leraar;De Linde\nJan;c@x.nl;leraar;@SUM(A1)\nPiet;d@x.nl;-leraar;De Linde\n',
    );
    expect(result.map((r) => r.issues.map((i) => [i.row, i.column, i.code]))).toEqual([
      [[2, "naam", "formula"]],
      [[3, "naam", "formula"]],
      [[4, "organisatie", "formula"]],
      [[5, "rol", "formula"]],
    ]);
    expect(result.every((r) => r.data === null)).toBe(true);
    expect(result[0]!.issues[0]!.value).toBe('=HYPERLINK("http://evil.example","klik")');
    expect(issueSentence(t, result[0]!.issues[0]!)).toMatch(/^Rij 2, kolom ‘naam’: formules zijn niet toegestaan/);
  });

  it("flags a duplicate e-mail on both rows, case-insensitively, naming the other row", () => {
    const result = rows("studenten", "naam;e-mail;instituut\nA B;Sanne@X.nl;Pabo\nC D;c@x.nl;Pabo\nE F;sanne@x.nl ;Pabo");
    expect(result[0]!.issues).toEqual([{ row: 2, column: "e-mail", code: "duplicateEmail", params: { rows: "4" } }]);
    expect(result[2]!.issues).toEqual([{ row: 4, column: "e-mail", code: "duplicateEmail", params: { rows: "2" } }]);
    expect(result[1]!.issues).toEqual([]);
    expect(result[0]!.data).toBeNull();
    expect(issueSentence(t, result[2]!.issues[0]!)).toBe("Rij 4, kolom ‘e-mail’: dit e-mailadres staat ook op rij 2.");
  });

  it("flags a school twice in the file (same name and city, any case)", () => {
    const result = rows("scholen", "naam;plaats;sector;bestuur\nDe Linde;Gouda;po;B\nde linde;GOUDA;po;B\nDe Linde;Ede;po;B");
    expect(result.map((r) => r.issues.map((i) => i.code))).toEqual([["duplicateSchool"], ["duplicateSchool"], []]);
  });

  it("parses roles by id, Dutch label or common word; students get the student role", () => {
    expect(parseRole("Onderzoekscoördinator")).toBe("onderzoekscoordinator");
    expect(parseRole("Leerkracht")).toBe("leraar");
    expect(parseRole("Werkplek-begeleider")).toBe("werkplekbegeleider");
    expect(parseRole("conciërge")).toBeNull();
    const staff = rows("medewerkers", "naam;e-mail;rol;organisatie\nA;a@x.nl;programmaleider;P\nB;b@x.nl;conciërge;P");
    expect(staff.map((r) => r.issues.map((i) => i.code))).toEqual([["roleNotImportable"], ["roleInvalid"]]);
    expect(issueSentence(t, staff[0]!.issues[0]!)).toBe("Rij 2, kolom ‘rol’: de rol Programmaleider kan niet via een import worden gegeven.");
    const students = rows("studenten", "naam;e-mail;instituut\nA B;A@X.NL;Pabo");
    expect(students[0]!.data).toEqual({ name: "A B", email: "a@x.nl", role: "student", organisation: "Pabo", city: null });
  });

  it("flags a row with more cells than columns (a comma inside an unquoted name)", () => {
    const result = rows("studenten", "naam,e-mail,instituut\nBakker, Jan,j@x.nl,Pabo");
    expect(result[0]!.issues.map((i) => i.code)).toContain("tooManyCells");
  });

  it("refuses control characters, line breaks and overlong values", () => {
    const result = rows("studenten", `naam;e-mail;instituut\n"Jan\nSmit";j@x.nl;Pabo\n${"x".repeat(201)};k@x.nl;Pabo`);
    expect(result[0]!.issues.map((i) => i.code)).toEqual(["controlChars"]);
    expect(result[1]!.issues).toMatchObject([{ code: "tooLong", params: { max: 200 } }]);
  });

  it("helpers: sectors, shortage, match keys", () => {
    expect(parseSector("VO")).toBe("vo");
    expect(parseSector("speciaal onderwijs")).toBe("so");
    expect(parseShortage("")).toBeNull();
    expect(parseShortage("12,3")).toBe(123);
    expect(parseShortage("1,25")).toBe("invalid");
    expect(matchKey("Hogeschool Rivierland – Pabo ")).toBe(matchKey("hogeschool rivierland - pabo"));
    expect(matchKey("Café")).toBe("cafe");
  });
});
