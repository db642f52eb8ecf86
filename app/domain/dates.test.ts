import { describe, expect, it } from "vitest";
import { amsterdamDate, amsterdamOffset, endOfDayInAmsterdam, formatDate, formatDateTime, isDateOnly, startOfDayInAmsterdam } from "./dates";

describe("dates in Europe/Amsterdam", () => {
  it("reads a date-only deadline as the end of that day in Amsterdam, winter and summer", () => {
    expect(endOfDayInAmsterdam("2027-01-15")).toBe("2027-01-15T22:59:59.999Z");
    expect(endOfDayInAmsterdam("2027-06-15")).toBe("2027-06-15T21:59:59.999Z");
    expect(endOfDayInAmsterdam("2026-12-31")).toBe("2026-12-31T22:59:59.999Z");
  });

  it("handles the days of the daylight-saving switches", () => {
    // Summer time starts 28 March 2027 at 02:00, ends 31 October 2027 at 03:00.
    expect(endOfDayInAmsterdam("2027-03-28")).toBe("2027-03-28T21:59:59.999Z");
    expect(endOfDayInAmsterdam("2027-10-31")).toBe("2027-10-31T22:59:59.999Z");
    expect(startOfDayInAmsterdam("2027-03-28")).toBe("2027-03-27T23:00:00.000Z");
    expect(startOfDayInAmsterdam("2027-10-31")).toBe("2027-10-30T22:00:00.000Z");
  });

  it("shows such a deadline as the same date, never the next day", () => {
    const deadline = endOfDayInAmsterdam("2027-01-15")!;
    expect(formatDate(deadline, "nl")).toBe("15 januari 2027");
    expect(formatDate(deadline, "en")).toBe("15 January 2027");
    expect(amsterdamDate(deadline)).toBe("2027-01-15");
    expect(formatDate(endOfDayInAmsterdam("2027-07-01")!, "nl")).toBe("1 juli 2027");
  });

  it("formats date and time on the Amsterdam clock", () => {
    expect(formatDateTime("2027-01-15T13:30:00.000Z", "nl")).toBe("15 jan 2027, 14:30");
    expect(formatDateTime("2027-07-15T13:30:00.000Z", "nl")).toBe("15 jul 2027, 15:30");
    expect(formatDate("2027-01-15T23:30:00.000Z", "nl")).toBe("16 januari 2027");
  });

  it("knows the offset in winter and summer", () => {
    expect(amsterdamOffset(Date.parse("2027-01-15T12:00:00Z"))).toBe(3_600_000);
    expect(amsterdamOffset(Date.parse("2027-07-15T12:00:00Z"))).toBe(7_200_000);
  });

  it("refuses what is not a real calendar date", () => {
    for (const bad of ["", "15-01-2027", "2027-02-30", "2027-13-01", "2027-1-5", "2027-01-15T00:00", "morgen"]) {
      expect(isDateOnly(bad)).toBe(false);
      expect(endOfDayInAmsterdam(bad)).toBeNull();
    }
    expect(isDateOnly("2028-02-29")).toBe(true);
    expect(formatDate("geen datum", "nl")).toBe("");
  });
});
