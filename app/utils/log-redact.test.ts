import { describe, expect, it } from "vitest";
import { redactLogObject, redactTokens } from "./log-redact";

describe("redactTokens", () => {
  it("hides the token of invitation and reset links, in paths, .data requests and encoded queries", () => {
    expect(redactTokens("/uitnodiging/abcDEF123_-x")).toBe("/uitnodiging/[verborgen]");
    expect(redactTokens("/uitnodiging/abcDEF123_-x.data?_routes=x")).toBe("/uitnodiging/[verborgen].data?_routes=x");
    expect(redactTokens("https://x.nl/wachtwoord-herstellen/Zz9")).toBe("https://x.nl/wachtwoord-herstellen/[verborgen]");
    expect(redactTokens("/login?redirectTo=%2Fuitnodiging%2Fgeheim")).toBe("/login?redirectTo=%2Fuitnodiging%2F[verborgen]");
    expect(redactTokens("/vragen/uitnodiging")).toBe("/vragen/uitnodiging");
  });

  it("walks log objects and errors without touching other values", () => {
    const error = new Error("bij /uitnodiging/geheim");
    const out = redactLogObject({ req: { url: "/uitnodiging/geheim", id: 3 }, err: error, n: 1, ok: true });
    expect(out.req).toEqual({ url: "/uitnodiging/[verborgen]", id: 3 });
    expect(out.err.message).toBe("bij /uitnodiging/[verborgen]");
    expect(error.message).toBe("bij /uitnodiging/geheim");
    expect(out.n).toBe(1);
  });
});
