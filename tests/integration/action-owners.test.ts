import { describe, expect, it } from "vitest";
import { amsterdamToday } from "../../app/domain/action-owners";
import type { Client } from "../support/http";
import { withServer } from "../support/with-server";
import { demoPlan, waitFor, YClient } from "./collab-helpers";

/**
 * Issue 20, the remaining points: actions that spread ownership (an owner
 * chosen among the school's staff, a due date, the status reason, owners
 * update their own action), the notices for a lapsed ethics sign-off and a
 * result that needs your consent, and the culture scan's agreements saved
 * aspect by aspect. One real server on the demo database.
 */
const t = withServer();
const count = (sql: string, ...args: unknown[]) => (t.db.prepare(sql).get(...args) as { n: number }).n;
const idOf = (email: string) => (t.db.prepare("select id from users where email = ?").get(email) as { id: string }).id;
const staffAt = (schoolOf: string, role: string, not: string[] = []) =>
  (
    t.db
      .prepare(
        `select u.email from users u join memberships m on m.user_id = u.id
         where m.role = ? and m.school_id = (select school_id from memberships where user_id = (select id from users where email = ?) and school_id is not null limit 1)
         and u.email not in (${not.map(() => "?").join(",") || "''"}) order by u.email limit 1`,
      )
      .get(role, schoolOf, ...not) as { email: string } | undefined
  )?.email;
const shift = (days: number) => {
  const d = new Date(`${amsterdamToday()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

// The A2 partnership result: readable by A1 and the institutes too, managed by A2 (schoolleider2@demo.nl).
const a2Result = () => (t.db.prepare("select id, title from results where visibility = 'partnership' order by published_at limit 1").get() as { id: string; title: string });
const actionRow = (id: string) => t.db.prepare("select status, reason, owner_id, due_date from actions where id = ?").get(id) as { status: string; reason: string; owner_id: string; due_date: string | null };

describe("actions that spread ownership", () => {
  const clients = new Map<string, Client>();
  const as = async (email: string) => {
    if (!clients.has(email)) clients.set(email, await t.signedIn(email));
    return clients.get(email)!;
  };

  it("the schoolleider gives an action to a teacher of the school; the teacher is told, sees it on their dashboard and updates it", async () => {
    const result = a2Result();
    const leader = await as("schoolleider2@demo.nl");
    const page = await (await leader.get(`/opbrengsten/${result.id}`)).text();
    // The owner is chosen among the school's staff, teachers included.
    expect(page).toContain('name="ownerId"');
    expect(page).toContain("Kees Mulder"); // expert@demo.nl, a leraar at A2
    const before = count("select count(*) n from actions where result_id = ?", result.id);
    const due = shift(14);
    const response = await leader.post(`/opbrengsten/${result.id}`, { intent: "add", title: "Leesmoment in de onderbouw uitproberen", ownerId: idOf("expert@demo.nl"), dueDate: due });
    expect(response.status).toBe(302);
    expect(count("select count(*) n from actions where result_id = ?", result.id)).toBe(before + 1);
    const created = t.db.prepare("select id, owner_id, due_date, status from actions where title = 'Leesmoment in de onderbouw uitproberen'").get() as { id: string; owner_id: string; due_date: string; status: string };
    expect(created).toMatchObject({ owner_id: idOf("expert@demo.nl"), due_date: due, status: "gepland" });
    expect(count("select count(*) n from notifications where kind = 'action.assigned' and user_id = ?", idOf("expert@demo.nl"))).toBe(1);

    const teacher = await as("expert@demo.nl");
    expect(await (await teacher.get("/meldingen")).text()).toContain("Je bent eigenaar van de actie ‘Leesmoment in de onderbouw uitproberen’");
    const home = await (await teacher.get("/")).text();
    expect(home).toContain("Jouw actie: ‘Leesmoment in de onderbouw uitproberen’ (Gepland, streefdatum");
    // The owner (a leraar) gets the status form for their own action and uses it, with a reason shown next to the status.
    const resultPage = await (await teacher.get(`/opbrengsten/${result.id}`)).text();
    expect(resultPage).toContain(`name="actionId" value="${created.id}"`);
    expect(resultPage).not.toContain('name="ownerId"'); // assigning stays with the school's owners
    const update = await teacher.post(`/opbrengsten/${result.id}`, { intent: "status", actionId: created.id, status: "bezig", reason: "Eerste twee groepen doen mee." });
    expect(update.status).toBe(302);
    expect(actionRow(created.id)).toMatchObject({ status: "bezig", reason: "Eerste twee groepen doen mee." });
    expect(await (await teacher.get(`/opbrengsten/${result.id}`)).text()).toContain("Reden: Eerste twee groepen doen mee.");
    // Done: no longer among the owner's open actions.
    expect((await teacher.post(`/opbrengsten/${result.id}`, { intent: "status", actionId: created.id, status: "gedaan", reason: "" })).status).toBe(302);
    expect(await (await teacher.get("/")).text()).not.toContain("Leesmoment in de onderbouw uitproberen");
  });

  it("who may update which action: the school's owners and the action's own owner, nobody else (role × action table)", async () => {
    const result = a2Result();
    const leader = await as("schoolleider2@demo.nl");
    const otherTeacher = staffAt("expert@demo.nl", "leraar", ["expert@demo.nl"]);
    const coordinator = staffAt("schoolleider2@demo.nl", "onderzoekscoordinator");
    expect(otherTeacher).toBeDefined();
    const title = "Ouderavond over voorlezen organiseren";
    expect((await leader.post(`/opbrengsten/${result.id}`, { intent: "add", title, ownerId: idOf("expert@demo.nl"), dueDate: "" })).status).toBe(302);
    const actionId = (t.db.prepare("select id from actions where title = ?").get(title) as { id: string }).id;
    const table: [string, string, number][] = [
      ["owner: the leraar it was given to", "expert@demo.nl", 302],
      ["schoolleider of the school", "schoolleider2@demo.nl", 302],
      ...(coordinator ? ([["onderzoekscoördinator of the school", coordinator, 302]] as [string, string, number][]) : []),
      ["another leraar of the same school", otherTeacher!, 403],
      ["schoolleider of another school (may read the result)", "schoolleider@demo.nl", 403],
      ["programmaleider", "programmaleider@demo.nl", 403],
      ["student of the partnership", "student@demo.nl", 403],
      ["instituutsopleider", "begeleider@demo.nl", 403],
    ];
    for (const [who, email, expected] of table) {
      const before = actionRow(actionId);
      const next = before.status === "bezig" ? "gepland" : "bezig";
      const response = await (await as(email)).post(`/opbrengsten/${result.id}`, { intent: "status", actionId, status: next, reason: `door ${who}` });
      expect(response.status, who).toBe(expected);
      expect(actionRow(actionId).status, who).toBe(expected === 302 ? next : before.status);
    }
    // Only the school's owners assign: the owner may not give the action away or add new ones.
    const teacher = await as("expert@demo.nl");
    expect((await teacher.post(`/opbrengsten/${result.id}`, { intent: "assign", actionId, ownerId: idOf(otherTeacher!), dueDate: "" })).status).toBe(403);
    expect((await teacher.post(`/opbrengsten/${result.id}`, { intent: "add", title: "Zelf bedacht", ownerId: idOf("expert@demo.nl") })).status).toBe(403);
    // Reassigning to another teacher tells them, and the new owner may update; the old one no longer.
    expect((await leader.post(`/opbrengsten/${result.id}`, { intent: "assign", actionId, ownerId: idOf(otherTeacher!), dueDate: shift(30) })).status).toBe(302);
    expect(count("select count(*) n from notifications where kind = 'action.assigned' and user_id = ?", idOf(otherTeacher!))).toBe(1);
    expect((await (await as(otherTeacher!)).post(`/opbrengsten/${result.id}`, { intent: "status", actionId, status: "gedaan" })).status).toBe(302);
    expect((await teacher.post(`/opbrengsten/${result.id}`, { intent: "status", actionId, status: "bezig" })).status).toBe(403);
    expect(actionRow(actionId).status).toBe("gedaan");
  });

  it("bad input: an owner from another school, a past or impossible due date, no owner, an unknown status, letting go without a reason — Dutch 4xx, nothing stored", async () => {
    const result = a2Result();
    const leader = await as("schoolleider2@demo.nl");
    const before = count("select count(*) n from actions");
    const notices = count("select count(*) n from notifications where kind = 'action.assigned'");
    const a1Teacher = staffAt("schoolleider@demo.nl", "leraar")!;
    const tries: [Record<string, string>, string][] = [
      [{ ownerId: idOf(a1Teacher) }, "De eigenaar moet bij deze school werken"],
      [{ ownerId: idOf("student@demo.nl") }, "De eigenaar moet bij deze school werken"],
      [{ ownerId: "bestaat-niet" }, "De eigenaar moet bij deze school werken"],
      [{ ownerId: "" }, "Kies een eigenaar voor de actie."],
      [{ ownerId: idOf("expert@demo.nl"), dueDate: shift(-1) }, "De streefdatum ligt in het verleden"],
      [{ ownerId: idOf("expert@demo.nl"), dueDate: "2027-02-30" }, "Vul een geldige datum in"],
      [{ ownerId: idOf("expert@demo.nl"), title: "  " }, "Geef de actie een naam."],
    ];
    for (const [fields, message] of tries) {
      const response = await leader.post(`/opbrengsten/${result.id}`, { intent: "add", title: "Iets nieuws", dueDate: "", ...fields });
      expect(response.status, JSON.stringify(fields)).toBe(400);
      expect(await response.text()).toContain(message);
    }
    // Today is still in time: a date-only due date is the end of that day in Amsterdam.
    expect((await leader.post(`/opbrengsten/${result.id}`, { intent: "add", title: "Vandaag nog", ownerId: idOf("expert@demo.nl"), dueDate: amsterdamToday() })).status).toBe(302);
    expect(count("select count(*) n from actions")).toBe(before + 1);
    const actionId = (t.db.prepare("select id from actions where title = 'Vandaag nog'").get() as { id: string }).id;
    const teacher = await as("expert@demo.nl");
    const unknown = await teacher.post(`/opbrengsten/${result.id}`, { intent: "status", actionId, status: "verzonnen" });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("Kies een geldige status");
    const noReason = await teacher.post(`/opbrengsten/${result.id}`, { intent: "status", actionId, status: "losgelaten", reason: "  " });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("Schrijf op waarom de actie wordt losgelaten.");
    expect((await leader.post(`/opbrengsten/${result.id}`, { intent: "assign", actionId, ownerId: idOf(a1Teacher), dueDate: "" })).status).toBe(400);
    expect((await leader.post(`/opbrengsten/${result.id}`, { intent: "assign", actionId, ownerId: idOf("expert@demo.nl"), dueDate: shift(-3) })).status).toBe(400);
    expect((await teacher.post(`/opbrengsten/${result.id}`, { intent: "status", actionId: "bestaat-niet", status: "gedaan" })).status).toBe(404);
    expect(actionRow(actionId)).toMatchObject({ status: "gepland", reason: "", owner_id: idOf("expert@demo.nl"), due_date: amsterdamToday() });
    expect(count("select count(*) n from actions")).toBe(before + 1);
    // The one action stored went to the leader's own school's teacher: one notice, none for the refused tries.
    expect(count("select count(*) n from notifications where kind = 'action.assigned'")).toBe(notices + 1);
    // Letting go with a reason: stored and shown next to the status.
    expect((await teacher.post(`/opbrengsten/${result.id}`, { intent: "status", actionId, status: "losgelaten", reason: "Past niet in dit schooljaar." })).status).toBe(302);
    expect(actionRow(actionId)).toMatchObject({ status: "losgelaten", reason: "Past niet in dit schooljaar." });
  });
});

describe("nobody waits in silence: consents and a lapsed ethics sign-off", () => {
  it("a result that needs consent: everyone asked is told, and the schoolleider's dashboard counts it until they consent", async () => {
    const student = await t.signedIn("student@demo.nl");
    const projectId = (t.db.prepare("select p.id from projects p join project_members m on m.project_id = p.id where m.user_id = ?").get(idOf("student@demo.nl")) as { id: string }).id;
    const form = new FormData();
    const fields: Record<string, string> = {
      projectId,
      title: "Boekgesprekken in groep 7: wat ze opleveren",
      type: "samenvatting",
      summary: "Leerlingen praten meer over boeken als ze zelf kiezen en er elke week over vertellen.",
      conclusions: "",
      recommendations: "Start elke week een boekgesprek.",
      themeIds: "lezen-en-taal",
      visibility: "partnership",
      noPupilData: "ja",
    };
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    const published = await student.request("/opbrengsten/nieuw", { method: "POST", body: form, headers: { origin: t.server.url } });
    expect(published.status).toBe(302);
    const resultId = (t.db.prepare("select id from results where title = ?").get(fields.title) as { id: string }).id;
    const asked = t.db.prepare("select user_id from notifications where kind = 'result.consentAsked' and link = ?").all(`/opbrengsten/${resultId}`) as { user_id: string }[];
    const students = (t.db.prepare("select user_id from project_members where project_id = ? and role = 'student'").all(projectId) as { user_id: string }[]).map((r) => r.user_id);
    const expected = [...students.filter((id) => id !== idOf("student@demo.nl")), idOf("schoolleider@demo.nl")];
    expect(asked.map((r) => r.user_id).sort()).toEqual(expected.sort());
    const leader = await t.signedIn("schoolleider@demo.nl");
    expect(await (await leader.get("/meldingen")).text()).toContain("Je toestemming wordt gevraagd om ‘Boekgesprekken in groep 7: wat ze opleveren’ te delen met: Partnerschap.");
    let home = await (await leader.get("/")).text();
    expect(home).toMatch(/1 opbrengst wacht op jouw toestemming|\d+ opbrengsten wachten op jouw toestemming/);
    expect(home).toContain("Boekgesprekken in groep 7: wat ze opleveren");
    expect((await leader.post(`/opbrengsten/${resultId}`, { intent: "consent" })).status).toBe(302);
    home = await (await leader.get("/")).text();
    expect(home).not.toContain("Boekgesprekken in groep 7: wat ze opleveren");
    // The publisher is not asked for what they asked themselves.
    expect(await (await student.get("/")).text()).not.toContain("wacht op jouw toestemming");
  });

  it("when a changed answer makes the ethics sign-off lapse, the plan's students and begeleiders are told", async () => {
    const student = await t.signedIn("student@demo.nl");
    const begeleider = await t.signedIn("begeleider@demo.nl");
    const plan = await demoPlan(student);
    const live = new YClient(t.server.url, plan.room, student.cookieHeader());
    await live.synced;
    const lapsed = () => count("select count(*) n from notifications where kind = 'plan.ethicsLapsed' and link like ?", `/plannen/${plan.id}%`);
    try {
      const map = live.doc.getMap("ethiek");
      live.doc.transact(() => {
        map.set("pupilsInvolved", "ja");
        map.set("ageGroups", ["onder-12"]);
        map.set("dataMinimisation", "Alleen antwoorden op de leesvragenlijst, zonder namen.");
        map.set("storage", "Beveiligde OneDrive van de hogeschool");
        map.set("retention", "einde-onderzoek");
      });
      await waitFor(async () => (await begeleider.post(`/plannen/${plan.id}/ethiek`, {})).status === 302, 10_000, "ethics sign-off");
      await waitFor(() => !!live.doc.getMap("ethiek:aftekening").get("signedOff"), 10_000, "sign-off relayed");
      expect(lapsed()).toBe(0);
      // Typing in the plan's text does not count; changing an answer does.
      map.set("retention", "1-jaar");
      await waitFor(() => lapsed() > 0, 10_000, "lapse notice");
      const told = (t.db.prepare("select user_id from notifications where kind = 'plan.ethicsLapsed' and link like ?").all(`/plannen/${plan.id}%`) as { user_id: string }[]).map((r) => r.user_id);
      expect(told).toContain(idOf("begeleider@demo.nl"));
      expect(told).toContain(idOf("student2@demo.nl"));
      expect(told).not.toContain(idOf("student@demo.nl")); // who changed it knows
      expect(await (await begeleider.get("/meldingen")).text()).toContain("geldt niet meer: een antwoord is gewijzigd");
      // A further change while it is not signed is no news.
      const after = lapsed();
      map.set("storage", "Beveiligde schijf van de school");
      await new Promise((r) => setTimeout(r, 300));
      expect(lapsed()).toBe(after);
    } finally {
      live.close();
    }
  });
});

describe("culture scan agreements aspect by aspect", () => {
  it("saving one aspect keeps the others, an empty form gets a Dutch message, the page shows which aspects have agreements", async () => {
    const leader = await t.signedIn("schoolleider@demo.nl");
    const scan = t.db
      .prepare("select id from culture_scans where status = 'open' and school_id = (select school_id from memberships where user_id = ? and role = 'schoolleider')")
      .get(idOf("schoolleider@demo.nl")) as { id: string } | undefined;
    expect(scan).toBeDefined();
    const stored = () => t.db.prepare("select aspect_id, agreed_phase, priority, action from scan_agreements where scan_id = ? order by aspect_id").all(scan!.id) as { aspect_id: string; agreed_phase: number; priority: number; action: string }[];
    t.db.prepare("delete from scan_agreements where scan_id = ?").run(scan!.id);
    const empty = await leader.post("/scan", { intent: "agree", scanId: scan!.id });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Vul voor minstens één aspect een afgesproken fase in.");
    expect(stored()).toEqual([]);

    const first = await leader.post("/scan", { intent: "agree", scanId: scan!.id, "agreed-open-leercultuur": "3", "priority-open-leercultuur": "on", "action-open-leercultuur": "Lesbezoek bij elkaar" });
    expect(first.status).toBe(302);
    const second = await leader.post("/scan", { intent: "agree", scanId: scan!.id, "agreed-reflectieve-dialoog": "2" });
    expect(second.status).toBe(302);
    expect(stored()).toEqual([
      { aspect_id: "open-leercultuur", agreed_phase: 3, priority: 1, action: "Lesbezoek bij elkaar" },
      { aspect_id: "reflectieve-dialoog", agreed_phase: 2, priority: 0, action: "" },
    ]);
    const page = await (await leader.get("/scan")).text();
    expect(page).toContain("2 van 8 aspecten hebben een afspraak.");
    expect(page).toContain("Afgesproken: Fase 3");
    expect(page).toContain("Nog geen afspraak");
    // Too many priorities across saves: refused, nothing changes.
    const many = await leader.post("/scan", {
      intent: "agree",
      scanId: scan!.id,
      ...Object.fromEntries(["gespreid-leiderschap", "onderbouwde-besluiten", "literatuur-en-data"].flatMap((id) => [[`agreed-${id}`, "2"], [`priority-${id}`, "on"], [`action-${id}`, "Doen"]])),
    });
    expect(many.status).toBe(400);
    expect(await many.text()).toContain("Kies 1 tot 3 prioriteiten.");
    expect(stored()).toHaveLength(2);
  });
});
