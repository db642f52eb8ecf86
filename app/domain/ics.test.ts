import { describe, expect, it } from "vitest";
import { calendarFile, escapeText, foldLine, icsDateTime } from "./ics";

describe("ics", () => {
  it("escapes backslashes, semicolons, commas and newlines", () => {
    expect(escapeText("a\\b; c, d\ne")).toBe("a\\\\b\\; c\\, d\\ne");
  });

  it("writes UTC date-times", () => {
    expect(icsDateTime("2027-01-15T13:00:00.000Z")).toBe("20270115T130000Z");
    expect(() => icsDateTime("gisteren")).toThrow();
  });

  it("folds long lines at 75 octets without splitting a character", () => {
    const line = `DESCRIPTION:${"é".repeat(100)}`;
    const folded = foldLine(line);
    const encoder = new TextEncoder();
    for (const part of folded.split("\r\n")) expect(encoder.encode(part).length).toBeLessThanOrEqual(75);
    expect(folded.split("\r\n").map((p, i) => (i === 0 ? p : p.slice(1))).join("")).toBe(line);
    expect(foldLine("SHORT:x")).toBe("SHORT:x");
  });

  it("makes one VEVENT with CRLF line ends and the escaped fields", () => {
    const text = calendarFile({
      uid: "m1@samen-onderzoeken",
      start: "2027-03-02T15:00:00.000Z",
      title: "Bijeenkomst: taal, lezen; schrijven",
      location: "Pabo Rivierenland, lokaal 2",
      description: "Agenda:\n1. Opening\n2. Resultaten delen",
      stamp: "2027-01-01T00:00:00.000Z",
    });
    expect(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/\n/);
    expect(text).toContain("DTSTART:20270302T150000Z\r\n");
    expect(text).toContain("DTEND:20270302T170000Z\r\n");
    expect(text).toContain("SUMMARY:Bijeenkomst: taal\\, lezen\\; schrijven\r\n");
    expect(text).toContain("DESCRIPTION:Agenda:\\n1. Opening\\n2. Resultaten delen\r\n");
  });
});
