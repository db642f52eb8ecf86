import { describe, expect, it } from "vitest";
import { Client } from "../support/http";
import { withServer } from "../support/with-server";
import { zipEntry } from "../support/zip";
import { demoPlan, waitFor, YClient } from "./collab-helpers";

/**
 * Personal data (issue 22, contract 6.15): the export holds each kind of data
 * about a person and nothing of anyone else's; erasure leaves no trace of the
 * name or email in any page, export or row while the shared work stays;
 * retention erases students past their term and prunes expired tokens only.
 */
const ctx = withServer();

const ERASED = "Verwijderde gebruiker";
type Export = Record<string, unknown> & { profile: { email: string; name: string } };

const anchor = JSON.stringify({ from: { type: null, tname: null, item: { client: 1, clock: 2 }, assoc: 0 }, to: { type: null, tname: null, item: { client: 1, clock: 9 }, assoc: 0 } });

function userId(email: string): string {
  return (ctx.db.prepare("select id from users where email = ?").get(email) as { id: string }).id;
}

function count(sql: string, ...params: unknown[]): number {
  return (ctx.db.prepare(sql).get(...params) as { n: number }).n;
}

async function exportOf(client: Client, path = "/api/v1/me/export"): Promise<{ data: Export; text: string }> {
  const response = await client.get(path);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("application/json");
  expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="samen-onderzoeken-gegevens-\d{4}-\d{2}-\d{2}\.json"$/);
  const text = await response.text();
  return { data: JSON.parse(text) as Export, text };
}

describe("personal data export (art. 15/20)", () => {
  it("holds each kind of data about the caller and nothing of anyone else's", async () => {
    const student = await ctx.signedIn("student@demo.nl");
    const begeleider = await ctx.signedIn("begeleider@demo.nl");
    const plan = await demoPlan(student);
    // Some work of their own first: a comment and a named version.
    await begeleider.post(`/plannen/${plan.id}/reacties`, { intent: "create", sectionId: "doel", body: "Wat is het doel precies?", quote: "Het doel", anchor });
    const threadId = (ctx.db.prepare("select id from plan_comments where plan_id = ? and parent_id is null").get(plan.id) as { id: string }).id;
    expect((await student.post(`/plannen/${plan.id}/reacties`, { intent: "reply", threadId, body: "We maken het concreter." })).status).toBe(302);
    expect((await student.post(`/plannen/${plan.id}/versies`, { name: "Eerste opzet" })).status).toBe(302);

    // What the demo holds no example of for these people, made the way the app stores it.
    const studentId = userId("student@demo.nl");
    ctx.db.prepare("insert into notifications (user_id, kind, params, link, created_at) values (?, 'matching.published', '{\"round\":\"Ronde\"}', '/matching', ?)").run(studentId, new Date().toISOString());
    const round = ctx.db.prepare("select round_id as roundId, question_id as questionId from round_rankings where student_id = ? limit 1").get(studentId) as { roundId: string; questionId: string };
    ctx.db.prepare("insert or ignore into round_assignments (round_id, student_id, question_id, rank, explanation) values (?, ?, ?, 1, 'Je eerste keuze.')").run(round.roundId, studentId, round.questionId);

    const admin = await ctx.signedIn("admin@demo.nl");
    const someoneWith = (sql: string) => (ctx.db.prepare(`select u.email from users u where exists (${sql}) order by u.email limit 1`).get() as { email: string }).email;
    const actionOwner = someoneWith("select 1 from actions a where a.owner_id = u.id");
    const consenter = someoneWith("select 1 from result_consents c where c.user_id = u.id");
    const people = [
      { client: student, email: "student@demo.nl", path: "/api/v1/me/export" },
      { client: await ctx.signedIn("schoolleider@demo.nl"), email: "schoolleider@demo.nl", path: "/api/v1/me/export" },
      { client: admin, email: actionOwner, path: `/api/v1/users/${userId(actionOwner)}/export` },
      { client: admin, email: consenter, path: `/api/v1/users/${userId(consenter)}/export` },
    ];
    const everyEmail = (ctx.db.prepare("select email from users").all() as { email: string }[]).map((r) => r.email);
    const kinds = {
      memberships: "select count(*) as n from memberships where user_id = ?",
      questions: "select count(*) as n from questions where author_id = ?",
      rankings: "select count(*) as n from round_rankings where student_id = ?",
      placements: "select count(*) as n from round_assignments where student_id = ?",
      plans: "select count(*) as n from project_members pm join plans p on p.project_id = pm.project_id where pm.user_id = ?",
      planComments: "select count(*) as n from plan_comments where author_id = ?",
      planVersions: "select count(*) as n from plan_versions where author_id = ?",
      results: "select count(*) as n from results where author_id = ?",
      resultConsents: "select count(*) as n from result_consents where user_id = ?",
      actions: "select count(*) as n from actions where owner_id = ?",
      scanAnswers: "select count(*) as n from scan_responses where user_id = ?",
      notifications: "select count(*) as n from notifications where user_id = ?",
      sessions: "select count(*) as n from sessions where user_id = ?",
    } as const;
    const seen = new Set<string>();
    for (const person of people) {
      const id = userId(person.email);
      const { data, text } = await exportOf(person.client, person.path);
      expect(data.profile).toMatchObject({ id, email: person.email });
      for (const [kind, sql] of Object.entries(kinds)) {
        const expected = count(sql, id);
        expect((data[kind] as unknown[]).length, `${person.email}: ${kind}`).toBe(expected);
        if (expected > 0) seen.add(kind);
      }
      if (person.path.includes("/me/")) expect((data.auditLog as { event: string }[]).some((e) => e.event === "login.success")).toBe(true);
      // No keys, no one else's address, no other respondent's scan answers.
      expect(text).not.toMatch(/token_?hash|password_?hash|\$argon2/i);
      for (const email of everyEmail) if (email !== person.email) expect(text, `${person.email} export names ${email}`).not.toContain(email);
      const ownScan = count("select count(*) as n from scan_responses where user_id = ?", id);
      expect((data.scanAnswers as unknown[]).length).toBe(ownScan);
    }
    // Between these people, every kind of data was there to export.
    expect([...seen].sort()).toEqual(Object.keys(kinds).sort());

    const { data } = await exportOf(student);
    const plans = data.plans as { title: string; markdown: string }[];
    expect(plans.find((p) => p.title === plan.title)?.markdown).toContain("leesmotivatie");
    expect(data.planComments).toEqual([expect.objectContaining({ body: "We maken het concreter.", kind: "reply" })]);
  });

  it("answers 401 without a session; an admin's export of someone else is audited, others are refused", async () => {
    const anonymous = await new Client(ctx.server.url).get("/api/v1/me/export");
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toHaveProperty("error");

    const id = userId("student2@demo.nl");
    const admin = await ctx.signedIn("admin@demo.nl");
    const { data } = await exportOf(admin, `/api/v1/users/${id}/export`);
    expect(data.profile.email).toBe("student2@demo.nl");
    expect(count("select count(*) as n from audit_log where event = 'user.exported' and subject_user_id = ?", id)).toBe(1);
    expect((await admin.get("/api/v1/users/nobody/export")).status).toBe(404);
    expect((await (await ctx.signedIn("programmaleider@demo.nl")).get(`/api/v1/users/${id}/export`)).status).toBe(403);

    const page = await (await ctx.signedIn("student3@demo.nl")).get("/account/gegevens");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('href="/api/v1/me/export"');
  });
});

describe("erasure (art. 17)", () => {
  const NAME = "Annelies de Graaf";
  const EMAIL = "begeleider@demo.nl";

  it("ends sign-in and sockets, and leaves no trace of the name or email anywhere while the shared work stays", async () => {
    const student = await ctx.signedIn("student@demo.nl");
    const begeleider = await ctx.signedIn(EMAIL);
    const plan = await demoPlan(student);
    const projectId = (ctx.db.prepare("select project_id as id from plans where id = ?").get(plan.id) as { id: string }).id;
    const resultId = (ctx.db.prepare("select id from results where project_id = ?").get(projectId) as { id: string } | undefined)?.id;

    // The begeleider leaves traces: a comment thread, the ethics sign-off (in the plan document), a frozen version of it.
    expect((await begeleider.post(`/plannen/${plan.id}/reacties`, { intent: "create", sectionId: "methode", body: "Beschrijf de steekproef.", quote: "", anchor })).status).toBe(302);
    const live = new YClient(ctx.server.url, plan.room, student.cookieHeader());
    await live.synced;
    live.doc.transact(() => {
      const map = live.doc.getMap("ethiek");
      map.set("pupilsInvolved", "ja");
      map.set("ageGroups", ["onder-12"]);
      map.set("dataMinimisation", "Alleen antwoorden op de vragenlijst, zonder namen.");
      map.set("storage", "Beveiligde OneDrive van de hogeschool");
      map.set("retention", "einde-onderzoek");
    });
    await waitFor(async () => (await begeleider.post(`/plannen/${plan.id}/ethiek`, {})).status === 302, 10_000, "sign-off");
    await waitFor(() => (live.doc.getMap("ethiek:aftekening").get("signedOff") as { name?: string } | undefined)?.name === NAME, 10_000, "sign-off relayed");
    expect((await student.post(`/plannen/${plan.id}/versies`, { name: "Na aftekening" })).status).toBe(302);
    const versionId = (ctx.db.prepare("select id from plan_versions where plan_id = ? and name = 'Na aftekening'").get(plan.id) as { id: string }).id;
    expect(await (await student.get(`/plannen/${plan.id}/afdrukken`)).text()).toContain(NAME);

    // The begeleider has the plan open.
    const theirSocket = new YClient(ctx.server.url, plan.room, begeleider.cookieHeader());
    await theirSocket.synced;

    const id = userId(EMAIL);
    const del = (client: Client) => client.request(`/api/v1/users/${id}`, { method: "DELETE", headers: { origin: ctx.server.url } });
    expect((await del(await ctx.signedIn("programmaleider@demo.nl"))).status).toBe(403);
    const admin = await ctx.signedIn("admin@demo.nl");
    const started = Date.now();
    const erased = await del(admin);
    expect(erased.status).toBe(200);
    expect(await erased.json()).toEqual({ id, status: "erased" });

    // Sockets end within a second; the old session is gone.
    await theirSocket.closed;
    expect(Date.now() - started).toBeLessThan(1500);
    expect(theirSocket.closeInfo!.code).toBeGreaterThanOrEqual(4000);
    expect((await begeleider.get("/api/v1/me")).status).toBe(401);

    // No row anywhere holds the name or the email (text columns and Yjs blobs alike).
    await waitFor(() => (live.doc.getMap("ethiek:aftekening").get("signedOff") as { name?: string }).name === ERASED, 5000, "scrubbed sign-off relayed");
    live.ws.close();
    const tables = (ctx.db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as { name: string }[]).map((t) => t.name);
    for (const table of tables) {
      const columns = (ctx.db.prepare(`select name from pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name);
      for (const column of columns) {
        for (const needle of [NAME, EMAIL]) {
          const hits = count(`select count(*) as n from "${table}" where instr("${column}", ?) > 0 or instr("${column}", ?) > 0`, needle, Buffer.from(needle));
          expect(hits, `${table}.${column} still holds ${needle}`).toBe(0);
        }
      }
    }

    // Every page and export of the demo plan, as the people who see them.
    const reader = await ctx.signedIn("schoolleider@demo.nl");
    const scanId = (ctx.db.prepare("select cs.id from culture_scans cs join schools s on s.id = cs.school_id order by cs.school_year desc").get() as { id: string }).id;
    const pages: [Client, string][] = [
      [student, `/plannen/${plan.id}`],
      [student, `/plannen/${plan.id}/afdrukken`],
      [student, `/plannen/${plan.id}/versies`],
      [student, `/plannen/${plan.id}/versies/${versionId}`],
      [reader, `/plannen/${plan.id}`],
      [reader, `/api/v1/plans/${plan.id}/export.md`],
      [reader, `/plannen/${plan.id}/toestemmingsformulier.md`],
      [student, `/projecten/${projectId}`],
      [reader, `/projecten/${projectId}`],
      [admin, `/projecten/${projectId}`],
      [admin, "/vragen"],
      [admin, "/opbrengsten"],
      ...(resultId ? ([[admin, `/opbrengsten/${resultId}`]] as [Client, string][]) : []),
      [admin, "/labs"],
      [admin, "/matching"],
      [admin, "/organisaties"],
      [admin, "/expertgroepen"],
      [admin, "/beheer/logboek"],
      [admin, "/beheer/uitnodigingen"],
      [admin, "/beheer/personen"],
      [admin, `/beheer/personen/${id}`],
      [admin, "/regio"],
      ...["status", "verloop", "gematcht", "thema", "maand", "studenten", "acties", "scan"].map((t) => [admin, `/regio.csv?tabel=${t}`] as [Client, string]),
      [admin, `/scan.csv?scan=${scanId}`],
      [admin, "/api/v1/labs"],
    ];
    for (const group of (ctx.db.prepare("select id from expert_groups").all() as { id: string }[])) pages.push([admin, `/expertgroepen/${group.id}`]);
    for (const [client, path] of pages) {
      const response = await client.get(path);
      expect(response.status, path).toBeLessThan(500);
      const body = await response.text();
      expect(body, `${path} shows the name`).not.toContain(NAME);
      expect(body, `${path} shows the email`).not.toContain(EMAIL);
    }
    const docx = Buffer.from(await (await reader.get(`/api/v1/plans/${plan.id}/export.docx`)).arrayBuffer());
    const documentXml = zipEntry(docx, "word/document.xml");
    expect(documentXml).not.toContain(NAME);
    expect(documentXml).toContain(ERASED);

    // The shared work stays, now under "Verwijderde gebruiker".
    const md = await (await reader.get(`/api/v1/plans/${plan.id}/export.md`)).text();
    expect(md).toContain("steeds minder leerlingen uit zichzelf een boek pakken");
    expect(md).toContain(ERASED);
    const planPage = await (await student.get(`/plannen/${plan.id}`)).text();
    expect(planPage).toContain("Beschrijf de steekproef.");
    expect(planPage).toContain(ERASED);

    // Sign-in is impossible, with the old address or the new one; erasing twice changes nothing.
    expect((await new Client(ctx.server.url).post("/login", { email: EMAIL, password: "samen-onderzoeken" })).status).toBe(401);
    const placeholder = (ctx.db.prepare("select email from users where id = ?").get(id) as { email: string }).email;
    expect((await new Client(ctx.server.url).post("/login", { email: placeholder, password: "samen-onderzoeken" })).status).toBeGreaterThanOrEqual(400);
    expect(await (await del(admin)).json()).toEqual({ id, status: "already-erased" });
    expect((await admin.request("/api/v1/users/unknown-id", { method: "DELETE", headers: { origin: ctx.server.url } })).status).toBe(404);
  });

  it("the admin page asks for a confirmation that says what happens", async () => {
    const admin = await ctx.signedIn("admin@demo.nl");
    const id = userId("student3@demo.nl");
    const page = await (await admin.get(`/beheer/personen/${id}`)).text();
    expect(page).toContain("Wissen kan niet ongedaan worden gemaakt");
    const unconfirmed = await admin.post(`/beheer/personen/${id}`, {});
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain("Vink aan");
    expect(count("select count(*) as n from users where id = ? and erased_at is null", id)).toBe(1);
    const confirmed = await admin.post(`/beheer/personen/${id}`, { confirm: "ja" });
    expect(confirmed.status).toBe(302);
    expect(ctx.db.prepare("select name, erased_at is not null as erased from users where id = ?").get(id)).toEqual({ name: ERASED, erased: 1 });
  });
});

describe("retention", () => {
  it("erases students past their term (listed first), prunes expired tokens and keeps valid ones", async () => {
    const admin = await ctx.signedIn("admin@demo.nl");
    const students = ctx.db
      .prepare(
        `select u.id, u.name from users u join memberships m on m.user_id = u.id and m.role = 'student'
         where u.email not like '%@demo.nl' and u.erased_at is null order by u.email limit 2`,
      )
      .all() as { id: string; name: string }[];
    const [gone, recent] = students as [{ id: string; name: string }, { id: string; name: string }];
    const yearsAgo = (n: number) => new Date(Date.now() - n * 365.25 * 24 * 3600 * 1000).toISOString();
    ctx.db.prepare("update users set disabled_at = ? where id = ?").run(yearsAgo(3), gone.id);
    ctx.db.prepare("update users set disabled_at = ? where id = ?").run(yearsAgo(0.1), recent.id);

    const schoolId = (ctx.db.prepare("select id from schools limit 1").get() as { id: string }).id;
    const invite = ctx.db.prepare(
      "insert into invitations (id, token_hash, email, name, role, school_id, created_at, expires_at) values (?, ?, ?, 'Iemand', 'leraar', ?, ?, ?)",
    );
    const daysFromNow = (n: number) => new Date(Date.now() + n * 24 * 3600 * 1000).toISOString();
    invite.run("inv-old", "hash-old", "oud@example.nl", schoolId, daysFromNow(-50), daysFromNow(-43));
    invite.run("inv-valid", "hash-valid", "nieuw@example.nl", schoolId, daysFromNow(0), daysFromNow(7));
    const session = ctx.db.prepare("insert into sessions (token_hash, user_id, created_at, expires_at) values (?, ?, ?, ?)");
    session.run("expired-session", recent.id, daysFromNow(-20), daysFromNow(-6));
    session.run("valid-session", recent.id, daysFromNow(0), daysFromNow(14));
    const failure = ctx.db.prepare("insert into login_failures (email, ip, at) values (?, '203.0.113.9', ?)");
    failure.run("oud@example.nl", daysFromNow(-31));
    failure.run("nieuw@example.nl", daysFromNow(0));

    // The list to check first: the one past the term is due; the recent one is not on it.
    const list = await (await admin.get("/beheer/bewaartermijn")).text();
    expect(list).toContain(gone.name);
    expect(list).toContain("bij de volgende run");
    expect(list).not.toContain(recent.name);

    const run = await admin.post("/beheer/bewaartermijn", { intent: "run" });
    expect(run.status).toBe(302);
    expect(ctx.db.prepare("select name, erased_at is not null as erased from users where id = ?").get(gone.id)).toEqual({ name: ERASED, erased: 1 });
    expect(ctx.db.prepare("select erased_at from users where id = ?").get(recent.id)).toEqual({ erased_at: null });
    expect((ctx.db.prepare("select id from invitations where id like 'inv-%'").all() as { id: string }[]).map((r) => r.id)).toEqual(["inv-valid"]);
    expect((ctx.db.prepare("select token_hash from sessions where token_hash like '%-session'").all() as { token_hash: string }[]).map((r) => r.token_hash)).toEqual(["valid-session"]);
    expect((ctx.db.prepare("select email from login_failures where ip = '203.0.113.9'").all() as { email: string }[]).map((r) => r.email)).toEqual(["nieuw@example.nl"]);
    expect(count("select count(*) as n from audit_log where event = 'retention.pruned'")).toBeGreaterThan(0);
  });

  it("a partnership's term is a setting the privacy statement shows, with the pruning's own numbers", async () => {
    const admin = await ctx.signedIn("admin@demo.nl");
    const partnership = ctx.db.prepare("select id, name from partnerships order by name limit 1").get() as { id: string; name: string };
    const bad = await admin.post("/beheer/bewaartermijn", { intent: "term", partnershipId: partnership.id, months: "0" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Vul een aantal maanden in");
    expect((await admin.post("/beheer/bewaartermijn", { intent: "term", partnershipId: partnership.id, months: "36" })).status).toBe(302);
    expect((await (await ctx.signedIn("student2@demo.nl")).post("/beheer/bewaartermijn", { intent: "run" })).status).toBe(403);

    const page = await new Client(ctx.server.url).get("/privacy");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Privacyverklaring");
    expect(html).toContain(partnership.name);
    expect(html).toContain("36 maanden");
    expect(html).toContain("30 dagen"); // login failures (LOGIN_FAILURE_DAYS)
    expect(html).toContain("14 dagen"); // sessions (the cookie's max age)
  });
});
