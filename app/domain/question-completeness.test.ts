import { describe, expect, it } from "vitest";
import { missingForSubmission } from "./question-completeness";

const complete = {
  title: "Hoe vergroten we de leesmotivatie in groep 6?",
  background: "Steeds minder kinderen lezen uit zichzelf, zegt de vragenlijst.",
  desiredOutcome: "Leesactiviteiten voor alle groepen.",
  themeId: "lezen-en-taal",
  supervisorName: "Luuk Dekker",
};

describe("missingForSubmission", () => {
  it("finds nothing missing in a complete question", () => {
    expect(missingForSubmission(complete)).toEqual([]);
  });

  it("lists every field a draft still lacks, in form order, with the form's minimums", () => {
    expect(missingForSubmission({ title: "Leesmotivatie", background: "", desiredOutcome: "  ", themeId: null, supervisorName: "" })).toEqual([
      "background",
      "desiredOutcome",
      "themeId",
      "supervisorName",
    ]);
    expect(missingForSubmission({ ...complete, title: "Lezen?" })).toEqual(["title"]);
    expect(missingForSubmission({ ...complete, background: "Te kort." })).toEqual(["background"]);
    expect(missingForSubmission({ ...complete, supervisorName: " L " })).toEqual(["supervisorName"]);
  });
});
