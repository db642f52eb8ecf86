import { describe, expect, it } from "vitest";
import { tFor } from "../utils/i18n.server";
import { blocksToMarkdown } from "./plan-document";
import {
  consentAgeSchema,
  consentFormMarkdown,
  ethicsChecklistBlocks,
  readEthics,
  requiredConsent,
  signOffRecord,
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

describe("ethicsChecklistBlocks (the checklist in the exports)", () => {
  const render = (answers: Parameters<typeof ethicsChecklistBlocks>[0]["answers"], age = 16) =>
    blocksToMarkdown(
      ethicsChecklistBlocks({ answers, policy: { parentalConsentUnderAge: age }, t: tFor("nl"), formatDate: (iso) => `de dag ${iso.slice(0, 10)}` }),
    );

  it("shows every answer, the consent that follows from them and who signed off", () => {
    const md = render({
      pupilsInvolved: "ja",
      ageGroups: ["onder-12", "12-15"],
      dataMinimisation: "Alleen leesminuten per week, geen namen.",
      storage: "OneDrive van de hogeschool",
      retention: "1-jaar",
      signedOff: { name: "Annelies de Graaf", at: "2026-11-30T10:00:00.000Z" },
    });
    expect(md).toContain("### Checklist Ethiek en AVG");
    expect(md).toContain("**Doen er leerlingen mee aan het onderzoek?** Ja");
    expect(md).toContain("Jonger dan 12 jaar, 12 tot en met 15 jaar");
    expect(md).toContain("Actieve toestemming van ouders of verzorgers (leerlingen jonger dan 16 jaar)");
    expect(md).toContain("Alleen leesminuten per week, geen namen.");
    expect(md).toContain("Tot één jaar na het onderzoek");
    expect(md).toContain("Afgetekend door Annelies de Graaf op de dag 2026-11-30");
    expect(md).not.toContain("nog niet ingevuld");
  });

  it("says what is still open instead of leaving it out", () => {
    const md = render({});
    expect(md.match(/nog niet ingevuld/g)).toHaveLength(5);
    expect(md).toContain("Nog niet te bepalen");
    expect(md).toContain("Nog niet afgetekend door de begeleider.");
  });

  it("asks no ages or data questions when no pupils take part, and follows the partnership's age", () => {
    expect(render({ pupilsInvolved: "nee" })).not.toContain("Welke leeftijden");
    expect(render({ pupilsInvolved: "nee" })).toContain("Geen toestemming van leerlingen of ouders nodig.");
    expect(render({ pupilsInvolved: "ja", ageGroups: ["16-plus"] }, 18)).toContain("jonger dan 18");
  });
});

describe("the sign-off holds for the answers it signed (record 0018)", () => {
  const answers = { pupilsInvolved: "nee", storage: "OneDrive", retention: "1-jaar" } as const;
  const record = signOffRecord(answers, { id: "u1", name: "Annelies de Graaf" }, new Date("2026-12-01T10:00:00Z"));

  it("shows the server's sign-off while the answers are the signed ones", () => {
    expect(readEthics(answers, record).signedOff).toEqual({ name: "Annelies de Graaf", at: "2026-12-01T10:00:00.000Z" });
  });

  it("lapses when any answer changes, and a sign-off written into the answers counts for nothing", () => {
    expect(readEthics({ ...answers, retention: "5-jaar" }, record).signedOff).toBeUndefined();
    expect(readEthics({ ...answers, storage: "OneDrive " }, record).signedOff).toBeUndefined();
    expect(readEthics({ ...answers, signedOff: { name: "Annelies de Graaf", at: "2026-12-01T10:00:00.000Z" } }).signedOff).toBeUndefined();
    expect(readEthics(answers, { ...record, answers: undefined }).signedOff).toBeUndefined();
  });
});

describe("consentFormMarkdown escapes free text (issue 18, 9d)", () => {
  it("keeps links, headings, HTML and emphasis in answers as literal text", () => {
    const md = consentFormMarkdown({
      planTitle: "Lezen <b>nu</b>",
      schoolName: "De Ark",
      answers: {
        pupilsInvolved: "ja",
        dataMinimisation: "# Kop\n- lijst",
        storage: "[Klik hier](https://evil.example)\n\n# Nieuwe kop *nu*",
      },
    });
    expect(md).toContain("\\[Klik hier\\](https://evil.example) \\# Nieuwe kop \\*nu\\*");
    expect(md).not.toMatch(/^# Nieuwe kop/m);
    expect(md).toContain("\\# Kop - lijst");
    expect(md).toContain("Lezen \\<b\\>nu\\</b\\>");
    expect(md.match(/^# /gm)).toHaveLength(1); // only the form's own title
  });
});
