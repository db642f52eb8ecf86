import { describe, expect, it } from "vitest";
import { passwordLoginAllowed } from "./password-login";

const ssoOnly = new Set(["p-sso"]);

describe("passwordLoginAllowed", () => {
  it("refuses passwords only when every membership lies only in SSO-only partnerships", () => {
    expect(passwordLoginAllowed([{ role: "leraar", partnershipIds: ["p-sso"] }], ssoOnly)).toBe(false);
    expect(passwordLoginAllowed([{ role: "leraar", partnershipIds: ["p-sso"] }, { role: "student", partnershipIds: ["p-sso"] }], ssoOnly)).toBe(false);
  });

  it("keeps passwords when one membership is (also) in a partnership that allows them", () => {
    expect(passwordLoginAllowed([{ role: "leraar", partnershipIds: ["p-sso", "p-open"] }], ssoOnly)).toBe(true);
    expect(passwordLoginAllowed([{ role: "leraar", partnershipIds: ["p-sso"] }, { role: "student", partnershipIds: ["p-open"] }], ssoOnly)).toBe(true);
  });

  it("never locks out admins, people without memberships or outside every partnership", () => {
    expect(passwordLoginAllowed([{ role: "admin", partnershipIds: [] }], ssoOnly)).toBe(true);
    expect(passwordLoginAllowed([], ssoOnly)).toBe(true);
    expect(passwordLoginAllowed([{ role: "leraar", partnershipIds: [] }], ssoOnly)).toBe(true);
  });
});
