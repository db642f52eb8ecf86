import { describe, expect, it } from "vitest";
import { isDemoEmail, shouldLoadDemo } from "./demo-data";

describe("shouldLoadDemo (contract 6.11)", () => {
  const origins: [string | undefined, boolean][] = [
    [undefined, true],
    ["http://localhost:3000", true],
    ["http://127.0.0.1:4000", true],
    ["http://[::1]:3000", true],
    ["https://onderzoek.example.nl", false],
    ["https://localhost.example.nl", false],
    ["http://10.0.0.5:3000", false],
  ];
  it.each(origins)("without SEED_DEMO, APP_ORIGIN %s → %s", (origin, expected) => {
    expect(shouldLoadDemo(undefined, origin)).toBe(expected);
  });
  it.each(origins)("SEED_DEMO=true loads the demo whatever APP_ORIGIN (%s)", (origin) => {
    expect(shouldLoadDemo(true, origin)).toBe(true);
  });
  it.each(origins)("SEED_DEMO=false never loads it (APP_ORIGIN %s)", (origin) => {
    expect(shouldLoadDemo(false, origin)).toBe(false);
  });
  it("treats an unparsable origin as not local", () => {
    expect(shouldLoadDemo(undefined, "geen-url")).toBe(false);
  });
});

describe("isDemoEmail", () => {
  it("knows the demo accounts and the generated people, nobody else", () => {
    expect(isDemoEmail("admin@demo.nl")).toBe(true);
    expect(isDemoEmail("lotte.jansen@regenboog.demo.nl")).toBe(true);
    expect(isDemoEmail("iemand@nietdemo.nl")).toBe(false);
    expect(isDemoEmail("demo.nl@school.nl")).toBe(false);
  });
});
