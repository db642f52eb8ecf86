import { describe, expect, it } from "vitest";
import { Client } from "../support/http";
import { INVITATION_LINK, queuedLink } from "../support/mail";
import { visibleText } from "../support/html";
import { withServer } from "../support/with-server";
import { ASPECTS } from "../../app/domain/culture-scan";

/**
 * Issue 19, the last gaps, on the demo data through HTTP: an archived school
 * or lab disappears wherever new work starts (import, school filters, agenda,
 * question and proposal forms, lab host picker, invitations, matching seats,
 * attaching questions to labs) while its history stays readable; and a
 * programmaleider invites a second programmaleider into their own partnership,
 * never into another one, by page and by API, refusing a duplicate role.
 */
const t = withServer();

const one = <T>(sql: string, ...args: unknown[]) => t.db.prepare(sql).get(...args) as T;
const count = (sql: string, ...args: unknown[]) => (t.db.prepare(`select count(*) as n from (${sql})`).get(...args) as { n: number }).n;
const schoolOf = (email: string) =>
  one<{ id: string; name: string; city: string }>(
    "select s.id, s.name, s.city from schools s join memberships m on m.school_id = s.id join users u on u.id = m.user_id where u.email = ? limit 1",
    email,
  );
const partnershipOf = (email: string) =>
  one<{ id: string; name: string }>("select p.id, p.name from partnerships p join memberships m on m.partnership_id = p.id join users u on u.id = m.user_id where u.email = ? and m.role = 'programmaleider'", email);

async function api(client: Client, method: string, path: string, body: unknown) {
  const response = await client.request(path, { method, body: JSON.stringify(body), headers: { "content-type": "application/json", origin: t.server.url } });
  const text = await response.text();
  return { status: response.status, json: JSON.parse(text) as Record<string, unknown>, text };
}

async function upload(client: Client, kind: string, partnershipId: string, csv: string) {
  const form = new FormData();
  form.append("kind", kind);
  form.append("partnership", partnershipId);
  form.append("bestand", new Blob([new TextEncoder().encode(csv)]), `${kind}.csv`);
  const response = await client.request("/beheer/import", { method: "POST", body: form, headers: { origin: t.server.url } });
  expect(response.status, await response.clone().text()).toBe(303);
  const location = response.headers.get("location")!;
  return { id: location.split("=")[1]!, html: await (await client.get(location)).text() };
}

const visible = visibleText;

describe("archived schools and labs leave the places where new work starts", () => {
  let admin: Client;
  let lead: Client;
  let school: { id: string; name: string; city: string };
  let partnership: { id: string; name: string };
  let questionId: string;

  it("an admin archives school A2; its questions stay readable", async () => {
    admin = await t.signedIn("admin@demo.nl");
    lead = await t.signedIn("programmaleider@demo.nl");
    school = schoolOf("schoolleider2@demo.nl");
    partnership = partnershipOf("programmaleider@demo.nl");
    questionId = one<{ id: string }>("select id from questions where school_id = ? and status <> 'concept' limit 1", school.id).id;
    // Offered before archiving, so the checks below test the archive and not the demo data.
    expect(await (await lead.get("/vragen")).text()).toContain(`value="${school.id}"`);
    // A scan still running at the school when it is archived (opened now if the demo has none this year).
    await (await t.signedIn("schoolleider2@demo.nl")).post("/scan", { intent: "open", schoolId: school.id });
    expect(count("select id from culture_scans where school_id = ? and status = 'open'", school.id)).toBeGreaterThan(0);
    const archived = await admin.post("/organisaties", { intent: "archive", organisation: `school:${school.id}`, archived: "true" });
    expect([302, 303]).toContain(archived.status);
    expect(one<{ a: number }>("select archived_at is not null as a from schools where id = ?", school.id).a).toBe(1);
    expect((await lead.get(`/vragen/${questionId}`)).status).toBe(200);
    const filtered = await lead.get(`/vragen?school=${school.id}`);
    expect(filtered.status).toBe(200);
    expect(await filtered.text()).toContain(`/vragen/${questionId}`);
  });

  it("the questions list and the agenda no longer offer the school; its agenda stays readable but fixed", async () => {
    expect(await (await lead.get("/vragen")).text()).not.toContain(`value="${school.id}"`);
    const agenda = await (await lead.get("/agenda")).text();
    expect(agenda).toContain('id="agenda-school"');
    expect(agenda).not.toContain(`value="${school.id}"`);
    const old = await lead.get(`/agenda?school=${school.id}`);
    expect(old.status).toBe(200);
    expect(visible(await old.text())).toContain("Deze school is gearchiveerd. Haar agenda blijft leesbaar");
    const head = await t.signedIn("schoolleider2@demo.nl");
    const agendaQuestion = one<{ id: string; priority: number }>("select id, priority from questions where school_id = ? and status <> 'gearchiveerd' order by priority limit 1 offset 1", school.id);
    const moved = await head.post("/agenda", { questionId: agendaQuestion.id, direction: "up" });
    expect(moved.status).toBe(400);
    expect(visible(await moved.text())).toContain("Deze school is gearchiveerd: de volgorde van haar agenda ligt vast.");
    expect(one<{ p: number }>("select priority as p from questions where id = ?", agendaQuestion.id).p).toBe(agendaQuestion.priority);
  });

  it("the question and proposal forms offer no archived school and refuse one sent anyway", async () => {
    const head = await t.signedIn("schoolleider2@demo.nl");
    const form = await head.get("/vragen/nieuw");
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).not.toContain(`value="${school.id}"`);
    const before = count("select id from questions where school_id = ?", school.id);
    const posted = await head.post("/vragen/nieuw", {
      schoolId: school.id,
      title: "Een nieuwe vraag voor een gearchiveerde school",
      background: "Deze school is gearchiveerd en mag geen nieuwe vragen meer krijgen, hoe goed de vraag ook is.",
      desiredOutcome: "Niets",
      themeId: "lezen-en-taal",
      sector: "po",
      schoolYear: "2026-2027",
      studentCapacity: "1",
      supervisionCapacity: "1",
      intent: "save",
    });
    expect(posted.status).toBeGreaterThanOrEqual(400);
    expect(posted.status).toBeLessThan(500);
    expect(count("select id from questions where school_id = ?", school.id)).toBe(before);

    const teacher = await t.signedIn("expert@demo.nl"); // leraar at A2
    expect(await (await teacher.get("/voorstellen")).text()).not.toContain(`value="${school.id}"`);
    const proposed = await teacher.post("/voorstellen", { intent: "propose", schoolId: school.id, title: "Een voorstel", background: "" });
    expect(proposed.status).toBe(400);
    expect(visible(await proposed.text())).toContain("Deze school is gearchiveerd: er kan geen nieuw werk meer bij.");
    expect(count("select id from question_proposals where school_id = ? and title = 'Een voorstel'", school.id)).toBe(0);
  });

  it("the lab host picker and the invitation form and API leave the school out", async () => {
    const labs = await (await lead.get("/labs")).text();
    expect(labs).toContain('name="host"');
    expect(labs).not.toContain(`value="school:${school.id}"`);
    const lab = await api(lead, "POST", "/api/v1/labs", { partnershipId: partnership.id, name: "Lab op een gearchiveerde school", seats: 3, periodStart: "2027-01-01", periodEnd: "2027-06-30", hostSchoolId: school.id, supervisorIds: [] });
    expect(lab.status).toBe(400);
    expect(lab.json.error).toMatch(/gastheer hoort niet/);

    const invitations = await (await lead.get("/beheer/uitnodigingen")).text();
    expect(invitations).not.toContain(`school:${school.id}`);
    const before = count("select id from invitations");
    const byPage = await lead.post("/beheer/uitnodigingen", { intent: "create", name: "Lisa Leraar", email: "lisa@a2.demo.nl", organisation: `school:${school.id}`, role: "leraar" });
    expect(byPage.status).toBe(400);
    const byApi = await api(lead, "POST", "/api/v1/invitations", { email: "lisa@a2.demo.nl", name: "Lisa Leraar", role: "leraar", organisationId: school.id });
    expect(byApi.status).toBe(400);
    expect(byApi.json.error).toMatch(/[a-z]/);
    expect(count("select id from invitations")).toBe(before);
  });

  it("/scan offers no archived school, keeps its scans readable by link, and opens no new scan there", async () => {
    const picker = visible(await (await lead.get("/scan")).text());
    expect(picker).not.toContain(school.name);
    const page = await lead.get(`/scan?school=${school.id}`);
    expect(page.status).toBe(200);
    const html = visible(await page.text());
    expect(html).toContain(`${school.name} (gearchiveerd)`);
    expect(html).toContain("Deze school is gearchiveerd: haar scans blijven leesbaar, maar er start geen nieuwe en een lopende scan is niet meer in te vullen.");
    // The school's own leader still reads it, and may not start a scan there any more.
    const head = await t.signedIn("schoolleider2@demo.nl");
    expect(visible(await (await head.get("/scan")).text())).toContain("Deze school is gearchiveerd: haar scans blijven leesbaar");
    const before = count("select id from culture_scans where school_id = ?", school.id);
    const refused = await head.post("/scan", { intent: "open", schoolId: school.id });
    expect(refused.status).toBe(409);
    expect(visible(await refused.text())).toContain("Deze school is gearchiveerd: er start geen nieuwe scan.");
    expect(count("select id from culture_scans where school_id = ?", school.id)).toBe(before);

    // The scan that was running is read-only now: no form, and a post anyway changes nothing.
    const running = one<{ id: string }>("select id from culture_scans where school_id = ? and status = 'open' limit 1", school.id);
    const own = await head.get(`/scan?school=${school.id}`);
    const ownHtml = await own.text();
    expect(ownHtml).not.toContain('value="respond"');
    expect(ownHtml).not.toContain('value="agree"');
    const answers = count("select * from scan_responses where scan_id = ?", running.id);
    const aspect = ASPECTS[0]!.id;
    for (const intent of ["respond", "agree", "close"]) {
      const late = await head.post("/scan", { intent, scanId: running.id, [`phase-${aspect}`]: "2", [`agreed-${aspect}`]: "2" });
      expect(late.status, intent).toBe(409);
      expect(visible(await late.text()), intent).toContain("Deze school is gearchiveerd: haar scans zijn alleen nog te lezen.");
    }
    expect(count("select * from scan_responses where scan_id = ?", running.id)).toBe(answers);
    expect(one<{ status: string }>("select status from culture_scans where id = ?", running.id).status).toBe("open");
  });

  it("the import refuses rows for the archived school with a Dutch message per row, and stores none of them", async () => {
    const staff = await upload(lead, "medewerkers", partnership.id, `naam;e-mail;rol;organisatie\nLisa Leraar;lisa@a2.demo.nl;leraar;${school.name}\n`);
    expect(visible(staff.html)).toContain(`‘${school.name}’ is gearchiveerd: daar kunnen geen mensen meer bij komen.`);
    const schools = await upload(admin, "scholen", partnership.id, `naam;plaats;sector;bestuur\n${school.name};${school.city};po;Stichting Nieuw\n`);
    expect(visible(schools.html)).toContain(`‘${school.name}’ is gearchiveerd. Een beheerder kan de school terugzetten`);
    await admin.post("/beheer/import", { intent: "confirm", id: schools.id });
    await lead.post("/beheer/import", { intent: "confirm", id: staff.id });
    expect(count("select id from invitations where email = 'lisa@a2.demo.nl'")).toBe(0);
    expect(one<{ board: string }>("select board from schools where id = ?", school.id).board).not.toBe("Stichting Nieuw");
  });

  it("an archived lab is not offered for questions, gives no seats in matching, and stays readable", async () => {
    const lab = one<{ id: string; name: string }>("select id, name from labs where partnership_id = ? and archived_at is null order by name limit 1", partnership.id);
    const question = one<{ id: string }>(
      `select q.id from questions q join partnership_schools ps on ps.school_id = q.school_id join schools s on s.id = q.school_id
       where ps.partnership_id = ? and q.status = 'open' and s.archived_at is null order by q.title limit 1`,
      partnership.id,
    );
    expect((await lead.post(`/vragen/${question.id}`, { intent: "lab", labId: lab.id })).status).toBe(302);
    expect((await lead.post("/labs", { intent: "archive", labId: lab.id })).status).toBe(302);
    // Not offered, and refused when sent anyway.
    const page = await (await lead.get(`/vragen/${question.id}`)).text();
    expect(page).not.toContain(`<option value="${lab.id}"`);
    const attach = await lead.post(`/vragen/${question.id}`, { intent: "lab", labId: lab.id });
    expect(attach.status).toBe(400);
    // Still readable among the archived labs.
    expect(visible(await (await lead.get("/labs")).text())).toContain(lab.name);

    // The demo's open round: the student ranks the question that was in the lab; the archived lab counts no seats.
    const roundId = one<{ id: string }>("select id from matching_rounds where partnership_id = ? and status = 'open'", partnership.id).id;
    const student = await t.signedIn("student3@demo.nl");
    expect((await student.post("/matching", { intent: "rank", roundId, choice1: question.id })).status).toBe(302);
    const run = await lead.post("/matching", { intent: "run", roundId });
    expect(run.status, visible(await run.text()).slice(0, 2000)).toBe(302);
    const summary = visible(await (await lead.get("/matching")).text());
    expect(summary).toContain("Plaatsen per learning lab");
    expect(summary).not.toMatch(new RegExp(`${lab.name}: \\d+ / \\d+ plaatsen`));
  });
});

describe("a programmaleider invites a second programmaleider into their own partnership", () => {
  it("by page and by API; a duplicate role or another partnership is refused and nothing is stored", async () => {
    const lead = await t.signedIn("programmaleider@demo.nl");
    const own = partnershipOf("programmaleider@demo.nl");
    const other = one<{ id: string }>("select id from partnerships where id <> ? limit 1", own.id);
    const form = await (await lead.get("/beheer/uitnodigingen")).text();
    expect(form).toContain(`value="partnership:${own.id}"`);
    expect(form).not.toContain(`value="partnership:${other.id}"`);

    const invited = await lead.post("/beheer/uitnodigingen", { intent: "create", name: "Paula Programma", email: "paula@demo.nl", organisation: `partnership:${own.id}`, role: "programmaleider" });
    expect(invited.status).toBe(200);
    expect(count("select id from invitations where email = 'paula@demo.nl' and partnership_id = ? and role = 'programmaleider'", own.id)).toBe(1);
    expect(count("select id from mail_queue where to_address = 'paula@demo.nl'")).toBe(1);

    // Paula accepts; she is now the partnership's second programmaleider.
    const paula = new Client(t.server.url);
    const link = new URL(queuedLink(t.db, "paula@demo.nl", "invitation", INVITATION_LINK), t.server.url).pathname;
    expect([302, 303]).toContain((await paula.post(link, { name: "Paula Programma", password: "een lange zin als wachtwoord", passwordConfirm: "een lange zin als wachtwoord" })).status);
    expect(((await (await paula.get("/api/v1/me")).json()) as { roles: string[] }).roles).toEqual(["programmaleider"]);
    expect(count("select m.user_id from memberships m join users u on u.id = m.user_id where m.partnership_id = ? and m.role = 'programmaleider'", own.id)).toBe(2);

    const before = count("select id from invitations");
    // The same role again for the same person in the same partnership: at the field, nothing stored.
    const twice = await lead.post("/beheer/uitnodigingen", { intent: "create", name: "Paula Programma", email: "paula@demo.nl", organisation: `partnership:${own.id}`, role: "programmaleider" });
    expect(twice.status).toBe(409);
    const html = await twice.text();
    expect(visible(html)).toContain("paula@demo.nl heeft deze rol bij deze organisatie al.");
    expect(html).toMatch(/id="[^"]*email[^"]*error"/);
    const apiTwice = await api(lead, "POST", "/api/v1/invitations", { email: "paula@demo.nl", name: "Paula Programma", role: "programmaleider", organisationId: own.id });
    expect(apiTwice.status).toBe(400);
    expect(apiTwice.json.error).toBe("paula@demo.nl heeft deze rol bij deze organisatie al.");
    // Never into another partnership, by page or API.
    expect((await lead.post("/beheer/uitnodigingen", { intent: "create", name: "X", email: "x@demo.nl", organisation: `partnership:${other.id}`, role: "programmaleider" })).status).toBe(403);
    expect((await api(lead, "POST", "/api/v1/invitations", { email: "x@demo.nl", name: "X", role: "programmaleider", organisationId: other.id })).status).toBe(403);
    expect(count("select id from invitations")).toBe(before);

    // By API: a third programmaleider, 201 with only the id.
    const byApi = await api(lead, "POST", "/api/v1/invitations", { email: "pieter@demo.nl", name: "Pieter Programma", role: "programmaleider", organisationId: own.id });
    expect(byApi.status, byApi.text).toBe(201);
    expect(Object.keys(byApi.json)).toEqual(["id"]);
  });
});

describe("/organisaties for an admin", () => {
  it("has every id once, also for an institute listed under two partnerships (labels point at the right field)", async () => {
    const admin = await t.signedIn("admin@demo.nl");
    const html = await (await admin.get("/organisaties")).text();
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    const seen = new Set<string>();
    const twice = ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
    expect(twice).toEqual([]);
    // The demo has such an institute: the same rename form twice, under two partnerships.
    const institutes = ids.filter((id) => id.startsWith("rename-") && id.includes("-institute-"));
    expect(new Set(institutes.map((id) => id.slice(id.indexOf("-institute-")))).size).toBeLessThan(institutes.length);
  });
});
