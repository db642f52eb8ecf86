import { describe, expect, it } from "vitest";
import { questionFit } from "./question-fit";

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
});
