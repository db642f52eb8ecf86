import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../support/http";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let db: Database.Database;

beforeAll(async () => {
  server = await startServer();
  // A second, read-mostly connection to the same real SQLite file, to check what was stored.
  db = new Database(server.databasePath);
});
afterAll(async () => {
  db?.close();
  await server?.stop();
});

function schoolValue(name: string): string {
  const row = db.prepare("select id from schools where name = ?").get(name) as { id: string };
  return `school:${row.id}`;
}

function count(table: string): number {
  return (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
}

async function invite(admin: Client, fields: Record<string, string>) {
  const response = await admin.post("/beheer/uitnodigingen", { intent: "create", ...fields });
  const html = await response.text();
  // The link travels only by mail (issue 21): read it from the mail queued for the invited address.
  const row =
    response.status === 200 && fields.email
      ? (db.prepare("select text from mail_queue where to_address = ? and kind = 'invitation' order by created_at desc, rowid desc limit 1").get(fields.email.trim().toLowerCase()) as { text: string } | undefined)
      : undefined;
  const link = row ? /https?:\/\/\S+\/uitnodiging\/[A-Za-z0-9_-]{43}/.exec(row.text) : null;
  return { response, html, link: link ? link[0] : null };
}

describe("inviting a new person", () => {
  let link: string;

  it("lets an admin create a one-time link, mailed (never shown in the page) and never written to the log", async () => {
    const admin = new Client(server.url);
    await admin.login("admin@demo.nl");
    const result = await invite(admin, {
      name: "Priya Ramdin",
      email: "Priya.Ramdin@School-A1.demo.nl",
      organisation: schoolValue("Basisschool De Regenboog"),
      role: "leraar",
    });
    expect(result.response.status).toBe(200);
    expect(result.html).toContain("Uitnodiging aangemaakt voor Priya Ramdin");
    expect(result.link).toMatch(new RegExp(`^${server.url.replace("127.0.0.1", "(127.0.0.1|localhost)")}/uitnodiging/[A-Za-z0-9_-]{43}$`));
    link = result.link!;
    expect(result.html).not.toContain("/uitnodiging/");
    // Contract 6.12: tokens never appear in logs (was: the link was logged for the admin; issue 18, 9a).
    expect(server.logs()).not.toContain(link.split("/uitnodiging/")[1]);
    expect(server.logs()).toContain("uitnodiging aangemaakt");
    // Only the hash of the token is stored.
    expect(JSON.stringify(db.prepare("select * from invitations").all())).not.toContain(link.split("/uitnodiging/")[1]);
  });

  it("lets the invited person set a password and lands them signed in", async () => {
    const path = new URL(link).pathname;
    const person = new Client(server.url);
    const page = await person.get(path);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Leraar");
    expect(html).toContain("Basisschool De Regenboog");

    const response = await person.post(path, {
      name: "Priya Ramdin",
      password: "een lange zin als wachtwoord",
      passwordConfirm: "een lange zin als wachtwoord",
    });
    expect([302, 303]).toContain(response.status);
    const me = (await (await person.get("/api/v1/me")).json()) as { email: string; roles: string[] };
    expect(me).toMatchObject({ email: "priya.ramdin@school-a1.demo.nl", roles: ["leraar"] });

    // And can sign in again later with that password.
    const again = new Client(server.url);
    await again.login("priya.ramdin@school-a1.demo.nl", "een lange zin als wachtwoord");
  });

  it("refuses the same link a second time with 410 and a Dutch explanation", async () => {
    const path = new URL(link).pathname;
    const page = await fetch(`${server.url}${path}`);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain("Deze uitnodiging is al gebruikt");
    const users = count("users");
    const replay = await new Client(server.url).post(path, {
      name: "Iemand Anders",
      password: "nog een lange zin",
      passwordConfirm: "nog een lange zin",
    });
    expect(replay.status).toBe(410);
    expect(count("users")).toBe(users);
  });

  it("refuses an unknown link with 404", async () => {
    const page = await fetch(`${server.url}/uitnodiging/${"x".repeat(43)}`);
    expect(page.status).toBe(404);
    expect(await page.text()).toContain("Deze link is onbekend");
  });

  it("refuses an expired link with 410 and stores nothing", async () => {
    const admin = new Client(server.url);
    await admin.login("admin@demo.nl");
    const { link: expiring } = await invite(admin, {
      name: "Tom Verlopen",
      email: "tom.verlopen@demo.nl",
      organisation: schoolValue("Het Rivierencollege"),
      role: "leraar",
    });
    db.prepare("update invitations set expires_at = ? where email = ?").run("2020-01-01T00:00:00.000Z", "tom.verlopen@demo.nl");
    const path = new URL(expiring!).pathname;
    expect((await fetch(`${server.url}${path}`)).status).toBe(410);
    const response = await new Client(server.url).post(path, {
      name: "Tom",
      password: "een lange zin als wachtwoord",
      passwordConfirm: "een lange zin als wachtwoord",
    });
    expect(response.status).toBe(410);
    expect(await response.text()).toContain("verlopen");
    expect(db.prepare("select count(*) as n from users where email = ?").get("tom.verlopen@demo.nl")).toEqual({ n: 0 });
  });

  it("validates the new password and keeps the invitation usable", async () => {
    const admin = new Client(server.url);
    await admin.login("admin@demo.nl");
    const { link: fresh } = await invite(admin, {
      name: "Ada Kort",
      email: "ada.kort@demo.nl",
      organisation: schoolValue("Het Rivierencollege"),
      role: "werkplekbegeleider",
    });
    const path = new URL(fresh!).pathname;
    const person = new Client(server.url);
    const short = await person.post(path, { name: "Ada Kort", password: "kort", passwordConfirm: "kort" });
    expect(short.status).toBe(400);
    expect(await short.text()).toContain("minstens 10 tekens");
    const mismatch = await person.post(path, { name: "Ada Kort", password: "lang genoeg wachtwoord", passwordConfirm: "iets anders hier" });
    expect(mismatch.status).toBe(400);
    expect(await mismatch.text()).toContain("niet gelijk");
    expect(db.prepare("select count(*) as n from users where email = ?").get("ada.kort@demo.nl")).toEqual({ n: 0 });
    expect((await fetch(`${server.url}${path}`)).status).toBe(200);
  });

  it("adds a role to an existing account after checking its password", async () => {
    const admin = new Client(server.url);
    await admin.login("admin@demo.nl");
    const { link: extra } = await invite(admin, {
      name: "Kees Mulder",
      email: "expert@demo.nl",
      organisation: schoolValue("Basisschool De Regenboog"),
      role: "werkplekbegeleider",
    });
    const path = new URL(extra!).pathname;
    const person = new Client(server.url);
    expect(await (await person.get(path)).text()).toContain("Je hebt al een account");
    const wrong = await person.post(path, { currentPassword: "fout" });
    expect(wrong.status).toBe(401);
    const ok = await person.post(path, { currentPassword: "samen-onderzoeken" });
    expect([302, 303]).toContain(ok.status);
    const me = (await (await person.get("/api/v1/me")).json()) as { roles: string[] };
    expect(me.roles.sort()).toEqual(["leraar", "werkplekbegeleider"]);
  });
});

describe("invitation form: bad input stores nothing", () => {
  const cases: [string, Record<string, string> | (() => Record<string, string>), number, string][] = [
    ["empty fields", { name: "", email: "", organisation: "", role: "" }, 400, "Vul een naam in."],
    [
      "a role that does not fit the organisation",
      () => ({ name: "Sam", email: "sam@demo.nl", organisation: schoolValue("Het Baken"), role: "student" }),
      400,
      "Deze rol past niet bij deze organisatie",
    ],
    ["an unknown organisation", { name: "Sam", email: "sam@demo.nl", organisation: "school:bestaat-niet", role: "leraar" }, 400, "bestaat niet"],
    ["an unknown role", () => ({ name: "Sam", email: "sam@demo.nl", organisation: schoolValue("Het Baken"), role: "koning" }), 400, "Kies een rol"],
    ["an invalid email", () => ({ name: "Sam", email: "geen-email", organisation: schoolValue("Het Baken"), role: "leraar" }), 400, "geldig e-mailadres"],
    [
      "a very long name",
      () => ({ name: "x".repeat(10_000), email: "sam@demo.nl", organisation: schoolValue("Het Baken"), role: "leraar" }),
      400,
      "te lang",
    ],
    [
      "a person who already has the role",
      () => ({ name: "Jeroen", email: "schoolleider@demo.nl", organisation: schoolValue("Basisschool De Regenboog"), role: "schoolleider" }),
      409,
      "heeft deze rol bij deze organisatie al",
    ],
  ];
  for (const [label, fields, status, message] of cases) {
    it(`answers ${label} with ${status}`, async () => {
      const admin = new Client(server.url);
      await admin.login("admin@demo.nl");
      const before = count("invitations");
      const { response, html } = await invite(admin, typeof fields === "function" ? fields() : fields);
      expect(response.status).toBe(status);
      expect(html).toContain(message);
      expect(count("invitations")).toBe(before);
    });
  }

  it("shows HTML in a name as text", async () => {
    const admin = new Client(server.url);
    await admin.login("admin@demo.nl");
    const { html } = await invite(admin, {
      name: "<img src=x onerror=alert(1)>",
      email: "html@demo.nl",
      organisation: schoolValue("Het Baken"),
      role: "leraar",
    });
    expect(html).not.toContain("<img src=x onerror=alert(1)>");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });
});

describe("who may do what", () => {
  it("refuses invitations outside one's own partnership, and stores nothing", async () => {
    for (const email of ["programmaleider@demo.nl", "schoolleider@demo.nl", "student@demo.nl"]) {
      const client = new Client(server.url);
      await client.login(email);
      const before = count("invitations");
      const page = await client.get("/beheer/uitnodigingen");
      if (email === "programmaleider@demo.nl") {
        // Issue 19: a programmaleider invites into the schools and institutes of partnership A only.
        expect(page.status).toBe(200);
        const html = await page.text();
        expect(html).toContain("Basisschool De Regenboog");
        expect(html).not.toContain(schoolValue("Het Baken"));
        expect(html).not.toContain('value="platform:"');
      } else {
        expect(page.status).toBe(403);
        expect(await page.text()).toContain("Geen toegang");
      }
      const { response } = await invite(client, {
        name: "Sam",
        email: "sam.hacker@demo.nl",
        organisation: schoolValue("Het Baken"),
        role: "leraar",
      });
      expect(response.status).toBe(403);
      expect(count("invitations")).toBe(before);
    }
  });

  it("shows a programmaleider the open invitations into their own partnership, which they may withdraw; never another partnership's", async () => {
    const admin = new Client(server.url);
    await admin.login("admin@demo.nl");
    const lead = new Client(server.url);
    await lead.login("programmaleider@demo.nl");
    const made = await invite(lead, { name: "Olga Eigen", email: "olga@a1.demo.nl", organisation: schoolValue("Basisschool De Regenboog"), role: "leraar" });
    expect(made.response.status).toBe(200);
    // No link to the admins' mail queue, which would refuse them.
    expect(made.html).not.toContain('href="/beheer/mail"');
    expect((await invite(admin, { name: "Bram Buiten", email: "bram@b.demo.nl", organisation: schoolValue("Het Baken"), role: "leraar" })).response.status).toBe(200);
    const idOf = (email: string) => (db.prepare("select id from invitations where email = ?").get(email) as { id: string }).id;

    const page = await (await lead.get("/beheer/uitnodigingen")).text();
    expect(page).toContain("Openstaande uitnodigingen");
    // Before an organisation is chosen, the roles come grouped by the kind of organisation they
    // belong to, and only kinds this person can invite into: no platform group with "beheerder".
    const roles = /<select[^>]*id="invite-role"[^>]*>([\s\S]*?)<\/select>/.exec(page)![1]!;
    expect(roles).toMatch(/<optgroup label="Scholen">[\s\S]*value="leraar"[\s\S]*<\/optgroup>/);
    expect(roles).not.toContain('value="admin"');
    expect(page).toContain("olga@a1.demo.nl");
    expect(page).not.toContain("bram@b.demo.nl");
    // The menu offers the page to them now.
    expect(await (await lead.get("/")).text()).toContain('href="/beheer/uitnodigingen"');

    // Another partnership's invitation cannot be withdrawn by them: 403, still open.
    const refused = await lead.post("/beheer/uitnodigingen", { intent: "revoke", invitationId: idOf("bram@b.demo.nl") });
    expect(refused.status).toBe(403);
    expect((db.prepare("select revoked_at from invitations where email = ?").get("bram@b.demo.nl") as { revoked_at: string | null }).revoked_at).toBeNull();
    // Their own they can.
    expect((await lead.post("/beheer/uitnodigingen", { intent: "revoke", invitationId: idOf("olga@a1.demo.nl") })).status).toBe(302);
    expect((db.prepare("select revoked_at from invitations where email = ?").get("olga@a1.demo.nl") as { revoked_at: string | null }).revoked_at).not.toBeNull();
    expect(await (await admin.get("/beheer/uitnodigingen")).text()).toContain("bram@b.demo.nl");
  });

  it("shows the organisation tree to an admin and a programmaleider only", async () => {
    const admin = new Client(server.url);
    await admin.login("admin@demo.nl");
    const adminPage = await (await admin.get("/organisaties")).text();
    expect(adminPage).toContain("Onderwijsregio Lingedelta");
    expect(adminPage).toContain("Basisschool De Regenboog");
    expect(adminPage).toContain("Waalhaven Lyceum");
    expect(adminPage).toContain("Jeroen Bakker"); // people of partnership A…
    expect(adminPage).toContain("Bram Haddou"); // …and of partnership B
    expect(adminPage).not.toContain("Je kunt de mensen van dit partnerschap niet zien");

    const lead = new Client(server.url);
    await lead.login("programmaleider@demo.nl");
    const leadPage = await lead.get("/organisaties");
    expect(leadPage.status).toBe(200);
    const leadHtml = await leadPage.text();
    expect(leadHtml).toContain("Jeroen Bakker"); // own partnership's people
    expect(leadHtml).toContain("Je kunt de mensen van dit partnerschap niet zien"); // not partnership B's

    for (const email of ["schoolleider@demo.nl", "student@demo.nl", "expert@demo.nl"]) {
      const client = new Client(server.url);
      await client.login(email);
      expect((await client.get("/organisaties")).status).toBe(403);
    }
  });

  it("records logins, failures and invitations in the audit log, visible to admins only", async () => {
    await new Client(server.url).post("/login", { email: "admin@demo.nl", password: "fout" });
    const events = (db.prepare("select distinct event from audit_log").all() as { event: string }[]).map((r) => r.event);
    expect(events).toEqual(expect.arrayContaining(["login.success", "login.failure", "invitation.created", "invitation.accepted", "membership.added"]));
    const admin = new Client(server.url);
    await admin.login("admin@demo.nl");
    expect(await (await admin.get("/beheer/logboek")).text()).toContain("Mislukte inlogpoging");
    const lead = new Client(server.url);
    await lead.login("programmaleider@demo.nl");
    expect((await lead.get("/beheer/logboek")).status).toBe(403);
  });
});
