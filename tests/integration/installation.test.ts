import { spawnSync } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INVITATION_LINK, queuedLink } from "../support/mail";
import { Client } from "../support/http";
import { startServer, type RunningServer } from "../support/server";

/**
 * Issue 19, a real installation: from an EMPTY database (SEED_DEMO=false) the
 * first admin comes from `admin:invite`, and everything after that happens
 * over HTTP — the organisation tree, the links, a programmaleider's invitation
 * and their first look at the partnership. Bad input gets a Dutch 4xx and
 * stores nothing; the permission module refuses what a role may not do.
 */

let server: RunningServer;
let db: Database.Database;
const PASSWORD = "een lange zin als wachtwoord";

beforeAll(async () => {
  server = await startServer({ env: { SEED_DEMO: "false" } });
  db = new Database(server.databasePath);
});
afterAll(async () => {
  db?.close();
  await server?.stop();
});

const count = (table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
const idOf = (table: string, name: string) => (db.prepare(`select id from ${table} where name = ?`).get(name) as { id: string } | undefined)?.id;

/** Accepts an invitation link as a new person and returns their signed-in client. */
async function accept(link: string, name: string): Promise<Client> {
  const person = new Client(server.url);
  const path = new URL(link, server.url).pathname;
  expect((await person.get(path)).status).toBe(200);
  const response = await person.post(path, { name, password: PASSWORD, passwordConfirm: PASSWORD });
  expect([302, 303]).toContain(response.status);
  return person;
}

/** An invitation made on /beheer/uitnodigingen: the response and the one-time link, read from the queued mail (issue 21). */
async function invite(client: Client, fields: Record<string, string>) {
  const response = await client.post("/beheer/uitnodigingen", { intent: "create", ...fields });
  const html = await response.text();
  const link = response.status === 200 && fields.email ? queuedLink(db, fields.email, "invitation", INVITATION_LINK) : null;
  return { status: response.status, html, link };
}

const post = (client: Client, fields: Record<string, string>) => client.post("/organisaties", fields);

describe("a real installation, from an empty database", () => {
  let admin: Client;
  let lead: Client;
  const ids = {} as Record<"region" | "partnership" | "partnership2" | "school" | "institute", string>;

  it("starts empty, and the first admin comes from admin:invite and accepts over HTTP", async () => {
    expect(count("regions")).toBe(0);
    expect(count("users")).toBe(0);
    const made = spawnSync(process.execPath, ["--import", "tsx", "scripts/invite-admin.ts", "beheer@rivierenland.nl", "Sanne Beheer"], {
      cwd: path.resolve(import.meta.dirname, "../.."),
      env: { ...process.env, DATABASE_PATH: server.databasePath, APP_ORIGIN: server.url },
      encoding: "utf8",
    });
    expect(made.status, made.stderr).toBe(0);
    const link = /\/uitnodiging\/[A-Za-z0-9_-]{43}/.exec(made.stdout)?.[0];
    expect(link).toBeDefined();
    admin = await accept(link!, "Sanne Beheer");
    const me = (await (await admin.get("/api/v1/me")).json()) as { roles: string[] };
    expect(me.roles).toEqual(["admin"]);
  });

  it("shows the admin an empty region dashboard and an organisations page that says what to do next", async () => {
    const regio = await admin.get("/regio");
    expect(regio.status).toBe(200);
    expect(await regio.text()).toContain("Er zijn nog geen partnerschappen");
    const page = await admin.get("/organisaties");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Begin met een onderwijsregio");
    expect(html).toContain('name="intent" value="create-region"');
    // Empty lists say that nothing is there yet and what comes next, not "try another word".
    const results = await (await admin.get("/opbrengsten")).text();
    expect(results).toContain("Er zijn nog geen opbrengsten gedeeld");
    expect(results).not.toContain("Probeer een ander zoekwoord");
    expect(await (await admin.get("/opbrengsten?q=lezen")).text()).toContain("Probeer een ander zoekwoord");
    const questions = await (await admin.get("/vragen")).text();
    expect(questions).toContain("Er zijn nog geen vragen");
    expect(questions).not.toContain("Probeer een ander zoekwoord");
    const showcase = await (await fetch(`${server.url}/opbrengsten`)).text();
    expect(showcase).toContain("Er zijn nog geen openbare opbrengsten");
    expect(showcase).not.toContain("Probeer een ander zoekwoord");
  });

  it("creates a region, and refuses a duplicate and an empty name in Dutch, storing nothing", async () => {
    const created = await post(admin, { intent: "create-region", name: "Onderwijsregio Rivierenland" });
    expect([302, 303]).toContain(created.status);
    ids.region = idOf("regions", "Onderwijsregio Rivierenland")!;
    expect(ids.region).toBeDefined();

    const duplicate = await post(admin, { intent: "create-region", name: "onderwijsregio  rivierenland" });
    expect(duplicate.status).toBe(409);
    expect(await duplicate.text()).toContain("Er is al een onderwijsregio met deze naam.");
    const empty = await post(admin, { intent: "create-region", name: " " });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Geef een naam van minstens 2 tekens.");
    expect(count("regions")).toBe(1);
  });

  it("creates partnerships in the region and refuses an unknown region", async () => {
    const unknown = await post(admin, { intent: "create-partnership", name: "Partnerschap Nergens", regionId: "00000000-0000-0000-0000-000000000000" });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("Deze onderwijsregio bestaat niet (meer).");
    expect(count("partnerships")).toBe(0);

    for (const name of ["Partnerschap West", "Partnerschap Oost"]) {
      const created = await post(admin, { intent: "create-partnership", name, regionId: ids.region });
      expect([302, 303]).toContain(created.status);
    }
    ids.partnership = idOf("partnerships", "Partnerschap West")!;
    ids.partnership2 = idOf("partnerships", "Partnerschap Oost")!;
    const duplicate = await post(admin, { intent: "create-partnership", name: "Partnerschap West", regionId: ids.region });
    expect(duplicate.status).toBe(409);
    expect(await duplicate.text()).toContain("Er is al een partnerschap met deze naam.");
    expect(count("partnerships")).toBe(2);
  });

  it("creates a school and an institute in a partnership, and refuses bad input", async () => {
    const school = { intent: "create-school", name: "Basisschool De Wilg", sector: "po", board: "Stichting Rivierkind", city: "Tiel" };
    const orphan = await post(admin, school);
    expect(orphan.status).toBe(400);
    expect(await orphan.text()).toContain("Kies een partnerschap");
    const badSector = await post(admin, { ...school, sector: "hbo", partnershipId: ids.partnership });
    expect(badSector.status).toBe(400);
    expect(await badSector.text()).toContain("Kies een sector");
    const unknownPartnership = await post(admin, { ...school, partnershipId: "onbekend" });
    expect(unknownPartnership.status).toBe(400);
    expect(count("schools")).toBe(0);

    const created = await post(admin, { ...school, partnershipId: ids.partnership });
    expect([302, 303]).toContain(created.status);
    ids.school = idOf("schools", "Basisschool De Wilg")!;
    expect(db.prepare("select region_id as regionId, sector from schools where id = ?").get(ids.school)).toEqual({ regionId: ids.region, sector: "po" });
    const duplicate = await post(admin, { ...school, name: "basisschool de wilg", partnershipId: ids.partnership2 });
    expect(duplicate.status).toBe(409);
    expect(await duplicate.text()).toContain("Er is al een school met deze naam in deze plaats.");
    expect(count("schools")).toBe(1);
    expect(count("partnership_schools")).toBe(1);

    const institute = { intent: "create-institute", name: "Pabo Rivierenland", kind: "pabo", city: "Nijmegen", partnershipId: ids.partnership };
    const badKind = await post(admin, { ...institute, kind: "mbo-opleiding" });
    expect(badKind.status).toBe(400);
    expect(await badKind.text()).toContain("Kies het soort opleiding.");
    expect(count("institutes")).toBe(0);
    expect([302, 303]).toContain((await post(admin, institute)).status);
    ids.institute = idOf("institutes", "Pabo Rivierenland")!;
    expect(db.prepare("select kind from institutes where id = ?").get(ids.institute)).toEqual({ kind: "pabo" });
  });

  it("links the school and the institute to the second partnership, once", async () => {
    for (const organisation of [`school:${ids.school}`, `institute:${ids.institute}`]) {
      const linked = await post(admin, { intent: "link", organisation, partnershipId: ids.partnership2 });
      expect([302, 303]).toContain(linked.status);
    }
    expect(count("partnership_schools")).toBe(2);
    expect(count("partnership_institutes")).toBe(2);
    const again = await post(admin, { intent: "link", organisation: `school:${ids.school}`, partnershipId: ids.partnership2 });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("Deze organisatie hoort al bij dit partnerschap.");
    const unknown = await post(admin, { intent: "link", organisation: "school:bestaat-niet", partnershipId: ids.partnership2 });
    expect(unknown.status).toBe(400);
    expect(count("partnership_schools")).toBe(2);

    const page = await (await admin.get("/organisaties")).text();
    expect(page).toContain("Partnerschap West");
    expect(page).toContain("Basisschool De Wilg");
    expect(page).toContain("Pabo Rivierenland");
  });

  it("renames a school and records every change in the audit log", async () => {
    const renamed = await post(admin, { intent: "rename", organisation: `school:${ids.school}`, name: "Basisschool De Wilgen" });
    expect([302, 303]).toContain(renamed.status);
    expect(idOf("schools", "Basisschool De Wilgen")).toBe(ids.school);
    const events = db.prepare("select event, count(*) as n from audit_log where event like 'organisation.%' group by event order by event").all();
    expect(events).toEqual([
      { event: "organisation.created", n: 5 },
      { event: "organisation.linked", n: 2 },
      { event: "organisation.renamed", n: 1 },
    ]);
  });

  it("invites a programmaleider, who signs in and sees the partnership", async () => {
    const made = await invite(admin, {
      name: "Pim Programma",
      email: "pim@rivierenland.nl",
      organisation: `partnership:${ids.partnership}`,
      role: "programmaleider",
    });
    expect(made.status).toBe(200);
    expect(made.link).toMatch(/\/uitnodiging\/[A-Za-z0-9_-]{43}$/);
    lead = await accept(made.link!, "Pim Programma");
    const me = (await (await lead.get("/api/v1/me")).json()) as { roles: string[] };
    expect(me.roles).toEqual(["programmaleider"]);
    const page = await lead.get("/organisaties");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Partnerschap West");
    expect(html).toContain("Basisschool De Wilgen");
    expect((await lead.get("/regio")).status).toBe(200);
  });

  it("refuses a programmaleider what only an admin may do, storing nothing", async () => {
    const regions = count("regions");
    const region = await post(lead, { intent: "create-region", name: "Regio van Pim" });
    expect(region.status).toBe(403);
    expect(await region.text()).toContain("Je hebt geen toegang");
    expect(count("regions")).toBe(regions);
    // A school in a partnership they do not lead.
    const school = await post(lead, { intent: "create-school", name: "School van Pim", sector: "vo", board: "Bestuur", city: "Tiel", partnershipId: ids.partnership2 });
    expect(school.status).toBe(403);
    expect(count("schools")).toBe(1);
    const rename = await post(lead, { intent: "rename", organisation: `partnership:${ids.partnership}`, name: "Pims partnerschap" });
    expect(rename.status).toBe(403);
    // Linking to a partnership they do not lead.
    const link = await post(lead, { intent: "link", organisation: `institute:${ids.institute}`, partnershipId: ids.partnership2 });
    expect(link.status).toBe(403);
    // Inviting into another partnership or the platform is the admin's (into their own, see archived-organisations.test.ts).
    const asLead = await invite(lead, { name: "Nog Een", email: "nog@rivierenland.nl", organisation: `partnership:${ids.partnership2}`, role: "programmaleider" });
    expect(asLead.status).toBe(403);
    const asAdmin = await invite(lead, { name: "Nog Een", email: "nog@rivierenland.nl", organisation: "platform:", role: "admin" });
    expect(asAdmin.status).toBe(403);
    expect(db.prepare("select count(*) as n from invitations where email = ?").get("nog@rivierenland.nl")).toEqual({ n: 0 });
  });

  it("lets the programmaleider add a school to the partnership they lead (contract 6.14)", async () => {
    const school = await post(lead, { intent: "create-school", name: "Het Lindecollege", sector: "vo", board: "Stichting Linde", city: "Tiel", partnershipId: ids.partnership });
    expect([302, 303]).toContain(school.status);
    expect(db.prepare("select partnership_id as p from partnership_schools where school_id = ?").all(idOf("schools", "Het Lindecollege"))).toEqual([{ p: ids.partnership }]);
  });

  it("lets the programmaleider invite a schoolleider into a school of their partnership", async () => {
    const form = await lead.get(`/beheer/uitnodigingen?organisatie=school:${ids.school}`);
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).toContain("Basisschool De Wilgen");
    expect(html).not.toContain('value="platform:"');
    const made = await invite(lead, { name: "Sara School", email: "sara@dewilg.nl", organisation: `school:${ids.school}`, role: "schoolleider" });
    expect(made.status).toBe(200);
    expect(made.link).not.toBeNull();
    const wrongRole = await invite(lead, { name: "Sara School", email: "sara2@dewilg.nl", organisation: `school:${ids.school}`, role: "student" });
    expect(wrongRole.status).toBe(400);
  });

  it("reads a date-only deadline as the end of that day in Amsterdam and shows that date", async () => {
    const created = await lead.post("/matching", { intent: "create", partnershipId: ids.partnership, name: "Ronde voorjaar", deadline: "2027-01-15" });
    expect([302, 303]).toContain(created.status);
    expect(db.prepare("select deadline from matching_rounds where name = ?").get("Ronde voorjaar")).toEqual({ deadline: "2027-01-15T22:59:59.999Z" });
    const page = await (await lead.get("/matching")).text();
    expect(page).toContain("Rangschikken kan tot en met 15 januari 2027.");
    expect(page).not.toContain("16 januari 2027");
  });

  it("names the round in a published-round notification and marks a notification read when opened", async () => {
    const userId = (db.prepare("select id from users where email = ?").get("pim@rivierenland.nl") as { id: string }).id;
    // A notification as publishRound writes it (app/models/matching.server.ts).
    const { lastInsertRowid } = db
      .prepare("insert into notifications (user_id, kind, params, link, created_at) values (?, 'matching.published', ?, '/matching', ?)")
      .run(userId, JSON.stringify({ round: "Ronde voorjaar" }), new Date().toISOString());
    const list = await (await lead.get("/meldingen")).text();
    expect(list).toContain("plaatsingsvoorstel voor je klaar in de matchingronde ‘Ronde voorjaar’");
    expect(list).not.toContain("De status van ‘’");
    const opened = await lead.get(`/meldingen/${lastInsertRowid}`);
    expect([302, 303]).toContain(opened.status);
    expect(opened.headers.get("location")).toBe("/matching");
    const row = db.prepare("select read_at as readAt from notifications where id = ?").get(lastInsertRowid) as { readAt: string | null };
    expect(row.readAt).not.toBeNull();
    // Someone else's notification is a 404, like one that does not exist.
    expect((await admin.get(`/meldingen/${lastInsertRowid}`)).status).toBe(404);
  });

  it("archives a partnership and a school: kept in the tree, not offered for new work, and restorable", async () => {
    const archived = await post(admin, { intent: "archive", organisation: `partnership:${ids.partnership2}`, archived: "true" });
    expect([302, 303]).toContain(archived.status);
    expect(db.prepare("select archived_at is not null as a from partnerships where id = ?").get(ids.partnership2)).toEqual({ a: 1 });
    const school = await post(admin, { intent: "create-school", name: "School Oost", sector: "vo", board: "Bestuur Oost", city: "Elst", partnershipId: ids.partnership2 });
    expect(school.status).toBe(400);
    expect(await school.text()).toContain("Dit partnerschap is gearchiveerd.");
    expect(idOf("schools", "School Oost")).toBeUndefined();
    const invitation = await invite(admin, { name: "Olga Oost", email: "olga@oost.nl", organisation: `partnership:${ids.partnership2}`, role: "programmaleider" });
    expect(invitation.status).toBe(400);
    const page = await (await admin.get("/organisaties")).text();
    expect(page).toContain("Partnerschap Oost");
    expect(page).toContain("Gearchiveerd");

    const archivedSchool = await post(admin, { intent: "archive", organisation: `school:${ids.school}`, archived: "true" });
    expect([302, 303]).toContain(archivedSchool.status);
    const form = await (await admin.get("/beheer/uitnodigingen")).text();
    expect(form).not.toContain(`school:${ids.school}`);

    for (const organisation of [`partnership:${ids.partnership2}`, `school:${ids.school}`]) {
      expect([302, 303]).toContain((await post(admin, { intent: "archive", organisation, archived: "false" })).status);
    }
    expect(db.prepare("select count(*) as n from partnerships where archived_at is not null").get()).toEqual({ n: 0 });
    // Only an admin archives.
    expect((await post(lead, { intent: "archive", organisation: `school:${ids.school}`, archived: "true" })).status).toBe(403);
    expect(db.prepare("select archived_at as a from schools where id = ?").get(ids.school)).toEqual({ a: null });
  });

  it("offers the same through the administration API (contract 6.14)", async () => {
    const api = (client: Client, body: unknown) =>
      client.request("/api/v1/organisations", { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body), headers: { "content-type": "application/json" } });
    const region = await api(admin, { kind: "region", name: "Onderwijsregio Betuwe" });
    expect(region.status).toBe(201);
    const { id: regionId } = (await region.json()) as { id: string };
    expect(idOf("regions", "Onderwijsregio Betuwe")).toBe(regionId);
    const partnership = await api(admin, { kind: "partnership", name: "Partnerschap Betuwe", regionId });
    expect(partnership.status).toBe(201);
    const { id: partnershipId } = (await partnership.json()) as { id: string };

    const duplicate = await api(admin, { kind: "region", name: "Onderwijsregio Betuwe" });
    expect(duplicate.status).toBe(400);
    expect(((await duplicate.json()) as { error: string }).error).toBe("Er is al een onderwijsregio met deze naam.");
    const broken = await api(admin, "{niet-json");
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: string }).error).toContain("geen geldige JSON");
    const noPartnership = await api(admin, { kind: "school", name: "Losse School", sector: "po", board: "Bestuur", city: "Buren", partnershipIds: [] });
    expect(noPartnership.status).toBe(400);
    expect(idOf("schools", "Losse School")).toBeUndefined();
    const institute = await api(admin, { kind: "institute", name: "Universiteit Betuwe ULO", instituteKind: "universitaire-lerarenopleiding", city: "Buren", partnershipIds: [partnershipId] });
    expect(institute.status).toBe(201);

    // A programmaleider: schools in the own partnership, nothing else.
    expect((await api(lead, { kind: "region", name: "Regio van Pim" })).status).toBe(403);
    expect((await api(lead, { kind: "school", name: "School Betuwe", sector: "po", board: "Bestuur", city: "Buren", partnershipIds: [partnershipId] })).status).toBe(403);
    const own = await api(lead, { kind: "school", name: "Basisschool Het Anker", sector: "po", board: "Stichting Anker", city: "Tiel", partnershipIds: [ids.partnership] });
    expect(own.status).toBe(201);
    expect(count("regions")).toBe(2);

    const list = (await (await lead.get("/api/v1/organisations")).json()) as { organisations: { id: string; kind: string; name: string }[] };
    expect(list.organisations).toContainEqual({ id: ids.partnership, kind: "partnership", name: "Partnerschap West" });
    expect(list.organisations.some((o) => o.name === "Basisschool Het Anker" && o.kind === "school")).toBe(true);
    expect((await new Client(server.url).get("/api/v1/organisations")).status).toBe(401);
  });
});
