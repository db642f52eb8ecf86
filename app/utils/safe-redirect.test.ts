import { describe, expect, it } from "vitest";
import { safeRedirect } from "./auth.server";

describe("safeRedirect", () => {
  it.each([
    "/\t/example.org",
    "/\n/example.org",
    "/\r\nSet-Cookie: x=1",
    "/\u0000",
    "//example.org",
    "/\\example.org",
    "\\/example.org",
    "https://example.org",
    "javascript:alert(1)",
    "",
    null,
    undefined,
    `/${"a".repeat(2001)}`,
  ])("sends %j to the fallback", (to) => {
    expect(safeRedirect(to)).toBe("/");
    expect(safeRedirect(to, "/vragen")).toBe("/vragen");
  });

  it("keeps paths on this site, re-serialised so the header is always valid", () => {
    expect(safeRedirect("/vragen?status=open#lijst")).toBe("/vragen?status=open#lijst");
    expect(safeRedirect("/vragen/../agenda")).toBe("/agenda");
    expect(safeRedirect("/zoek?q=één")).toBe("/zoek?q=%C3%A9%C3%A9n");
    expect(safeRedirect("/%2F/example.org")).toBe("/%2F/example.org");
  });
});
