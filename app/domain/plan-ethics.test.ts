import { describe, expect, it } from "vitest";
import {
  consentAgeSchema,
  consentFormMarkdown,
  requiredConsent,
  strictestConsentPolicy,
  type AgeGroup,
  type RequiredConsent,
} from "./plan-ethics";

describe("requiredConsent per partnership age", () => {
  // Every age group combination against every allowed policy age.
  const cases: [AgeGroup[], number, RequiredConsent][] = [
    [["onder-12"], 16, "parents"],
    [["12-15"], 16, "parents"],
    [["16-plus"], 16, "pupil"],
    [["12-15", "16-plus"], 16, "parents-and-pupil"],
    [["onder-12"], 17, "parents"],
    [["16-plus"], 17, "parents-and-pupil"],
    [["16-plus"], 18, "parents-and-pupil"],
    [["12-15"], 18, "parents"],
  ];
  it.each(cases)("%j with consent age %i needs %s", (ageGroups, age, expected) => {
    expect(requiredConsent({ pupilsInvolved: "ja", ageGroups }, { parentalConsentUnderAge: age })).toBe(expected);
  });

  it("needs nothing when no pupils take part, whatever the age", () => {
    expect(requiredConsent({ pupilsInvolved: "nee", ageGroups: ["onder-12"] }, { parentalConsentUnderAge: 18 })).toBe("none");
  });

  it("never says 'no consent needed' before the checklist is answered", () => {
    expect(requiredConsent({})).toBe("undecided");
    expect(requiredConsent({ pupilsInvolved: "ja" })).toBe("undecided");
    expect(requiredConsent({ pupilsInvolved: "ja", ageGroups: [] })).toBe("undecided");
    const form = consentFormMarkdown({ planTitle: "Leesmotivatie", schoolName: "De Regenboog", answers: { pupilsInvolved: "ja" } });
    expect(form).toContain("Nog niet te bepalen");
    expect(form).not.toContain("niet nodig");
  });
});

describe("strictestConsentPolicy", () => {
  it("takes the highest age of the school's partnerships", () => {
    expect(strictestConsentPolicy([16, 18, 17])).toEqual({ parentalConsentUnderAge: 18 });
  });
  it("falls back to the legal 16 without partnerships or with nonsense", () => {
    expect(strictestConsentPolicy([])).toEqual({ parentalConsentUnderAge: 16 });
    expect(strictestConsentPolicy([3, 99, 16.5])).toEqual({ parentalConsentUnderAge: 16 });
  });
});

describe("consentAgeSchema", () => {
  it.each(["16", "17", "18"])("accepts %s", (value) => {
    expect(consentAgeSchema.safeParse({ parentalConsentUnderAge: value }).success).toBe(true);
  });
  it.each([
    ["15", "belowLaw"],
    ["19", "tooHigh"],
    ["16.5", "whole"],
    ["zestien", "required"],
  ])("refuses %s with its own message", (value, key) => {
    const parsed = consentAgeSchema.safeParse({ parentalConsentUnderAge: value });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(`organisations.consentAge.errors.${key}`);
  });
});

describe("consentFormMarkdown", () => {
  const answers = {
    pupilsInvolved: "ja" as const,
    ageGroups: ["12-15", "16-plus"] as AgeGroup[],
    dataMinimisation: "Alleen leeftijd en antwoorden.",
    storage: "SharePoint van de school",
    retention: "1-jaar" as const,
  };
  it("names the partnership's age where pupils sign themselves", () => {
    const md = consentFormMarkdown({ planTitle: "Lezen", schoolName: "De Ark", answers, policy: { parentalConsentUnderAge: 18 } });
    expect(md).toContain("leerling van 18 jaar of ouder");
    expect(md).not.toContain("16 jaar");
  });
  it("uses the legal 16 by default", () => {
    const md = consentFormMarkdown({ planTitle: "Lezen", schoolName: "De Ark", answers });
    expect(md).toContain("leerling van 16 jaar of ouder");
  });
});
