import { describe, expect, it } from "vitest";
import { validityMessage, type ValidityControl, type ValidityFlags } from "./validity-message";

const valid: ValidityFlags = {
  valueMissing: false,
  typeMismatch: false,
  tooShort: false,
  tooLong: false,
  rangeUnderflow: false,
  rangeOverflow: false,
  stepMismatch: false,
  patternMismatch: false,
  badInput: false,
};
const control = (flags: Partial<ValidityFlags>, rest: Partial<ValidityControl> = {}): ValidityControl => ({
  validity: { ...valid, ...flags },
  type: "text",
  value: "",
  ...rest,
});

describe("validityMessage", () => {
  it("is null for a valid control", () => {
    expect(validityMessage(control({}))).toBeNull();
  });

  it("asks to fill in an empty text field, to choose in a select, to tick a checkbox", () => {
    expect(validityMessage(control({ valueMissing: true }))).toEqual({ key: "common.validity.valueMissing", values: undefined });
    expect(validityMessage(control({ valueMissing: true }, { type: "textarea" }))).toMatchObject({ key: "common.validity.valueMissing" });
    expect(validityMessage(control({ valueMissing: true }, { type: "select-one" }))).toMatchObject({ key: "common.validity.valueMissingChoice" });
    expect(validityMessage(control({ valueMissing: true }, { type: "radio" }))).toMatchObject({ key: "common.validity.valueMissingChoice" });
    expect(validityMessage(control({ valueMissing: true }, { type: "checkbox" }))).toMatchObject({ key: "common.validity.valueMissingCheckbox" });
    expect(validityMessage(control({ valueMissing: true }, { type: "file" }))).toMatchObject({ key: "common.validity.valueMissingFile" });
  });

  it("explains a malformed e-mail address or web address specifically", () => {
    expect(validityMessage(control({ typeMismatch: true }, { type: "email" }))).toMatchObject({ key: "common.validity.typeMismatchEmail" });
    expect(validityMessage(control({ typeMismatch: true }, { type: "url" }))).toMatchObject({ key: "common.validity.typeMismatchUrl" });
  });

  it("names the limit and the current length for too short or too long text", () => {
    expect(validityMessage(control({ tooShort: true }, { value: "abc", minLength: 12 }))).toEqual({
      key: "common.validity.tooShort",
      values: { min: 12, length: 3 },
    });
    expect(validityMessage(control({ tooLong: true }, { value: "abcdef", maxLength: 5 }))).toEqual({
      key: "common.validity.tooLong",
      values: { max: 5, length: 6 },
    });
  });

  it("names the bound of a number or date out of range", () => {
    expect(validityMessage(control({ rangeUnderflow: true }, { type: "number", min: "1" }))).toEqual({
      key: "common.validity.rangeUnderflow",
      values: { min: "1" },
    });
    expect(validityMessage(control({ rangeOverflow: true }, { type: "date", max: "2027-07-31" }))).toEqual({
      key: "common.validity.rangeOverflow",
      values: { max: "2027-07-31" },
    });
  });

  it("uses the author's title for a pattern when there is one", () => {
    expect(validityMessage(control({ patternMismatch: true }, { title: "Vier cijfers, bijvoorbeeld 2027" }))).toEqual({
      text: "Vier cijfers, bijvoorbeeld 2027",
    });
    expect(validityMessage(control({ patternMismatch: true }))).toMatchObject({ key: "common.validity.patternMismatch" });
  });

  it("reports a missing value before anything else", () => {
    expect(validityMessage(control({ valueMissing: true, typeMismatch: true }, { type: "email" }))).toMatchObject({
      key: "common.validity.valueMissing",
    });
  });
});
