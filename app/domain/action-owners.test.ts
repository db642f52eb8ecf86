import { describe, expect, it } from "vitest";
import { amsterdamToday, checkDueDate, checkStatusChange, isOverdue } from "./action-owners";

// 22:30 UTC on 7 December is 23:30 in Amsterdam (winter time): still the 7th.
const lateEvening = new Date("2026-12-07T22:30:00Z");
// 23:30 UTC on the 7th is 00:30 on the 8th in Amsterdam.
const afterMidnight = new Date("2026-12-07T23:30:00Z");

describe("action due dates (Europe/Amsterdam, date-only = end of that day)", () => {
  it("today is the Amsterdam date, not the UTC one", () => {
    expect(amsterdamToday(lateEvening)).toBe("2026-12-07");
    expect(amsterdamToday(afterMidnight)).toBe("2026-12-08");
    expect(amsterdamToday(new Date("2027-06-30T22:30:00Z"))).toBe("2027-07-01"); // summer time: UTC+2
  });

  it("allows no date, today and later; refuses the past and impossible dates", () => {
    expect(checkDueDate("", lateEvening)).toEqual({ ok: true, dueDate: null });
    expect(checkDueDate("2026-12-07", lateEvening)).toEqual({ ok: true, dueDate: "2026-12-07" });
    expect(checkDueDate("2026-12-07", afterMidnight)).toEqual({ ok: false, error: "datePast" });
    expect(checkDueDate("2026-12-06", lateEvening)).toEqual({ ok: false, error: "datePast" });
    expect(checkDueDate("2027-02-30", lateEvening)).toEqual({ ok: false, error: "dateInvalid" });
    expect(checkDueDate("7-12-2026", lateEvening)).toEqual({ ok: false, error: "dateInvalid" });
  });

  it("an open action is overdue only after the end of its due day in Amsterdam", () => {
    expect(isOverdue({ dueDate: "2026-12-07", status: "bezig" }, lateEvening)).toBe(false);
    expect(isOverdue({ dueDate: "2026-12-07", status: "bezig" }, afterMidnight)).toBe(true);
    expect(isOverdue({ dueDate: "2026-12-07", status: "gedaan" }, afterMidnight)).toBe(false);
    expect(isOverdue({ dueDate: "2026-12-07", status: "losgelaten" }, afterMidnight)).toBe(false);
    expect(isOverdue({ dueDate: null, status: "gepland" }, afterMidnight)).toBe(false);
  });
});

describe("action status changes", () => {
  it("knows the four statuses, and letting go needs a reason", () => {
    expect(checkStatusChange("verzonnen", "")).toEqual({ ok: false, error: "statusUnknown" });
    expect(checkStatusChange(undefined, "")).toEqual({ ok: false, error: "statusUnknown" });
    expect(checkStatusChange("losgelaten", "   ")).toEqual({ ok: false, error: "reasonRequired" });
    expect(checkStatusChange("losgelaten", " Geen tijd dit jaar. ")).toEqual({ ok: true, status: "losgelaten", reason: "Geen tijd dit jaar." });
    expect(checkStatusChange("bezig", "")).toEqual({ ok: true, status: "bezig", reason: "" });
    expect(checkStatusChange("gedaan", "x".repeat(3000))).toMatchObject({ ok: true, reason: "x".repeat(2000) });
  });
});
