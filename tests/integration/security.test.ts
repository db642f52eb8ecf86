import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../support/http";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

function postLogin(fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/login`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers,
    redirect: "manual",
  });
}

describe("CSRF: cross-site form posts", () => {
  it("refuses a POST whose Origin is another site", async () => {
    const response = await postLogin(
      { email: "admin@demo.nl", password: "samen-onderzoeken" },
      { origin: "https://evil.example" },
    );
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("andere website");
  });

  it("refuses a POST the browser marks cross-site", async () => {
    const client = new Client(server.url);
    await client.login("student@demo.nl");
    const response = await client.post("/logout", {}, { "sec-fetch-site": "cross-site", origin: "https://evil.example" });
    expect(response.status).toBe(403);
    expect((await client.get("/api/v1/me")).status).toBe(200); // still signed in
  });
});

describe("bad input", () => {
  it("refuses a 5 MB field with 413 and a Dutch message", async () => {
    const response = await postLogin({ email: "a".repeat(5 * 1024 * 1024), password: "x" });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("te groot");
  });

  it("answers a malformed body with 400, not 500", async () => {
    const response = await fetch(`${server.url}/login`, {
      method: "POST",
      body: "--x\r\ngarbage",
      headers: { "content-type": "multipart/form-data; boundary=x" },
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Het formulier kon niet worden gelezen");
    expect(html).not.toMatch(/at .*\.(ts|js):\d+/); // no stack trace
  });

  it("shows HTML in input as text, never as markup", async () => {
    const response = await postLogin({ email: '"><script>alert(1)</script>@x.nl', password: "x" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).not.toContain("<script>alert(1)</script>");
  });

  it("treats a mangled session cookie as signed out", async () => {
    const response = await fetch(`${server.url}/api/v1/me`, { headers: { cookie: "so_session=%%%not-base64" } });
    expect(response.status).toBe(401);
  });

  it("refuses a body without a length (chunked) with 411 on every route that reads bodies whole", async () => {
    // 50 MB that never announces its size: it must not be buffered before anyone says no.
    const chunk = new Uint8Array(1024 * 1024).fill(97);
    const tiny = new TextEncoder().encode("email=a%40b.nl&password=x");
    const stream = (chunks: number) => {
      let index = 0;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          if (index++ < Math.max(chunks, 1)) controller.enqueue(chunks === 0 ? tiny : chunk);
          else controller.close();
        },
      });
    };
    const post = (path: string, contentType: string, chunks: number) =>
      fetch(`${server.url}${path}`, {
        method: "POST",
        body: stream(chunks),
        headers: { "content-type": contentType, origin: server.url },
        redirect: "manual",
        duplex: "half",
      } as RequestInit).then(
        async (response) => ({ status: response.status, text: await response.text() }),
        () => ({ status: null, text: "" }), // the server may cut the upload off mid-stream
      );

    const login = await post("/login", "application/x-www-form-urlencoded", 50);
    if (login.status !== null) {
      expect(login.status).toBe(411);
      expect(login.text).toContain("Het verzoek mist een lengte");
    }
    const small = await post("/login", "application/x-www-form-urlencoded", 0); // a few bytes, still no length
    expect(small.status).toBe(411);
    const api = await post("/api/v1/questions", "application/json", 1);
    expect(api.status).toBe(411);
    expect(JSON.parse(api.text)).toEqual({ error: expect.stringContaining("mist een lengte") });
    const upload = await post("/opbrengsten/nieuw", "multipart/form-data; boundary=x", 1);
    expect(upload.status).toBe(411);
    // The same body with its length is an ordinary (failed) login.
    expect((await postLogin({ email: "a@b.nl", password: "x" })).status).toBe(401);
  });

  it("keeps running after all of the above", async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

describe("headers", () => {
  it("sends a nonce-based CSP whose nonce is on every inline script", async () => {
    const response = await fetch(`${server.url}/login`);
    const csp = response.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).not.toContain("unsafe-inline'; ");
    expect(csp).toMatch(/script-src 'self' 'nonce-/);
    const html = await response.text();
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) {
      if (attributes.includes("src=")) continue;
      expect(attributes).toContain(`nonce="${nonce}"`);
    }
    expect(response.headers.get("x-powered-by")).toBeNull();
  });
});
