import { describe, expect, it } from "vitest";
import { MAX_SUGGESTIONS, normaliseName, pickSchool } from "./school-picker";

const schools = [
  { id: "1", name: "Basisschool De Regenboog" },
  { id: "2", name: "Basisschool De Regenboog Oost" },
  { id: "3", name: "Kindcentrum Eén" },
  { id: "4", name: "Het Rivierencollege" },
];

describe("pickSchool", () => {
  it("takes a known id, and ignores an unknown one", () => {
    expect(pickSchool(schools, { schoolId: "4" }).selected).toEqual(schools[3]);
    expect(pickSchool(schools, { schoolId: "nope" })).toEqual({ selected: null, suggestions: [], moreSuggestions: false, notFound: false });
  });
  it("chooses the one school a typed name fits, ignoring case and accents", () => {
    expect(pickSchool(schools, { query: "rivieren" }).selected?.id).toBe("4");
    expect(pickSchool(schools, { query: "kindcentrum een" }).selected?.id).toBe("3");
  });
  it("prefers an exact name over longer names that contain it", () => {
    expect(pickSchool(schools, { query: "basisschool de regenboog" }).selected?.id).toBe("1");
  });
  it("suggests the schools when several fit, and says when none does", () => {
    const several = pickSchool(schools, { query: "regenboog" });
    expect(several.selected).toBeNull();
    expect(several.suggestions.map((s) => s.id)).toEqual(["1", "2"]);
    expect(pickSchool(schools, { query: "Zevensprong" }).notFound).toBe(true);
  });
  it("caps the suggestions", () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ id: String(i), name: `School ${i}` }));
    const pick = pickSchool(many, { query: "school" });
    expect(pick.suggestions).toHaveLength(MAX_SUGGESTIONS);
    expect(pick.moreSuggestions).toBe(true);
  });
  it("treats an empty or blank query as no filter", () => {
    expect(pickSchool(schools, { query: "   " }).notFound).toBe(false);
    expect(normaliseName("  Eén   School ")).toBe("een school");
  });
});
