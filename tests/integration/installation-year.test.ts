import { spawnSync } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../support/http";
import { INVITATION_LINK, queuedLink } from "../support/mail";
import { startServer, type RunningServer } from "../support/server";
import { waitFor, YClient } from "./collab-helpers";

/**
 * Issue 19, a partnership year from an EMPTY database (SEED_DEMO=false),
 * through HTTP only: the first admin from `admin:invite`, the tree through the
 * Administration API, people invited and signed in, a question opened, a lab
 * with a supervisor, a matching round run and published, a project with a
 * student and a begeleider who comments and signs the ethics off, an expert
 * group with a meeting (.ics), a result published with the consents the app
 * asks for and shared into that group, and the end of
 * the year. Bad input gets a Dutch 4xx and stores nothing; removing a
 * begeleider or deactivating a person closes their sockets within a second.
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

const count = (table: string, where = "1 = 1", ...args: unknown[]) => (db.prepare(`select count(*) as n from ${table} where ${where}`).get(...args) as { n: number }).n;
const row = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as T;

/** JSON to the API as a browser on this origin sends it. */
async function api(client: Client, method: string, path: string, body?: unknown) {
  const response = await client.request(path, {
    method,
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    headers: { "content-type": "application/json", origin: server.url },
  });
  const text = await response.text();
  return { status: response.status, text, json: (text ? JSON.parse(text) : null) as Record<string, unknown> };
}

async function accept(link: string, name: string): Promise<Client> {
  const person = new Client(server.url);
  const target = new URL(link, server.url).pathname;
  expect((await person.get(target)).status).toBe(200);
  const response = await person.post(target, { name, password: PASSWORD, passwordConfirm: PASSWORD });
  expect([302, 303]).toContain(response.status);
  return person;
}

/**
 * The invitation link for a person invited on /beheer/uitnodigingen. Until the
 * mail queue lands the page shows the link; at merge this one line reads the
 * queued mail instead (contract 6.12).
 */
/** Invites through the page; the link travels by mail only (6.14), so it is read from the real mail queue. */
async function inviteByPage(client: Client, fields: Record<string, string>): Promise<string> {
  const response = await client.post("/beheer/uitnodigingen", { intent: "create", ...fields });
  expect(response.status, `invitation for ${fields.email}`).toBeLessThan(400);
  return queuedLink(db, fields.email!, "invitation", INVITATION_LINK);
}

type Key = "region" | "partnership" | "partnership2" | "school" | "school2" | "institute" | "institute2" | "opleider" | "wpb" | "student" | "otherOpleider" | "question" | "lab" | "round" | "project" | "plan" | "room" | "group";
const ids = {} as Record<Key, string>;
const people = {} as Record<"admin" | "lead" | "head" | "opleider" | "wpb" | "student" | "otherOpleider", Client>;

describe("a partnership year from an empty database", () => {
  it("the first admin comes from admin:invite; the tree is built through the Administration API", async () => {
    expect(count("users")).toBe(0);
    const made = spawnSync(process.execPath, ["--import", "tsx", "scripts/invite-admin.ts", "beheer@rivierenland.nl", "Sanne Beheer"], {
      cwd: path.resolve(import.meta.dirname, "../.."),
      env: { ...process.env, DATABASE_PATH: server.databasePath, APP_ORIGIN: server.url },
      encoding: "utf8",
    });
    expect(made.status, made.stderr).toBe(0);
    // A real installation: the login page names no demo accounts (6.11).
    const login = await (await new Client(server.url).get("/login")).text();
    expect(login).not.toContain("@demo.nl");
    expect(login).not.toContain("samen-onderzoeken");
    people.admin = await accept(/\/uitnodiging\/[A-Za-z0-9_-]{43}/.exec(made.stdout)![0], "Sanne Beheer");
    const org = async (body: Record<string, unknown>) => {
      const r = await api(people.admin, "POST", "/api/v1/organisations", body);
      expect(r.status, r.text).toBe(201);
      return r.json.id as string;
    };
    ids.region = await org({ kind: "region", name: "Onderwijsregio Rivierenland" });
    ids.partnership = await org({ kind: "partnership", name: "Partnerschap West", regionId: ids.region });
    ids.partnership2 = await org({ kind: "partnership", name: "Partnerschap Oost", regionId: ids.region });
    ids.school = await org({ kind: "school", name: "Basisschool De Wilg", sector: "po", board: "Stichting Rivierkind", city: "Tiel", partnershipIds: [ids.partnership] });
    ids.school2 = await org({ kind: "school", name: "Basisschool Oost", sector: "po", board: "Stichting Oost", city: "Zevenaar", partnershipIds: [ids.partnership2] });
    ids.institute = await org({ kind: "institute", name: "Pabo Rivierenland", instituteKind: "pabo", city: "Nijmegen", partnershipIds: [ids.partnership] });
    ids.institute2 = await org({ kind: "institute", name: "Pabo Oost", instituteKind: "pabo", city: "Arnhem", partnershipIds: [ids.partnership2] });
  });

  it("invites people by page and by API; the API never returns the link", async () => {
    const byApi = await api(people.admin, "POST", "/api/v1/invitations", { email: "pim@rivierenland.nl", name: "Pim Programma", role: "programmaleider", organisationId: ids.partnership });
    expect(byApi.status).toBe(201);
    expect(Object.keys(byApi.json)).toEqual(["id"]);
    expect(byApi.text).not.toMatch(/uitnodiging|token/i);
    // The first admin's invitation and this one.
    expect(count("audit_log", "event = 'invitation.created'")).toBe(2);
    // Bad input: a Dutch 400 and nothing stored.
    for (const bad of [
      { email: "geen-adres", name: "X", role: "leraar", organisationId: ids.school },
      { email: "x@y.nl", name: "X", role: "student", organisationId: ids.school },
      { email: "x@y.nl", name: "X", role: "leraar", organisationId: "bestaat-niet" },
    ]) {
      const r = await api(people.admin, "POST", "/api/v1/invitations", bad);
      expect(r.status, r.text).toBe(400);
      expect(r.json.error).toMatch(/[a-z]/);
    }
    expect((await api(people.admin, "POST", "/api/v1/invitations", "{kapot")).status).toBe(400);
    expect(count("invitations")).toBe(2);

    // The same people, signed in through the page's links.
    const invite = (name: string, email: string, organisation: string, role: string) => inviteByPage(people.admin, { name, email, organisation, role });
    people.lead = await accept(await invite("Pim Programma", "pim@rivierenland.nl", `partnership:${ids.partnership}`, "programmaleider"), "Pim Programma");
    people.head = await accept(await invite("Sara School", "sara@dewilg.nl", `school:${ids.school}`, "schoolleider"), "Sara School");
    people.opleider = await accept(await invite("Ilse Opleider", "ilse@pabo.nl", `institute:${ids.institute}`, "instituutsopleider"), "Ilse Opleider");
    people.wpb = await accept(await invite("Wim Werkplek", "wim@dewilg.nl", `school:${ids.school}`, "werkplekbegeleider"), "Wim Werkplek");
    people.student = await accept(await invite("Stan Student", "stan@student.pabo.nl", `institute:${ids.institute}`, "student"), "Stan Student");
    people.otherOpleider = await accept(await invite("Otto Oost", "otto@pabo-oost.nl", `institute:${ids.institute2}`, "instituutsopleider"), "Otto Oost");
    ids.opleider = row<{ id: string }>("select id from users where email = 'ilse@pabo.nl'").id;
    ids.wpb = row<{ id: string }>("select id from users where email = 'wim@dewilg.nl'").id;
    ids.student = row<{ id: string }>("select id from users where email = 'stan@student.pabo.nl'").id;
    ids.otherOpleider = row<{ id: string }>("select id from users where email = 'otto@pabo-oost.nl'").id;
    // A programmaleider invites into their own partnership's school by the API, not into the other partnership.
    expect((await api(people.lead, "POST", "/api/v1/invitations", { email: "lotte@dewilg.nl", name: "Lotte Leraar", role: "leraar", organisationId: ids.school })).status).toBe(201);
    expect((await api(people.lead, "POST", "/api/v1/invitations", { email: "x@oost.nl", name: "X", role: "leraar", organisationId: ids.school2 })).status).toBe(403);
    expect((await api(people.student, "POST", "/api/v1/invitations", { email: "x@oost.nl", name: "X", role: "leraar", organisationId: ids.school })).status).toBe(403);
  });

  it("opens a question: the school submits it, the programmaleider opens it", async () => {
    const created = await people.head.post("/vragen/nieuw", {
      schoolId: ids.school,
      title: "Hoe maken we begrijpend lezen in groep 6 leuker?",
      background: "De leesmotivatie in groep 6 daalt al twee jaar en de resultaten op begrijpend lezen dalen mee.",
      desiredOutcome: "Een aanpak voor leesmotivatie die leraren morgen kunnen gebruiken.",
      visionFit: "",
      themeId: "lezen-en-taal",
      subQuestions: "Wat motiveert leerlingen?\nWat werkt elders?",
      sector: "po",
      schoolYear: "2026-2027",
      studentCapacity: "2",
      supervisorName: "Wim Werkplek",
      supervisionCapacity: "2",
      intent: "submit",
    });
    expect([302, 303]).toContain(created.status);
    ids.question = row<{ id: string }>("select id from questions").id;
    expect((await people.lead.post(`/vragen/${ids.question}`, { intent: "transition", to: "open" })).status).toBe(302);
    expect(row<{ status: string }>("select status from questions where id = ?", ids.question).status).toBe("open");
  });

  it("creates a lab with a supervisor by API, refusing bad input at the field and storing nothing", async () => {
    const lab = { partnershipId: ids.partnership, name: "Leeslab West", seats: 4, periodStart: "2026-09-01", periodEnd: "2027-06-30", hostInstituteId: ids.institute, supervisorIds: [ids.opleider] };
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ ...lab, seats: 0 }, /aantal plaatsen/],
      [{ ...lab, periodEnd: "2026-08-01" }, /einddatum ligt vóór de begindatum/],
      [{ ...lab, supervisorIds: [ids.otherOpleider] }, /begeleider werkt niet/],
      [{ ...lab, hostInstituteId: ids.institute2 }, /gastheer hoort niet/],
    ];
    for (const [body, message] of bad) {
      const r = await api(people.lead, "POST", "/api/v1/labs", body);
      expect(r.status, r.text).toBe(400);
      expect(r.json.error).toMatch(message);
    }
    expect(count("labs")).toBe(0);
    expect((await api(people.lead, "POST", "/api/v1/labs", { ...lab, partnershipId: ids.partnership2 })).status).toBe(403);
    const made = await api(people.lead, "POST", "/api/v1/labs", lab);
    expect(made.status, made.text).toBe(201);
    ids.lab = made.json.id as string;
    const duplicate = await api(people.lead, "POST", "/api/v1/labs", { ...lab, name: "leeslab  west" });
    expect(duplicate.status).toBe(400);
    expect(duplicate.json.error).toMatch(/al een lab met deze naam/);
    expect(count("labs")).toBe(1);
    const list = await api(people.lead, "GET", "/api/v1/labs");
    expect(list.json.labs).toEqual([expect.objectContaining({ id: ids.lab, name: "Leeslab West", seats: 4, supervisors: [{ id: ids.opleider, name: "Ilse Opleider" }] })]);
    expect(count("audit_log", "event = 'lab.created'")).toBe(1);
    // The page form refuses the same bad input at the field.
    const page = await people.lead.post("/labs", { intent: "create", formKey: `new-${ids.partnership}`, partnershipId: ids.partnership, name: "Rekenlab", seats: "0", periodStart: "2027-01-10", periodEnd: "2027-01-01" });
    expect(page.status).toBe(400);
    const html = await page.text();
    expect(html).toContain("Het aantal plaatsen is een heel getal van 1 tot en met 500.");
    expect(html).toContain("De einddatum ligt vóór de begindatum.");
    expect(count("labs")).toBe(1);
  });

  it("runs and publishes a matching round; both sides accept and the project exists", async () => {
    const deadline = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
    expect((await people.lead.post("/matching", { intent: "create", partnershipId: ids.partnership, name: "Ronde 2026-2027", deadline })).status).toBe(302);
    ids.round = row<{ id: string }>("select id from matching_rounds").id;
    // A date-only deadline is the end of that day in Amsterdam, shown as that same day (not the next one).
    const shown = new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Amsterdam" }).format(new Date(`${deadline}T12:00:00Z`));
    expect(await (await people.student.get("/matching")).text()).toContain(`Rangschikken kan tot en met ${shown}.`);
    // The students hear that the round opened (bell, and mail by preference), with that same day.
    expect(row<{ n: number }>("select count(*) as n from notifications where kind = 'matching.opened' and user_id = ?", ids.student).n).toBe(1);
    expect(await (await people.student.get("/meldingen")).text()).toContain(`De matchingronde ‘Ronde 2026-2027’ is open: rangschik je keuzes uiterlijk ${shown}.`);
    expect(row<{ deadline: string }>("select deadline from matching_rounds where id = ?", ids.round).deadline).toMatch(new RegExp(`^${deadline}T2[12]:59:59`));
    expect((await people.student.post("/matching", { intent: "rank", roundId: ids.round, choice1: ids.question })).status).toBe(302);
    expect((await people.lead.post("/matching", { intent: "run", roundId: ids.round })).status).toBe(302);
    expect((await people.lead.post("/matching", { intent: "publish", roundId: ids.round, confirm: "ja" })).status).toBe(302);
    expect((await people.student.post("/matching", { intent: "respond", side: "student", roundId: ids.round, answer: "accept" })).status).toBe(302);
    expect((await people.head.post("/matching", { intent: "respond", side: "school", roundId: ids.round, studentId: ids.student, answer: "accept" })).status).toBe(302);
    ids.project = row<{ id: string }>("select id from projects").id;
    const plan = row<{ id: string; room: string }>("select id, room from plans where project_id = ?", ids.project);
    ids.plan = plan.id;
    ids.room = plan.room;
  });

  it("flags the project without begeleider, then adds begeleiders by API and page; bad ones are refused", async () => {
    // The question had no lab: the project starts without a begeleider, and the programmaleider sees it.
    const dashboard = await (await people.lead.get("/")).text();
    expect(dashboard).toContain("Projecten zonder begeleider");
    const refusedOther = await api(people.lead, "POST", `/api/v1/projects/${ids.project}/members`, { userId: ids.otherOpleider, role: "begeleider" });
    expect(refusedOther.status).toBe(400);
    expect(refusedOther.json.error).toMatch(/kan geen begeleider zijn/);
    expect((await api(people.lead, "POST", `/api/v1/projects/${ids.project}/members`, { userId: ids.student, role: "begeleider" })).status).toBe(400);
    expect((await api(people.lead, "POST", `/api/v1/projects/${ids.project}/members`, { userId: ids.opleider, role: "student" })).status).toBe(400);
    expect((await api(people.head, "POST", `/api/v1/projects/${ids.project}/members`, { userId: ids.opleider, role: "begeleider" })).status).toBe(403);
    expect((await api(people.lead, "POST", `/api/v1/projects/bestaat-niet/members`, { userId: ids.opleider, role: "begeleider" })).status).toBe(404);
    expect(count("project_members", "role = 'begeleider'")).toBe(0);

    const added = await api(people.lead, "POST", `/api/v1/projects/${ids.project}/members`, { userId: ids.opleider, role: "begeleider" });
    expect(added.status, added.text).toBe(201);
    expect((await people.lead.post(`/projecten/${ids.project}`, { intent: "add", userId: ids.wpb })).status).toBe(302);
    expect(count("project_members", "role = 'begeleider'")).toBe(2);
    expect(count("audit_log", "event = 'project.member_added'")).toBe(2);
    const page = await (await people.lead.get(`/projecten/${ids.project}`)).text();
    expect(page).toContain("Ilse Opleider");
    expect(page).toContain("Wim Werkplek");
    expect(await (await people.lead.get("/")).text()).not.toContain("Projecten zonder begeleider");
    const plans = (await api(people.opleider, "GET", "/api/v1/plans")).json.plans as { id: string; access: string }[];
    expect(plans).toEqual([expect.objectContaining({ id: ids.plan, access: "comment" })]);
    // Nobody is made begeleider in silence: the bell says which project.
    const bell = await (await people.opleider.get("/meldingen")).text();
    expect(bell).toMatch(/Je begeleidt nu het project ‘[^’]+’/);
    expect(count("notifications", "kind = 'project.begeleiderAdded'")).toBe(2);
  });

  it("the begeleider comments and signs the ethics off after the student filled them in", async () => {
    const comment = await people.opleider.post(`/plannen/${ids.plan}/reacties`, { intent: "create", sectionId: "onderzoeksvraag", body: "Maak de hoofdvraag concreter." });
    expect(comment.status, await comment.text()).toBe(302);
    expect(count("plan_comments", "plan_id = ?", ids.plan)).toBe(1);

    const live = new YClient(server.url, ids.room, people.student.cookieHeader());
    await live.synced;
    try {
      const map = live.doc.getMap("ethiek");
      live.doc.transact(() => {
        map.set("pupilsInvolved", "ja");
        map.set("ageGroups", ["onder-12"]);
        map.set("dataMinimisation", "Alleen antwoorden op de vragenlijst, zonder namen.");
        map.set("storage", "Beveiligde OneDrive van de pabo");
        map.set("retention", "einde-onderzoek");
      });
      let signed = 0;
      await waitFor(async () => (signed = (await people.opleider.post(`/plannen/${ids.plan}/ethiek`, {})).status) === 302, 10_000, "ethics sign-off");
      expect(signed).toBe(302);
    } finally {
      live.ws.close();
    }
  });

  it("removing a begeleider closes their plan socket within a second", async () => {
    const socket = new YClient(server.url, ids.room, people.wpb.cookieHeader());
    await socket.synced;
    const started = Date.now();
    const removed = await api(people.lead, "DELETE", `/api/v1/projects/${ids.project}/members/${ids.wpb}`);
    expect(removed.status, removed.text).toBe(200);
    const closed = await socket.closed;
    expect(closed.code).toBe(4403);
    expect(Date.now() - started).toBeLessThan(1500);
    expect((await api(people.lead, "DELETE", `/api/v1/projects/${ids.project}/members/${ids.wpb}`)).status).toBe(404);
    expect(count("audit_log", "event = 'project.member_removed'")).toBe(1);
  });

  it("deactivating a person ends their sessions and sockets; reactivating lets them sign in again", async () => {
    const socket = new YClient(server.url, ids.room, people.opleider.cookieHeader());
    await socket.synced;
    expect((await people.head.post(`/personen/${ids.opleider}`, { intent: "deactivate" })).status).toBe(403);
    const started = Date.now();
    expect((await people.admin.post(`/personen/${ids.opleider}`, { intent: "deactivate" })).status).toBe(302);
    const closed = await socket.closed;
    expect([4401, 4403]).toContain(closed.code);
    expect(Date.now() - started).toBeLessThan(1500);
    expect((await people.opleider.get("/api/v1/me")).status).toBe(401);
    const again = await new Client(server.url).post("/login", { email: "ilse@pabo.nl", password: PASSWORD });
    expect([400, 401]).toContain(again.status);
    // Their work stays.
    expect(count("plan_comments", "plan_id = ?", ids.plan)).toBe(1);
    expect((await people.admin.post(`/personen/${ids.opleider}`, { intent: "reactivate" })).status).toBe(302);
    people.opleider = new Client(server.url);
    await people.opleider.login("ilse@pabo.nl", PASSWORD);
    expect((await people.opleider.get("/api/v1/me")).status).toBe(200);
  });

  it("creates an expert group by API; bad input is refused; a member plans a meeting with an .ics", async () => {
    const group = { regionId: ids.region, name: "Expertgroep Lezen", joinPolicy: "moderated", moderatorIds: [ids.opleider] };
    for (const [body, status] of [
      [{ ...group, joinPolicy: "iedereen" }, 400],
      [{ ...group, name: "" }, 400],
      [{ ...group, moderatorIds: ["bestaat-niet"] }, 400],
      [{ ...group, regionId: "bestaat-niet" }, 403],
    ] as const) {
      expect((await api(people.lead, "POST", "/api/v1/expert-groups", body)).status).toBe(status);
    }
    expect((await api(people.student, "POST", "/api/v1/expert-groups", group)).status).toBe(403);
    expect(count("expert_groups")).toBe(0);
    const made = await api(people.lead, "POST", "/api/v1/expert-groups", group);
    expect(made.status, made.text).toBe(201);
    ids.group = made.json.id as string;
    expect((await api(people.lead, "POST", "/api/v1/expert-groups", { ...group, name: "expertgroep lezen" })).status).toBe(400);
    expect((await api(people.head, "GET", "/api/v1/expert-groups")).json.groups).toEqual([expect.objectContaining({ id: ids.group, name: "Expertgroep Lezen", joinPolicy: "moderated" })]);
    expect(count("audit_log", "event = 'expert_group.created'")).toBe(1);
    // The programmaleider who started it is a member; the moderator named is its moderator.
    expect(count("expert_group_members", "role = 'member' and status = 'active' and user_id = (select id from users where email = 'pim@rivierenland.nl')")).toBe(1);
    expect(count("expert_group_members", "role = 'moderator'")).toBe(1);

    // The schoolleider asks to join; the moderator accepts.
    expect((await people.head.post(`/expertgroepen/${ids.group}`, { intent: "join" })).status).toBe(302);
    expect((await people.head.post(`/expertgroepen/${ids.group}`, { intent: "approve", userId: ids.opleider })).status).toBe(403);
    const headId = row<{ id: string }>("select id from users where email = 'sara@dewilg.nl'").id;
    expect((await people.opleider.post(`/expertgroepen/${ids.group}`, { intent: "approve", userId: headId })).status).toBe(302);

    const bad = await people.head.post(`/expertgroepen/${ids.group}`, { intent: "meeting", title: "", date: "2027-02-30", time: "16:00", location: "" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Vul een geldige datum en tijd in.");
    expect(count("expert_group_meetings")).toBe(0);
    const year = new Date().getFullYear() + 1;
    const meeting = await people.head.post(`/expertgroepen/${ids.group}`, { intent: "meeting", title: "Leesbijeenkomst", date: `${year}-03-02`, time: "16:00", location: "Pabo Rivierenland, lokaal 2", agenda: "1. Opening\n2. Resultaten, ervaringen; vragen" });
    expect(meeting.status).toBe(302);
    const meetingId = row<{ id: string }>("select id from expert_group_meetings").id;
    const ics = await people.head.get(`/expertgroepen/${ids.group}/bijeenkomsten/${meetingId}.ics`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get("content-type")).toContain("text/calendar");
    const text = await ics.text();
    expect(text).toContain("BEGIN:VEVENT\r\n");
    expect(text).toContain(`DTSTART:${year}0302T150000Z\r\n`);
    expect(text).toContain("Resultaten\\, ervaringen\\; vragen");
    expect((await people.student.get(`/expertgroepen/${ids.group}/bijeenkomsten/${meetingId}.ics`)).status).toBe(200); // same region
    // A discussion not tied to a result.
    expect((await people.head.post(`/expertgroepen/${ids.group}`, { intent: "topic", title: "Wie heeft een leesclub?", body: "Wij zoeken voorbeelden." })).status).toBe(302);
    expect(count("expert_group_topics")).toBe(1);
  });

  it("publishes a result on the project with the consents the app asks for, and shares it into the expert group", async () => {
    const form = new FormData();
    for (const [key, value] of Object.entries({
      projectId: ids.project,
      title: "Leesmotivatie in groep 6: wat werkt",
      type: "onderzoeksrapport",
      summary: "Leerlingen lezen meer als ze zelf hun boek kiezen en er in de klas over praten.",
      conclusions: "Keuzevrijheid en boekgesprekken werken.",
      recommendations: "Start elke week een boekgesprek.\nRicht een leeshoek in met keuzeboeken.",
      themeIds: "lezen-en-taal",
      visibility: "region",
      noPupilData: "ja",
    })) form.append(key, value);
    const made = await people.student.request("/opbrengsten/nieuw", { method: "POST", body: form, headers: { origin: server.url } });
    expect(made.status, await made.clone().text()).toBe(302);
    const resultId = made.headers.get("location")!.split("/").pop()!;
    // Only the school sees it until everyone the app asks has consented: the author did by publishing, the schoolleider is asked.
    expect(row<{ visibility: string }>("select visibility from results where id = ?", resultId).visibility).toBe("school");
    expect(await (await people.head.get(`/opbrengsten/${resultId}`)).text()).toContain("Ik geef toestemming");
    expect((await people.opleider.post(`/opbrengsten/${resultId}`, { intent: "consent" })).status).toBeGreaterThanOrEqual(400);
    expect((await people.head.post(`/opbrengsten/${resultId}`, { intent: "consent" })).status).toBe(302);
    expect(row<{ visibility: string }>("select visibility from results where id = ?", resultId).visibility).toBe("region");
    const listed = (await api(people.otherOpleider, "GET", "/api/v1/results?q=leesmotivatie")).json.results as { id: string }[];
    expect(listed.map((r) => r.id)).toContain(resultId);

    // The schoolleider, a member of the expert group, shares it there; a non-member cannot.
    expect((await people.otherOpleider.post(`/opbrengsten/${resultId}`, { intent: "share", groupId: ids.group })).status).toBeGreaterThanOrEqual(400);
    expect(count("expert_group_results")).toBe(0);
    const shared = await people.head.post(`/opbrengsten/${resultId}`, { intent: "share", groupId: ids.group });
    expect(shared.status, await shared.clone().text()).toBe(302);
    expect(count("expert_group_results", "group_id = ? and result_id = ?", ids.group, resultId)).toBe(1);
    const group = await (await people.opleider.get(`/expertgroepen/${ids.group}`)).text();
    expect(group).toContain("Leesmotivatie in groep 6: wat werkt");
    expect(group).toContain("Leesbijeenkomst"); // the meeting planned above
  });

  it("closes the year: the round is closed, finished projects archived, a student who left loses access", async () => {
    expect((await people.head.get("/jaarafsluiting")).status).toBe(403);
    const page = await people.lead.get("/jaarafsluiting");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Ronde 2026-2027");
    expect(html).toContain("Stan Student");
    // Only students may be ended here.
    expect((await people.lead.post("/jaarafsluiting", { partnershipId: ids.partnership, studentIds: ids.opleider })).status).toBe(400);
    expect((await people.lead.post("/jaarafsluiting", { partnershipId: ids.partnership2, closeRounds: "on" })).status).toBe(403);
    expect(row<{ status: string }>("select status from matching_rounds").status).toBe("gepubliceerd");
    const closed = await people.lead.post("/jaarafsluiting", { partnershipId: ids.partnership, closeRounds: "on", archiveProjects: "on", studentIds: ids.student });
    expect(closed.status).toBe(302);
    expect(row<{ status: string }>("select status from matching_rounds").status).toBe("gesloten");
    expect((await people.student.get("/api/v1/me")).status).toBe(401);
    // Last year's plan stays readable for the school and the begeleider.
    expect((await people.opleider.get(`/plannen/${ids.plan}`)).status).toBe(200);
    // A new year starts clean: a new round can be opened.
    const deadline = new Date(Date.now() + 60 * 86400_000).toISOString().slice(0, 10);
    expect((await people.lead.post("/matching", { intent: "create", partnershipId: ids.partnership, name: "Ronde 2027-2028", deadline })).status).toBe(302);
  });
});
