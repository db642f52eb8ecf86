import { describe, expect, it } from "vitest";
import { decodeToken, encodeToken, type TokenState } from "./token.server";

const state: TokenState = {
  verb: "ListRecords",
  metadataPrefix: "oai_dc",
  set: "sector:po",
  from: "2025-01-01T00:00:00Z",
  afterDatestamp: "2025-03-01T10:00:00Z",
  afterId: "abc",
  sent: 50,
  expires: 2_000,
};

describe("resumption tokens", () => {
  it("carry the harvest's arguments and cursor", () => {
    const token = encodeToken(state, "geheim-geheim-geheim");
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(decodeToken(token, "geheim-geheim-geheim", "ListRecords", 1_000)).toEqual(state);
  });

  it("are refused when expired, forged, signed with another key or for another verb", () => {
    const token = encodeToken(state, "geheim-geheim-geheim");
    expect(decodeToken(token, "geheim-geheim-geheim", "ListRecords", 2_001)).toBeNull();
    expect(decodeToken(token, "een-ander-geheim!!", "ListRecords", 1_000)).toBeNull();
    expect(decodeToken(token, "geheim-geheim-geheim", "ListIdentifiers", 1_000)).toBeNull();
    const [payload, signature] = token.split(".");
    const changed = Buffer.from(Buffer.from(payload!, "base64url").toString().replace("abc", "abd")).toString("base64url");
    expect(decodeToken(`${changed}.${signature}`, "geheim-geheim-geheim", "ListRecords", 1_000)).toBeNull();
    for (const junk of ["", ".", "x.y", "a.b.c", "%%%", "x".repeat(5000)]) {
      expect(decodeToken(junk, "geheim-geheim-geheim", "ListRecords", 1_000), junk).toBeNull();
    }
  });
});
