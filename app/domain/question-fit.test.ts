import { describe, expect, it } from "vitest";
import { monthsBetween, questionFit } from "./question-fit";

describe("questionFit", () => {
  const student = { themeIds: ["lezen-en-taal"], sectors: ["po"], homeCity: "Lingestad" };
  it("scores theme over sector over distance and names the reasons", () => {
    expect(questionFit({ student, question: { themeId: "lezen-en-taal", sector: "po", city: "Lingestad" } })).toEqual({
      score: 6,
      reasons: ["theme", "sector", "nearby"],
    });
    expect(questionFit({ student, question: { themeId: "burgerschap", sector: "vo", city: "Waalhaven" } })).toEqual({ score: 0, reasons: [] });
    expect(questionFit({ student, question: { themeId: null, sector: "po", city: "Oeverbeek" } }).reasons).toEqual(["sector"]);
  });

  it("adds the period when a lab's period overlaps the student's availability", () => {
    const lab = { start: "2027-02-01", end: "2027-06-30" };
    const spring = { ...student, availability: "voorjaar" };
    const autumn = { ...student, availability: "najaar" };
    expect(questionFit({ student: spring, question: { themeId: null, sector: "vo", city: "X", period: lab } }).reasons).toEqual(["period"]);
    expect(questionFit({ student: autumn, question: { themeId: null, sector: "vo", city: "X", period: lab } }).reasons).toEqual([]);
    expect(monthsBetween("2026-11-15", "2027-01-10")).toEqual([11, 12, 1]);
  });
});
