import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../support/server";

// Low limits so the test stays short; the defaults are in app/utils/env.server.ts.
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ env: { LOGIN_MAX_FAILURES_PER_ACCOUNT: "3", LOGIN_MAX_FAILURES_PER_IP: "12" } });
});
afterAll(async () => {
  await server?.stop();
});

function postLogin(fields: Record<string, string>) {
  return fetch(`${server.url}/login`, { method: "POST", body: new URLSearchParams(fields), redirect: "manual" });
}

describe("login throttling", () => {
  it("locks an account after repeated failures, even for the right password", async () => {
    for (let i = 0; i < 3; i++) {
      expect((await postLogin({ email: "student3@demo.nl", password: `fout-${i}` })).status).toBe(401);
    }
    const blocked = await postLogin({ email: "student3@demo.nl", password: "samen-onderzoeken" });
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toContain("Te veel mislukte pogingen voor dit account");
    // Other accounts are not affected by one account's lock.
    expect([302, 303]).toContain((await postLogin({ email: "student2@demo.nl", password: "samen-onderzoeken" })).status);
  });

  it("limits failures per IP address across accounts", async () => {
    // The account test above already spent 3 of this IP's 12 failures.
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await postLogin({ email: `onbekend${i}@demo.nl`, password: "x" })).status);
    }
    expect(statuses.slice(0, 9).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(9).every((s) => s === 429)).toBe(true);
    const blocked = await postLogin({ email: "nog-een@demo.nl", password: "samen-onderzoeken" });
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toContain("vanaf dit adres");
  });
});
