import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { startServer } from "../support/server";

/**
 * Finding 3 / contract 6.11: a server with a public APP_ORIGIN and no
 * SEED_DEMO keeps an empty database empty, says how to create the first admin,
 * and shows no demo accounts. The banner follows the database, not the setting.
 */
describe("finding 3: no demo data on a real installation", () => {
  it("starts empty with APP_ORIGIN=https://onderzoek.example.nl, and the banner follows the demo accounts", async () => {
    const server = await startServer({ env: { APP_ORIGIN: "https://onderzoek.example.nl", SEED_DEMO: "" } });
    const db = new Database(server.databasePath);
    try {
      // Before the fix: the demo region with admin@demo.nl and its public password.
      expect((db.prepare("select count(*) n from users").get() as { n: number }).n).toBe(0);
      expect(server.logs()).toContain("npm run admin:invite");
      const login = await (await fetch(`${server.url}/login`)).text();
      expect(login).not.toContain("@demo.nl");
      expect(login).not.toContain("samen-onderzoeken</");
      expect(login).not.toContain("demo-installatie");

      // A demo account appears (someone ran the seed by hand): banner and hint come back.
      const hash = "$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
      db.prepare("insert into users (id, email, name, password_hash, created_at) values ('demo-1', 'admin@demo.nl', 'Demo', ?, '2026-01-01T00:00:00.000Z')").run(hash);
      const withDemo = await (await fetch(`${server.url}/login`)).text();
      expect(withDemo).toContain("demo-installatie");
      expect(withDemo).toContain("schoolleider@demo.nl");
      // Once it can no longer sign in, the installation is no longer a demo.
      db.prepare("update users set disabled_at = '2026-01-01T00:00:00.000Z' where id = 'demo-1'").run();
      const after = await (await fetch(`${server.url}/login`)).text();
      expect(after).not.toContain("demo-installatie");
      expect(after).not.toContain("@demo.nl");
    } finally {
      db.close();
      await server.stop();
    }
  });
});
