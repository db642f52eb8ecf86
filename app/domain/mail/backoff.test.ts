import { describe, expect, it } from "vitest";
import { amsterdamDayAndHour, digestDue, MAX_RETRY_DELAY_MS, retryDelayMs } from "./backoff";

describe("retryDelayMs", () => {
  it("doubles per attempt from the base and stops at six hours", () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 1000))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(40, 60_000)).toBe(MAX_RETRY_DELAY_MS);
  });
});

describe("digestDue", () => {
  // 2026-12-07 08:30 in Amsterdam (UTC+1).
  const morning = new Date("2026-12-07T07:30:00Z");
  it("is due once per Amsterdam day from the digest hour on", () => {
    expect(amsterdamDayAndHour(morning)).toEqual({ day: "2026-12-07", hour: 8 });
    expect(digestDue(null, morning, 7)).toBe(true);
    expect(digestDue(null, morning, 9)).toBe(false);
    expect(digestDue("2026-12-06T18:00:00Z", morning, 7)).toBe(true);
    expect(digestDue("2026-12-07T06:10:00Z", morning, 7)).toBe(false);
  });
});
