import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ASPECTS } from "../../app/domain/culture-scan";
import { Client } from "../support/http";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let db: Database.Database;

beforeAll(async () => {
  server = await startServer();
  db = new Database(server.databasePath);
});
afterAll(async () => {
  db?.close();
  await server?.stop();
});

async function signedIn(email: string) {
  const client = new Client(server.url);
  await client.login(email);
  return client;
}

const schoolId = (name: string) => (db.prepare("select id from schools where name = ?").get(name) as { id: string }).id;
const scanOf = (school: string, year: string) =>
  db.prepare("select id, status from culture_scans where school_id = ? and school_year = ?").get(schoolId(school), year) as { id: string; status: string };
const responseCount = (scanId: string) => (db.prepare("select count(*) n from scan_responses where scan_id = ?").get(scanId) as { n: number }).n;
const allAnswers = (phase: string) => Object.fromEntries(ASPECTS.map((a) => [`phase-${a.id}`, phase]));

describe("/scan and /regio: who may see them", () => {
  it("sends anonymous visitors to the login page and back", async () => {
    const anonymous = new Client(server.url);
    for (const path of ["/scan", "/regio", "/regio.csv?tabel=status"]) {
      const response = await anonymous.get(path);
      expect(response.status, path).toBe(302);
      expect(response.headers.get("location")).toBe(`/login?${new URLSearchParams({ redirectTo: path })}`);
    }
  });

  it.each([
    ["schoolleider@demo.nl", "/scan", 200, "Basisschool De Regenboog"],
    ["expert@demo.nl", "/scan", 200, "Het Rivierencollege"],
    ["programmaleider@demo.nl", "/scan", 200, "Scan onderzoekscultuur"],
    ["admin@demo.nl", "/scan", 200, "Scan onderzoekscultuur"],
    ["programmaleider@demo.nl", "/regio", 200, "Vragen per status"],
    ["admin@demo.nl", "/regio", 200, "Scan onderzoekscultuur over scholen"],
    ["student@demo.nl", "/scan", 403, "geen toegang"],
    ["begeleider@demo.nl", "/scan", 403, "geen toegang"],
    ["schoolleider@demo.nl", "/regio", 200, "Dashboard van je school"],
    ["expert@demo.nl", "/regio", 403, "geen toegang"],
    ["student3@demo.nl", "/regio", 403, "geen toegang"],
  ])("%s GET %s → %i", async (email, path, status, text) => {
    const client = await signedIn(email);
    const response = await client.get(path);
    expect(response.status).toBe(status);
    expect(await response.text()).toContain(text);
  });

  it("shows the seeded trend over two school years to the schoolleider of A1", async () => {
    const client = await signedIn("schoolleider@demo.nl");
    const html = await (await client.get("/scan")).text();
    expect(html).toContain("Ontwikkeling per aspect");
    expect(html).toContain("2025-2026");
    expect(html).toContain("Fase per aspect per schooljaar");
  });

  it("a programmaleider cannot open a school of another partnership", async () => {
    const client = await signedIn("programmaleider@demo.nl");
    const response = await client.get(`/scan?school=${schoolId("Waalhaven Lyceum")}`);
    expect(response.status).toBe(403);
  });
});

describe("answering a scan", () => {
  it("stores a teacher's answers, lets them change them, and never shows names", async () => {
    const scan = scanOf("Het Rivierencollege", "2026-2027");
    const expert = await signedIn("expert@demo.nl");
    const before = responseCount(scan.id);
    let response = await expert.post("/scan", { intent: "respond", scanId: scan.id, ...allAnswers("2") });
    expect(response.status).toBe(302);
    expect(responseCount(scan.id)).toBe(before + 8);
    response = await expert.post("/scan", { intent: "respond", scanId: scan.id, ...allAnswers("3") });
    expect(response.status).toBe(302);
    expect(responseCount(scan.id)).toBe(before + 8);
    const mine = db
      .prepare("select distinct phase from scan_responses r join users u on u.id = r.user_id where r.scan_id = ? and u.email = ?")
      .all(scan.id, "expert@demo.nl") as { phase: number }[];
    expect(mine).toEqual([{ phase: 3 }]);

    // Another account of the school sees the spread, but no respondent's name.
    const leader = await signedIn("schoolleider2@demo.nl");
    const html = await (await leader.get("/scan")).text();
    expect(html).toContain("Spreiding per aspect");
    const names = db
      .prepare("select distinct u.name from scan_responses r join users u on u.id = r.user_id where r.scan_id = ? and u.email <> ?")
      .all(scan.id, "schoolleider2@demo.nl") as { name: string }[];
    expect(names.length).toBeGreaterThanOrEqual(3);
    for (const { name } of names) expect(html).not.toContain(name);
    expect(html).not.toContain("Kees Mulder");
  });

  it.each([
    ["phase 7", () => ({ ...allAnswers("2"), "phase-open-leercultuur": "7" }), 400, "Kies een fase van 1 tot en met 4."],
    ["an unknown aspect", () => ({ ...allAnswers("2"), "phase-koffiekwaliteit": "2" }), 400, "Dit aspect bestaat niet in de scan."],
    ["a missing aspect", () => ({ "phase-open-leercultuur": "2" }), 400, "Kies voor elk aspect een fase."],
  ])("refuses %s with a Dutch message and stores nothing", async (_label, fields, status, message) => {
    const scan = scanOf("Basisschool De Regenboog", "2026-2027");
    const client = await signedIn("schoolleider@demo.nl");
    const before = responseCount(scan.id);
    const response = await client.post("/scan", { intent: "respond", scanId: scan.id, ...fields() });
    expect(response.status).toBe(status);
    expect(await response.text()).toContain(message);
    expect(responseCount(scan.id)).toBe(before);
  });

  it("refuses answers to a closed scan and to another school's scan", async () => {
    const expert = await signedIn("expert@demo.nl");
    const closed = scanOf("Het Rivierencollege", "2025-2026");
    expect(closed.status).toBe("gesloten");
    const beforeClosed = responseCount(closed.id);
    let response = await expert.post("/scan", { intent: "respond", scanId: closed.id, ...allAnswers("2") });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain("Deze scan is gesloten");
    expect(responseCount(closed.id)).toBe(beforeClosed);

    const other = scanOf("Basisschool De Regenboog", "2026-2027");
    const beforeOther = responseCount(other.id);
    response = await expert.post("/scan", { intent: "respond", scanId: other.id, ...allAnswers("2") });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("Je mag deze scan niet invullen of beheren.");
    expect(responseCount(other.id)).toBe(beforeOther);

    // Nor may a teacher record agreements or close the scan.
    response = await expert.post("/scan", { intent: "close", scanId: scanOf("Het Rivierencollege", "2026-2027").id });
    expect(response.status).toBe(403);
    response = await expert.post("/scan", { intent: "respond", scanId: "bestaat-niet", ...allAnswers("2") });
    expect(response.status).toBe(404);
  });
});

describe("privacy threshold", () => {
  it("with two respondents shows only the agreed phase, on the page and in the CSV", async () => {
    const scan = scanOf("IKC De Boomgaard", "2025-2026");
    expect((db.prepare("select count(distinct user_id) n from scan_responses where scan_id = ?").get(scan.id) as { n: number }).n).toBe(2);
    const admin = await signedIn("admin@demo.nl");
    const html = await (await admin.get(`/scan?school=${schoolId("IKC De Boomgaard")}&jaar=2025-2026`)).text();
    expect(html).toContain("Met minder dan 3 respondenten tonen we geen spreiding");
    expect(html.match(/Minder dan 3 respondenten: alleen de afgesproken fase wordt getoond\./g)).toHaveLength(8);
    expect(html).not.toContain("Staafdiagram: aantal respondenten per fase");
    expect(html).toContain("Fase 2: Ontwikkelen");

    const csv = await admin.get(`/scan.csv?scan=${scan.id}`);
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      "Aspect;Respondenten;Fase 1 Oriënteren;Fase 2 Ontwikkelen;Fase 3 Verankeren;Fase 4 Uitbouwen;Gemiddelde;Minimum;Maximum;Standaardafwijking;Afgesproken fase",
    );
    // Only the count and the agreed phase: every spread cell is empty.
    for (const line of lines.slice(1)) expect(line).toMatch(/^[^;]+;2;;;;;;;;;[1-4]$/);
  });
});

describe("agreeing and closing", () => {
  it("the schoolleider records phases and 1–3 priorities, then closes; nothing changes afterwards", async () => {
    const scan = scanOf("Basisschool De Regenboog", "2026-2027");
    const leader = await signedIn("schoolleider@demo.nl");
    const agreed = Object.fromEntries(ASPECTS.map((a) => [`agreed-${a.id}`, "2"]));
    const fourPriorities = Object.fromEntries(ASPECTS.slice(0, 4).flatMap((a) => [[`priority-${a.id}`, "on"], [`action-${a.id}`, "Iets doen"]]));
    let response = await leader.post("/scan", { intent: "agree", scanId: scan.id, ...agreed, ...fourPriorities });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Kies 1 tot 3 prioriteiten.");
    const agreementCount = () => (db.prepare("select count(*) n from scan_agreements where scan_id = ?").get(scan.id) as { n: number }).n;
    expect(agreementCount()).toBe(0);

    const foreignQuestion = (db.prepare("select id from questions where school_id <> ? limit 1").get(schoolId("Basisschool De Regenboog")) as { id: string }).id;
    response = await leader.post("/scan", {
      intent: "agree",
      scanId: scan.id,
      ...agreed,
      "priority-open-leercultuur": "on",
      "action-open-leercultuur": "Lesbezoek bij elkaar",
      "question-open-leercultuur": foreignQuestion,
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("staat niet op de onderzoeksagenda");
    expect(agreementCount()).toBe(0);

    response = await leader.post("/scan", { intent: "close", scanId: scan.id });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Leg eerst de afspraken van het team vast");

    const ownQuestion = (db.prepare("select id from questions where school_id = ? and school_year = '2026-2027' limit 1").get(schoolId("Basisschool De Regenboog")) as { id: string }).id;
    response = await leader.post("/scan", {
      intent: "agree",
      scanId: scan.id,
      ...agreed,
      "agreed-open-leercultuur": "3",
      "priority-open-leercultuur": "on",
      "action-open-leercultuur": "Lesbezoek bij elkaar, twee keer per jaar",
      "question-open-leercultuur": ownQuestion,
    });
    expect(response.status).toBe(302);
    expect(agreementCount()).toBe(8);
    const priority = db.prepare("select agreed_phase, action, question_id from scan_agreements where scan_id = ? and priority = 1").all(scan.id);
    expect(priority).toEqual([{ agreed_phase: 3, action: "Lesbezoek bij elkaar, twee keer per jaar", question_id: ownQuestion }]);

    response = await leader.post("/scan", { intent: "close", scanId: scan.id });
    expect(response.status).toBe(302);
    expect(scanOf("Basisschool De Regenboog", "2026-2027").status).toBe("gesloten");
    const before = responseCount(scan.id);
    response = await leader.post("/scan", { intent: "respond", scanId: scan.id, ...allAnswers("4") });
    expect(response.status).toBe(409);
    expect(responseCount(scan.id)).toBe(before);
  });

  it("a schoolleider without a scan this year opens one; a teacher may not", async () => {
    const school = "Lingecollege Mavo-Havo";
    const staff = (role: string) =>
      (db.prepare("select u.email from users u join memberships m on m.user_id = u.id where m.school_id = ? and m.role = ? limit 1").get(schoolId(school), role) as { email: string }).email;
    const count = () => (db.prepare("select count(*) n from culture_scans where school_id = ?").get(schoolId(school)) as { n: number }).n;
    expect(count()).toBe(1);
    const teacher = await signedIn(staff("leraar"));
    expect(await (await teacher.get("/scan")).text()).toContain("Vraag je schoolleider of onderzoekscoördinator de scan te openen.");
    let response = await teacher.post("/scan", { intent: "open", schoolId: schoolId(school), schoolYear: "2026-2027" });
    expect(response.status).toBe(403);
    expect(count()).toBe(1);

    const leader = await signedIn(staff("schoolleider"));
    response = await leader.post("/scan", { intent: "open", schoolId: schoolId(school), schoolYear: "2024-2025" });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("alleen een scan openen voor het huidige schooljaar");
    response = await leader.post("/scan", { intent: "open", schoolId: schoolId(school), schoolYear: "2026-2027" });
    expect(response.status).toBe(302);
    expect(scanOf(school, "2026-2027").status).toBe("open");
  });

    it("opening a scan twice for the same year is refused", async () => {
    const leader = await signedIn("schoolleider@demo.nl");
    const response = await leader.post("/scan", { intent: "open", schoolId: schoolId("Basisschool De Regenboog"), schoolYear: "2026-2027" });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain("Er is al een scan voor dit schooljaar.");
  });
});
