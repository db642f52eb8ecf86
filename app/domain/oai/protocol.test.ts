import { describe, expect, it } from "vitest";
import { checkWindow, oaiIdentifier, parseRequest, parseSetSpec, parseUtcDate, resultIdFromIdentifier } from "./protocol";

const parse = (query: string) => parseRequest([...new URLSearchParams(query)]);
const codes = (query: string) => {
  const parsed = parse(query);
  return parsed.ok ? [] : parsed.errors.map((e) => e.code);
};

describe("parseRequest", () => {
  it("accepts every verb with its arguments", () => {
    expect(parse("verb=Identify")).toMatchObject({ ok: true, request: { verb: "Identify" } });
    expect(parse("verb=ListMetadataFormats&identifier=x")).toMatchObject({ ok: true, request: { identifier: "x" } });
    expect(parse("verb=ListSets")).toMatchObject({ ok: true });
    expect(parse("verb=ListRecords&metadataPrefix=oai_dc&set=sector:po&from=2025-01-01&until=2025-12-31")).toMatchObject({
      ok: true,
      request: { verb: "ListRecords", set: "sector:po", from: "2025-01-01T00:00:00Z", until: "2025-12-31T23:59:59Z" },
    });
    expect(parse("verb=ListIdentifiers&resumptionToken=abc")).toMatchObject({ ok: true, request: { resumptionToken: "abc" } });
    expect(parse("verb=GetRecord&identifier=oai:h:result/1&metadataPrefix=oai_dc")).toMatchObject({ ok: true });
  });

  it("answers badVerb for a missing, unknown or repeated verb, without echoing arguments", () => {
    for (const q of ["", "verb=Nope", "verb=Identify&verb=Identify", "verb=identify"]) {
      const parsed = parse(q);
      expect(parsed.ok).toBe(false);
      expect(codes(q)).toEqual(["badVerb"]);
      expect(parsed.echo).toBeNull();
    }
  });

  it("answers badArgument for illegal, repeated, missing or empty arguments and bad dates", () => {
    expect(codes("verb=Identify&foo=bar")).toEqual(["badArgument"]);
    expect(codes("verb=ListRecords")).toEqual(["badArgument"]);
    expect(codes("verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc")).toEqual(["badArgument"]);
    expect(codes("verb=GetRecord&metadataPrefix=oai_dc")).toEqual(["badArgument"]);
    expect(codes("verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=x")).toEqual(["badArgument"]);
    expect(codes("verb=ListRecords&metadataPrefix=oai_dc&from=2025-13-01")).toEqual(["badArgument"]);
    expect(codes("verb=ListRecords&metadataPrefix=oai_dc&from=2025-01-01&until=2025-01-02T00:00:00Z")).toEqual(["badArgument"]);
    expect(codes("verb=ListRecords&metadataPrefix=oai_dc&from=2025-02-01&until=2025-01-01")).toEqual(["badArgument"]);
    expect(codes("verb=ListIdentifiers&metadataPrefix=")).toEqual(["badArgument"]);
  });

  it("answers cannotDisseminateFormat for any prefix but oai_dc", () => {
    expect(codes("verb=ListRecords&metadataPrefix=marc21")).toEqual(["cannotDisseminateFormat"]);
    expect(codes("verb=GetRecord&identifier=x&metadataPrefix=mods")).toEqual(["cannotDisseminateFormat"]);
  });
});

describe("dates", () => {
  it("takes both granularities and refuses impossible dates and other forms", () => {
    expect(parseUtcDate("2024-02-29")?.granularity).toBe("day");
    expect(parseUtcDate("2024-02-29T23:59:59Z")?.granularity).toBe("second");
    for (const bad of ["2023-02-29", "2024-02-29T24:00:00Z", "2024-02-29T12:00:00", "2024-02-29T12:00Z", "2024-2-9", "gisteren"]) {
      expect(parseUtcDate(bad), bad).toBeNull();
    }
  });

  it("turns a day until into the last second of that day", () => {
    expect(checkWindow("2025-01-01", "2025-01-01")).toEqual({ from: "2025-01-01T00:00:00Z", until: "2025-01-01T23:59:59Z" });
    expect(checkWindow(undefined, "2025-01-01T10:00:00Z")).toEqual({ until: "2025-01-01T10:00:00Z" });
  });
});

describe("identifiers and sets", () => {
  it("round-trips oai:<host>:result/<id> and refuses other hosts", () => {
    const id = oaiIdentifier("samen.example.nl", "3f1c-42");
    expect(id).toBe("oai:samen.example.nl:result/3f1c-42");
    expect(resultIdFromIdentifier("samen.example.nl", id)).toBe("3f1c-42");
    expect(resultIdFromIdentifier("elders.nl", id)).toBeNull();
    expect(resultIdFromIdentifier("samen.example.nl", "oai:samen.example.nl:result/../x")).toBeNull();
  });

  it("reads theme and sector sets", () => {
    expect(parseSetSpec("theme:lezen-en-taal")).toEqual({ kind: "theme", value: "lezen-en-taal" });
    expect(parseSetSpec("sector:po")).toEqual({ kind: "sector", value: "po" });
    expect(parseSetSpec("school:x")).toBeNull();
    expect(parseSetSpec("theme:")).toBeNull();
  });
});
