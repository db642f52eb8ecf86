import { describe, expect, it } from "vitest";
import { accountDelayMs, MAX_ACCOUNT_DELAY_MS } from "./login-throttle.server";

describe("accountDelayMs: a growing delay instead of a lock", () => {
  it("is zero below the ceiling, then doubles up to a minute", () => {
    expect(accountDelayMs(19, 20)).toBe(0);
    expect(accountDelayMs(20, 20)).toBe(1000);
    expect(accountDelayMs(21, 20)).toBe(2000);
    expect(accountDelayMs(25, 20)).toBe(32_000);
    expect(accountDelayMs(26, 20)).toBe(MAX_ACCOUNT_DELAY_MS);
    expect(accountDelayMs(10_000, 20)).toBe(MAX_ACCOUNT_DELAY_MS);
  });
});
