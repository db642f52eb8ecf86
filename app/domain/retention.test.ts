import { describe, expect, it } from "vitest";
import { addMonths, DEFAULT_LEAVER_RETENTION_MONTHS, leaverTermMonths, scheduleErasures } from "./retention";

describe("retention", () => {
  it("adds calendar months, clamped to the month's end", () => {
    expect(addMonths(new Date("2026-01-31T10:00:00.000Z"), 1).toISOString()).toBe("2026-02-28T10:00:00.000Z");
    expect(addMonths(new Date("2024-08-15T00:00:00.000Z"), 24).toISOString()).toBe("2026-08-15T00:00:00.000Z");
    expect(addMonths(new Date("2026-03-31T00:00:00.000Z"), -1).toISOString()).toBe("2026-02-28T00:00:00.000Z");
  });

  it("takes the longest term of a student's partnerships, the default without one", () => {
    expect(leaverTermMonths([12, 36, 24])).toBe(36);
    expect(leaverTermMonths([])).toBe(DEFAULT_LEAVER_RETENTION_MONTHS);
  });

  it("lists due leavers first, then those within the horizon, and leaves out the rest", () => {
    const now = new Date("2026-12-07T12:00:00.000Z");
    const schedule = scheduleErasures(
      [
        { userId: "later", disabledAt: "2025-12-20T00:00:00.000Z", termMonths: 12 },
        { userId: "due", disabledAt: "2024-06-01T00:00:00.000Z", termMonths: 24 },
        { userId: "far", disabledAt: "2026-07-01T00:00:00.000Z", termMonths: 24 },
      ],
      now,
      60,
    );
    expect(schedule.map((s) => [s.userId, s.due])).toEqual([
      ["due", true],
      ["later", false],
    ]);
    expect(schedule[0]!.eraseAt).toBe("2026-06-01T00:00:00.000Z");
  });
});
