import { describe, expect, it } from "vitest";
import { LINK_KEY_COOKIE, linkKeyCookie, newLinkKey, readLinkKey, sealToken, unsealToken } from "./link-seal.server";

describe("sealed invitation tokens", () => {
  it("opens only with the key that sealed them", () => {
    const key = newLinkKey();
    const sealed = sealToken("geheim-token", key);
    expect(sealed).not.toContain("geheim");
    expect(unsealToken(sealed, key)).toBe("geheim-token");
    expect(unsealToken(sealed, newLinkKey())).toBeNull();
    expect(unsealToken(sealed, null)).toBeNull();
    expect(unsealToken(`${sealed.slice(0, -2)}AA`, key)).toBeNull();
  });

  it("round-trips the key through its cookie", () => {
    const key = newLinkKey();
    const cookie = linkKeyCookie(key, true);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("Path=/beheer");
    expect(cookie).toContain("Secure");
    const request = new Request("http://x/beheer/import", { headers: { cookie: `a=1; ${cookie.split(";")[0]}` } });
    expect(readLinkKey(request)?.equals(key)).toBe(true);
    expect(readLinkKey(new Request("http://x/", { headers: { cookie: `${LINK_KEY_COOKIE}=kort` } }))).toBeNull();
  });
});
