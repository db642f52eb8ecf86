import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, DEMO_PASSWORD } from "../support/http";
import { INVITATION_LINK, queuedLink } from "../support/mail";
import { startServer, type RunningServer } from "../support/server";

/**
 * Attack tests for issue 18 (findings 2, 3 banner, 5, 8, 9a) against the real
 * server. The server sits "behind one proxy" (TRUST_PROXY=1), so each test
 * plays its own client addresses through X-Forwarded-For, as the proxy would
 * append them. Low limits keep the tests short.
 */
let server: RunningServer;
let db: Database.Database;

beforeAll(async () => {
  server = await startServer({
    env: {
      TRUST_PROXY: "1",
      LOGIN_MAX_FAILURES_PER_ACCOUNT: "3",
      LOGIN_MAX_FAILURES_PER_IP: "20",
      LOGIN_ACCOUNT_CEILING: "6",
    },
  });
  db = new Database(server.databasePath, { readonly: true });
});
afterAll(async () => {
  db?.close();
  await server?.stop();
});

/** A browser-like client whose requests arrive through the proxy from `ip`. */
class ClientAt extends Client {
  constructor(
    baseUrl: string,
    readonly ip: string,
  ) {
    super(baseUrl);
  }
  override request(path: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    headers.set("x-forwarded-for", this.ip);
    return super.request(path, { ...init, headers });
  }
}

const at = (ip: string) => new ClientAt(server.url, ip);
const login = (ip: string, email: string, password: string, extra: Record<string, string> = {}) =>
  at(ip).post("/login", { email, password, ...extra });

async function inviteExisting(email: string): Promise<string> {
  const admin = at("10.0.0.1");
  await admin.login("admin@demo.nl");
  const school = db.prepare("select id from schools where name = 'Basisschool De Regenboog'").get() as { id: string };
  const response = await admin.post("/beheer/uitnodigingen", {
    intent: "create",
    name: "Bestaand Account",
    email,
    organisation: `school:${school.id}`,
    role: "werkplekbegeleider",
  });
  const html = await response.text();
  expect(response.status, html.slice(0, 500)).toBe(200);
  // The link travels only by mail (issue 21): read it from the queued mail.
  return queuedLink(db, email, "invitation", INVITATION_LINK);
}

describe("finding 2: password guesses through an invitation count toward the login throttle", () => {
  it("throttles currentPassword guesses on /uitnodiging/:token, together with login failures", async () => {
    const path = await inviteExisting("student2@demo.nl");
    const attacker = at("10.2.0.66");
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await attacker.post(path, { currentPassword: `gok-${i}` })).status);
    // Before the fix: 401 × 5 — no throttle at all on this form.
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const right = await attacker.post(path, { currentPassword: DEMO_PASSWORD });
    expect(right.status).toBe(429);
    expect(await right.text()).toContain("Te veel mislukte pogingen");
    // The same account at the login form from the same address: the same throttle.
    expect((await login("10.2.0.66", "student2@demo.nl", DEMO_PASSWORD)).status).toBe(429);
  });

  it("counts login failures and invitation guesses in one budget", async () => {
    const path = await inviteExisting("expert@demo.nl");
    expect((await login("10.2.0.77", "expert@demo.nl", "fout-1")).status).toBe(401);
    expect((await login("10.2.0.77", "expert@demo.nl", "fout-2")).status).toBe(401);
    expect((await at("10.2.0.77").post(path, { currentPassword: "fout-3" })).status).toBe(401);
    expect((await at("10.2.0.77").post(path, { currentPassword: DEMO_PASSWORD })).status).toBe(429);
    // The owner, from their own address, still accepts the invitation.
    const owner = await at("10.2.0.78").post(path, { currentPassword: DEMO_PASSWORD });
    expect([302, 303]).toContain(owner.status);
  });
});

describe("finding 8: no lockout as a weapon; the limiter on /login.data; proxy hops as a number", () => {
  it("a stranger's failures lock only the stranger's address out of that account", async () => {
    for (let i = 0; i < 3; i++) expect((await login("10.8.0.66", "schoolleider2@demo.nl", `fout-${i}`)).status).toBe(401);
    const blocked = await login("10.8.0.66", "schoolleider2@demo.nl", DEMO_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toContain("Te veel mislukte pogingen voor dit account");
    // Before the fix: 429 here too — 8 (here 3) failures locked the account for everyone.
    expect([302, 303]).toContain((await login("10.8.0.7", "schoolleider2@demo.nl", DEMO_PASSWORD)).status);
  });

  it("many addresses against one account meet a growing delay, not a lock", async () => {
    // 6 failures (the ceiling) from 6 addresses: under the per-address limit each.
    for (let i = 0; i < 6; i++) expect((await login(`10.8.1.${i}`, "begeleider@demo.nl", `fout-${i}`)).status).toBe(401);
    const slowed = await login("10.8.1.100", "begeleider@demo.nl", DEMO_PASSWORD);
    expect(slowed.status).toBe(429);
    expect(await slowed.text()).toContain("seconde");
    expect(Number(slowed.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    await new Promise((resolve) => setTimeout(resolve, 1_100 * Number(slowed.headers.get("retry-after"))));
    // After the delay the right password works again (before the fix: locked for 15 minutes).
    expect([302, 303]).toContain((await login("10.8.1.101", "begeleider@demo.nl", DEMO_PASSWORD)).status);
  });

  it("rate-limits /login.data (single fetch) like /login", async () => {
    // Cheap requests (no password check): an empty form is a 400.
    let limited = 0;
    for (let i = 0; i < 310 && limited === 0; i++) {
      const response = await at("10.8.2.1").post("/login.data", { email: "" });
      if (response.status === 429) limited++;
      await response.arrayBuffer();
    }
    // Before the fix: never 429 — the express limiter only guarded /login.
    expect(limited).toBe(1);
    expect((await at("10.8.2.1").post("/login", { email: "" })).status).toBe(429);
  });

  it("trusts only the configured number of proxy hops in X-Forwarded-For", async () => {
    // A client sends its own (spoofed) X-Forwarded-For; the proxy appends the real address.
    const response = await fetch(`${server.url}/login`, {
      method: "POST",
      body: new URLSearchParams({ email: "hops@example.org", password: "x" }),
      headers: { "x-forwarded-for": "6.6.6.6, 10.8.3.3" },
      redirect: "manual",
    });
    expect(response.status).toBe(401);
    const row = db.prepare("select ip from audit_log where email = 'hops@example.org' order by id desc limit 1").get() as { ip: string };
    // Before the fix (TRUST_PROXY=1 read as `true`): the spoofed 6.6.6.6.
    expect(row.ip).toBe("10.8.3.3");
  });
});

describe("finding 5: redirectTo is same-origin or /, never a 500", () => {
  const hostile = ["/\t/example.org", "/\\example.org", "//example.org", "https://example.org", "/\n/example.org", "/%0A", "\r\n/x"];

  it("after login, every hostile redirectTo lands on this site", async () => {
    for (const redirectTo of hostile) {
      const response = await login("10.5.0.1", "student3@demo.nl", DEMO_PASSWORD, { redirectTo });
      expect([302, 303], redirectTo).toContain(response.status);
      const location = response.headers.get("location") ?? "";
      expect(new URL(location, "http://here.invalid").origin, JSON.stringify(redirectTo)).toBe("http://here.invalid");
      expect([...location].some((c) => c.charCodeAt(0) < 0x20), JSON.stringify(redirectTo)).toBe(false);
    }
    const kept = await login("10.5.0.1", "student3@demo.nl", DEMO_PASSWORD, { redirectTo: "/vragen?status=open#lijst" });
    expect(kept.headers.get("location")).toBe("/vragen?status=open#lijst");
  });

  it("control characters in the query (GET /login signed in) and on /taal answer a redirect, not 500", async () => {
    const client = at("10.5.0.2");
    await client.login("student3@demo.nl");
    for (const encoded of ["%0A", "%0D%0Ahttp://example.org", "%00", "/%0D%0ASet-Cookie:%20x=1", "/%09/example.org"]) {
      const response = await client.get(`/login?redirectTo=${encoded}`);
      // Before the fix: 500 (invalid header value) for the first four, `/\t/example.org` for the last.
      expect(response.status, encoded).toBe(302);
      expect(response.headers.get("location"), encoded).toBe("/");
    }
    for (const redirectTo of ["/\r\nSet-Cookie: x=1", "/\u0000", "/\t/example.org"]) {
      const response = await client.post("/taal", { lng: "nl", redirectTo });
      expect(response.status, JSON.stringify(redirectTo)).toBe(302);
      expect(response.headers.get("location")).toBe("/");
    }
  });
});

describe("finding 9a: invitation tokens never reach the log", () => {
  it("keeps the token out of the application log and the request log", async () => {
    const path = await inviteExisting("student3@demo.nl");
    const token = path.split("/").pop()!;
    expect((await fetch(`${server.url}${path}`)).status).toBe(200);
    expect((await fetch(`${server.url}${path}.data`)).status).toBeLessThan(500);
    await new Promise((resolve) => setTimeout(resolve, 200)); // let the log lines arrive
    // Before the fix: the link at info level ("uitnodiging aangemaakt") and in every request URL.
    expect(server.logs()).not.toContain(token);
    expect(server.logs()).toContain("/uitnodiging/[verborgen]");
  });
});

describe("finding 3: a demo installation says so on every page", () => {
  it("shows the demo banner on the login page and on pages for signed-in people", async () => {
    const page = await (await fetch(`${server.url}/login`)).text();
    expect(page).toContain("demo-installatie");
    expect(page).toContain("schoolleider@demo.nl");
    const client = at("10.3.0.1");
    await client.login("student3@demo.nl");
    expect(await (await client.get("/")).text()).toContain("demo-installatie");
    expect(await (await client.get("/bestaat-niet")).text()).toContain("demo-installatie");
  });
});
