import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../support/http";
import { startServer, type RunningServer } from "../support/server";

// Contract 6.1–6.4 and /api/v1/me, against the real server and a fresh database.
let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

describe("6.4 health", () => {
  it("answers 200 {status: ok} when the database answers", async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });
});

describe("6.3 login and logout", () => {
  it("renders a Dutch login form with email and password inputs", async () => {
    const response = await fetch(`${server.url}/login`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="nl"');
    expect(html).toMatch(/<input[^>]*name="email"/);
    expect(html).toMatch(/<input[^>]*name="password"[^>]*type="password"|<input[^>]*type="password"[^>]*name="password"/);
    expect(html).toContain("Inloggen");
  });

  it("redirects and sets an httpOnly, SameSite=Lax session cookie on success", async () => {
    const response = await fetch(`${server.url}/login`, {
      method: "POST",
      body: new URLSearchParams({ email: "schoolleider@demo.nl", password: "samen-onderzoeken" }),
      redirect: "manual",
    });
    expect([302, 303]).toContain(response.status);
    const session = response.headers.getSetCookie().find((c) => c.startsWith("so_session="));
    expect(session).toBeDefined();
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
  });

  it("accepts the email in any case and with spaces around it", async () => {
    const client = new Client(server.url);
    await client.login("  SchoolLeider@Demo.NL ");
    const me = await client.get("/api/v1/me");
    expect(((await me.json()) as { email: string }).email).toBe("schoolleider@demo.nl");
  });

  it("answers a wrong password with 401 and a Dutch message, not a cookie", async () => {
    const response = await fetch(`${server.url}/login`, {
      method: "POST",
      body: new URLSearchParams({ email: "schoolleider@demo.nl", password: "verkeerd-wachtwoord" }),
      redirect: "manual",
    });
    expect(response.status).toBe(401);
    expect(response.headers.getSetCookie().some((c) => c.startsWith("so_session="))).toBe(false);
    expect(await response.text()).toContain("Dit e-mailadres en wachtwoord horen niet bij elkaar");
  });

  it("answers an unknown email exactly like a wrong password", async () => {
    const response = await fetch(`${server.url}/login`, {
      method: "POST",
      body: new URLSearchParams({ email: "niemand@demo.nl", password: "samen-onderzoeken" }),
      redirect: "manual",
    });
    expect(response.status).toBe(401);
    expect(await response.text()).toContain("Dit e-mailadres en wachtwoord horen niet bij elkaar");
  });

  it("answers empty fields with 400 and a message per field", async () => {
    const response = await fetch(`${server.url}/login`, {
      method: "POST",
      body: new URLSearchParams({ email: "", password: "" }),
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Vul je e-mailadres in.");
    expect(html).toContain("Vul je wachtwoord in.");
  });

  it("logs out with POST /logout: the old session no longer works", async () => {
    const client = new Client(server.url);
    await client.login("student@demo.nl");
    const stolenCookie = client.cookieHeader();
    expect((await client.get("/api/v1/me")).status).toBe(200);
    const logout = await client.post("/logout", {});
    expect([302, 303]).toContain(logout.status);
    expect(logout.headers.get("location")).toBe("/login");
    expect((await client.get("/api/v1/me")).status).toBe(401);
    // Replaying the old cookie does not bring the session back: it was deleted server-side.
    const replay = await fetch(`${server.url}/api/v1/me`, { headers: { cookie: stolenCookie } });
    expect(replay.status).toBe(401);
  });

  it("rotates the session at login: the previous token stops working", async () => {
    const client = new Client(server.url);
    await client.login("student@demo.nl");
    const first = client.cookie("so_session");
    await client.login("student2@demo.nl");
    const second = client.cookie("so_session");
    expect(second).not.toBe(first);
    const old = await fetch(`${server.url}/api/v1/me`, { headers: { cookie: `so_session=${first}` } });
    expect(old.status).toBe(401);
  });
});

describe("6.5 /api/v1/me", () => {
  it("answers 401 with a JSON error without a session", async () => {
    const response = await fetch(`${server.url}/api/v1/me`);
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: string };
    expect(body.error).toBe("Je bent niet ingelogd.");
  });

  it("returns id, email, name and roles of the caller", async () => {
    const client = new Client(server.url);
    await client.login("begeleider@demo.nl");
    const response = await client.get("/api/v1/me");
    expect(response.status).toBe(200);
    const me = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(me).sort()).toEqual(["email", "id", "name", "roles"]);
    expect(me).toMatchObject({ email: "begeleider@demo.nl", name: "Annelies de Graaf", roles: ["instituutsopleider"] });
    expect(typeof me.id).toBe("string");
  });

  it("answers unknown API paths with JSON, 401 or 404", async () => {
    expect((await fetch(`${server.url}/api/v1/bestaat-niet`)).status).toBe(401);
    const client = new Client(server.url);
    await client.login("admin@demo.nl");
    const response = await client.get("/api/v1/bestaat-niet");
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: string }).error).toMatch(/bestaat niet/);
  });
});

describe("6.8 unauthenticated visits", () => {
  it("redirect to /login?redirectTo=… and come back after login", async () => {
    const client = new Client(server.url);
    const response = await client.get("/organisaties?x=1");
    expect([302, 303]).toContain(response.status);
    expect(response.headers.get("location")).toBe("/login?redirectTo=%2Forganisaties%3Fx%3D1");
    const login = await client.post("/login", {
      email: "admin@demo.nl",
      password: "samen-onderzoeken",
      redirectTo: "/organisaties?x=1",
    });
    expect(login.headers.get("location")).toBe("/organisaties?x=1");
  });

  it("never redirects to another site after login", async () => {
    const client = new Client(server.url);
    for (const target of ["https://evil.example/", "//evil.example", "/\\evil.example"]) {
      const login = await client.post("/login", { email: "admin@demo.nl", password: "samen-onderzoeken", redirectTo: target });
      expect(login.headers.get("location")).toBe("/");
    }
  });
});

describe("6.2 demo accounts", () => {
  const accounts: [string, string[]][] = [
    ["admin@demo.nl", ["admin"]],
    ["programmaleider@demo.nl", ["programmaleider"]],
    ["schoolleider@demo.nl", ["schoolleider"]],
    ["schoolleider2@demo.nl", ["schoolleider"]],
    ["begeleider@demo.nl", ["instituutsopleider"]],
    ["student@demo.nl", ["student"]],
    ["student2@demo.nl", ["student"]],
    ["student3@demo.nl", ["student"]],
    ["expert@demo.nl", ["leraar"]],
  ];
  for (const [email, roles] of accounts) {
    it(`${email} signs in with the demo password and has role ${roles.join(", ")}`, async () => {
      const client = new Client(server.url);
      await client.login(email);
      const me = (await (await client.get("/api/v1/me")).json()) as { roles: string[] };
      expect(me.roles).toEqual(roles);
      const home = await client.get("/");
      expect(home.status).toBe(200);
    });
  }
});
