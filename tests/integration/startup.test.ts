import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { Client } from "../support/http";
import { runServerToExit, startServer } from "../support/server";

function counts(databasePath: string) {
  const db = new Database(databasePath, { readonly: true });
  const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const result = {
    regions: n("select count(*) n from regions"),
    partnerships: n("select count(*) n from partnerships"),
    schools: n("select count(*) n from schools"),
    institutes: n("select count(*) n from institutes"),
    users: n("select count(*) n from users"),
    students: n("select count(distinct user_id) n from memberships where role = 'student'"),
    themes: n("select count(*) n from themes"),
    journalMode: (db.prepare("pragma journal_mode").get() as { journal_mode: string }).journal_mode,
  };
  db.close();
  return result;
}

describe("start-up", () => {
  it("migrates and seeds the demo region once; a restart changes nothing", async () => {
    const first = await startServer();
    const afterFirst = counts(first.databasePath);
    expect(afterFirst).toMatchObject({ regions: 1, partnerships: 2, institutes: 2, journalMode: "wal" });
    expect(afterFirst.schools).toBeGreaterThanOrEqual(12);
    expect(afterFirst.students).toBeGreaterThanOrEqual(40);
    expect(afterFirst.themes).toBeGreaterThanOrEqual(12);
    expect(await first.stop()).toBe(0); // SIGTERM: graceful, exit code 0
    expect(first.logs()).toContain("afgesloten");

    const second = await startServer({ databasePath: first.databasePath });
    expect(counts(second.databasePath)).toEqual(afterFirst);
    await new Client(second.url).login("admin@demo.nl");
    await second.stop();
  });

  it("creates the data directory when it does not exist", async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "so-dir-")), "nested", "deeper");
    const server = await startServer({ databasePath: path.join(dir, "app.db") });
    expect(fs.existsSync(path.join(dir, "app.db"))).toBe(true);
    await server.stop();
  });

  it("with SEED_DEMO=false starts empty but with the theme taxonomy", async () => {
    const server = await startServer({ env: { SEED_DEMO: "false" } });
    const result = counts(server.databasePath);
    expect(result.users).toBe(0);
    expect(result.regions).toBe(0);
    expect(result.themes).toBeGreaterThanOrEqual(12);
    const login = await fetch(`${server.url}/login`, {
      method: "POST",
      body: new URLSearchParams({ email: "admin@demo.nl", password: "samen-onderzoeken" }),
      redirect: "manual",
    });
    expect(login.status).toBe(401);
    await server.stop();
  });

  it("with SEED_DEMO=false, `npm run admin:invite` gives the first admin a one-time link to set a password", async () => {
    const server = await startServer({ env: { SEED_DEMO: "false" } });
    try {
      const invite = (...args: string[]) =>
        spawnSync(process.execPath, ["--import", "tsx", "scripts/invite-admin.ts", ...args], {
          cwd: path.resolve(import.meta.dirname, "../.."),
          env: { ...process.env, DATABASE_PATH: server.databasePath, APP_ORIGIN: server.url },
          encoding: "utf8",
        });
      const wrong = invite("geen-adres", "X");
      expect(wrong.status).toBe(64);
      expect(wrong.stderr).toContain("Geef een geldig e-mailadres.");
      const made = invite("beheer@school.nl", "Sanne Beheer");
      expect(made.status, made.stderr).toBe(0);
      const link = /\/uitnodiging\/[A-Za-z0-9_-]{43}/.exec(made.stdout)?.[0];
      expect(link).toBeDefined();
      const person = new Client(server.url);
      expect((await person.get(link!)).status).toBe(200);
      const accepted = await person.post(link!, {
        name: "Sanne Beheer",
        password: "een lange zin als wachtwoord",
        passwordConfirm: "een lange zin als wachtwoord",
      });
      expect([302, 303]).toContain(accepted.status);
      const me = (await (await person.get("/api/v1/me")).json()) as { roles: string[] };
      expect(me.roles).toEqual(["admin"]);
      expect((await person.get("/beheer/uitnodigingen")).status).toBe(200);
      // A second invitation for an existing admin is refused.
      expect(invite("beheer@school.nl", "Sanne Beheer").status).toBe(1);
    } finally {
      await server.stop();
    }
  });

  it("refuses to start on invalid configuration with a clear message and exit code 78", async () => {
    const { code, output } = await runServerToExit({ PORT: "geen-poort", SEED_DEMO: "misschien" });
    expect(code).toBe(78);
    expect(output).toContain("Ongeldige configuratie");
    expect(output).toContain("PORT: moet een getal zijn");
    expect(output).toContain("SEED_DEMO: verwacht true of false");
  });
});
