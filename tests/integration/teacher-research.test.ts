import { afterAll, describe, expect, it } from "vitest";
import { Client } from "../support/http";
import { withServer } from "../support/with-server";
import { upgradeStatus, waitFor, YClient } from "./collab-helpers";

/**
 * Teacher research (issue 20): an open question taken up without students by
 * the school's teachers and/or a lab's teachers, who then co-write the plan;
 * and the werkplekbegeleider picked on a question becoming a project
 * begeleider once the question is matched and the round published.
 */
const t = withServer({ COLLAB_UNLOAD_MS: "400" });
const sockets: YClient[] = [];
afterAll(() => {
  for (const s of sockets) s.ws.terminate();
});

const one = <T>(sql: string, ...args: unknown[]) => t.db.prepare(sql).get(...args) as T;
const count = (sql: string, ...args: unknown[]) => one<{ n: number }>(sql, ...args).n;

/** A form POST with repeated fields (checkboxes), as a browser sends it. */
function postForm(client: Client, path: string, fields: [string, string][]) {
  return client.request(path, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "content-type": "application/x-www-form-urlencoded", origin: t.server.url },
  });
}

async function api(client: Client, path: string, body: unknown) {
  const response = await client.request(path, {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "content-type": "application/json", origin: t.server.url },
  });
  const text = await response.text();
  return { status: response.status, json: (text.startsWith("{") ? JSON.parse(text) : null) as Record<string, unknown> | null };
}

type Person = { id: string; email: string; name: string };
const schoolOf = (email: string) =>
  one<{ id: string }>("select m.school_id as id from memberships m join users u on u.id = m.user_id where u.email = ? and m.school_id is not null limit 1", email).id;
const personAt = (schoolId: string, role: string, not: string[] = []) =>
  (t.db.prepare("select u.id, u.email, u.name from users u join memberships m on m.user_id = u.id where m.school_id = ? and m.role = ? order by u.email").all(schoolId, role) as Person[]).find(
    (p) => !not.includes(p.email),
  )!;
/** An open question of the school (the demo's A1 has one, ranked by students in the open round). */
const openQuestionOf = (schoolId: string) => one<{ id: string; title: string }>("select id, title from questions where school_id = ? and status = 'open' order by title limit 1", schoolId);

/** A new question of the schoolleider's school, written, submitted and opened through the pages. */
async function openNewQuestion(title: string, extra: Record<string, string> = {}): Promise<string> {
  const leader = await t.signedIn("schoolleider@demo.nl");
  const lead = await t.signedIn("programmaleider@demo.nl");
  const schoolId = schoolOf("schoolleider@demo.nl");
  const sector = one<{ sector: string }>("select sector from schools where id = ?", schoolId).sector;
  const theme = one<{ id: string }>("select id from themes order by id limit 1").id;
  const created = await leader.post("/vragen/nieuw", {
    intent: "save",
    schoolId,
    sector,
    schoolYear: "2026-2027",
    studentCapacity: "1",
    supervisionCapacity: "1",
    title,
    themeId: theme,
    background: "Het team ziet dit elke week in de klas terugkomen.",
    desiredOutcome: "Een werkwijze die het hele team gebruikt.",
    supervisorId: "extern",
    ...extra,
  });
  expect(created.status, await created.clone().text().then((h) => h.match(/field__error[^>]*>([^<]*)/)?.[1] ?? "")).toBe(302);
  const id = one<{ id: string }>("select id from questions where title = ?", title).id;
  for (const [who, to] of [[leader, "ingediend"], [lead, "open"]] as const) {
    const moved = await who.post(`/vragen/${id}`, { intent: "transition", to });
    expect(moved.status, `${to}: ${(await moved.text()).match(/role="alert"[^>]*>([^<]*)/)?.[1] ?? ""}`).toBe(302);
  }
  return id;
}

describe("teacher research", () => {
  let a1: string;
  let teacher: Person;
  let otherTeacherA1: Person;
  let labId: string;
  let labTeacher: Person;
  let foreignTeacher: Person;
  let question: { id: string; title: string };
  let plan: { id: string; room: string };

  it("lets the schoolleider give an open question to the school's teachers and a lab; bad input stores nothing", async () => {
    a1 = schoolOf("schoolleider@demo.nl");
    teacher = personAt(a1, "leraar");
    // A teacher of A1 with no other role there and not in the lab: not on the team, so no access.
    otherTeacherA1 = one<Person>(
      `select u.id, u.email, u.name from users u join memberships m on m.user_id = u.id where m.school_id = ? and m.role = 'leraar' and u.id != ?
         and u.id not in (select user_id from lab_members) and u.id not in (select user_id from memberships where role != 'leraar') order by u.email limit 1`,
      a1,
      teacher.id,
    );
    // The demo's reading lab has teachers of A1 and A2 (expert@demo.nl).
    const lab = one<{ id: string }>("select l.id from labs l join lab_members m on m.lab_id = l.id join users u on u.id = m.user_id where u.email = 'expert@demo.nl'");
    labId = lab.id;
    labTeacher = one<Person>("select id, email, name from users where email = 'expert@demo.nl'");
    foreignTeacher = one<Person>(
      "select u.id, u.email, u.name from users u join memberships m on m.user_id = u.id where m.role = 'leraar' and u.id not in (select user_id from memberships where school_id = ?) order by u.email limit 1",
      a1,
    );
    question = openQuestionOf(a1);
    const leader = await t.signedIn("schoolleider@demo.nl");

    const detail = await (await leader.get(`/vragen/${question.id}`)).text();
    expect(detail).toContain(`/vragen/${question.id}/leraren`);
    const page = await leader.get(`/vragen/${question.id}/leraren`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Onderzoek door leraren");
    expect(html).toContain(teacher.name);
    expect(html).not.toContain(foreignTeacher.name); // a teacher of another school is not offered one by one

    const projectsBefore = count("select count(*) n from projects");
    const membersBefore = count("select count(*) n from project_members");
    const refusals: [string, [string, string][], number, string][] = [
      ["a teacher of another school", [["teacherIds", foreignTeacher.id]], 400, "Kies alleen leraren of schoolopleiders van de school van deze vraag."],
      ["nobody at all", [], 400, "Kies minstens één leraar of een lab."],
      ["an unknown lab", [["labId", "bestaat-niet"]], 400, "Dit lab bestaat niet (meer) in het partnerschap van deze school."],
      ["a known teacher beside one of another school", [["teacherIds", teacher.id], ["teacherIds", foreignTeacher.id]], 400, "Kies alleen leraren"],
    ];
    const emptyLab = one<{ id: string } | undefined>(
      `select l.id from labs l join partnership_schools ps on ps.partnership_id = l.partnership_id
       where ps.school_id = ? and l.archived_at is null and l.id not in (select lab_id from lab_members) limit 1`,
      a1,
    );
    if (emptyLab) refusals.push(["a lab without teachers", [["labId", emptyLab.id]], 400, "Dit lab heeft nog geen leraren."]);
    for (const [label, fields, status, message] of refusals) {
      const refused = await postForm(leader, `/vragen/${question.id}/leraren`, fields);
      expect(refused.status, label).toBe(status);
      expect(await refused.text(), label).toContain(message);
    }
    expect(count("select count(*) n from projects")).toBe(projectsBefore);
    expect(count("select count(*) n from project_members")).toBe(membersBefore);
    expect(one<{ status: string }>("select status from questions where id = ?", question.id).status).toBe("open");

    // Someone who may see the question but does not lead its school: 403; a teacher likewise.
    for (const email of ["schoolleider2@demo.nl", teacher.email]) {
      const other = await t.signedIn(email);
      expect((await other.get(`/vragen/${question.id}/leraren`)).status, email).toBe(403);
      expect((await postForm(other, `/vragen/${question.id}/leraren`, [["teacherIds", teacher.id]])).status, email).toBe(403);
    }

    const started = await postForm(leader, `/vragen/${question.id}/leraren`, [["teacherIds", teacher.id], ["labId", labId]]);
    expect(started.status).toBe(302);
    const project = one<{ id: string }>("select id from projects where question_id = ?", question.id);
    expect(started.headers.get("location")).toBe(`/projecten/${project.id}`);
    plan = one<{ id: string; room: string }>("select id, room from plans where project_id = ?", project.id);
    const members = t.db.prepare("select user_id as userId, role from project_members where project_id = ? order by role, user_id").all(project.id) as { userId: string; role: string }[];
    expect(members.filter((m) => m.role === "leraar").map((m) => m.userId).sort()).toEqual(
      [teacher.id, ...(t.db.prepare("select user_id as id from lab_members where lab_id = ?").all(labId) as { id: string }[]).map((r) => r.id)]
        .filter((v, i, all) => all.indexOf(v) === i)
        .sort(),
    );
    // The lab's supervisors supervise, as they do after matching.
    const supervisors = (t.db.prepare("select user_id as id from lab_supervisors where lab_id = ?").all(labId) as { id: string }[]).map((r) => r.id);
    for (const id of supervisors) expect(members.some((m) => m.userId === id && m.role !== "student")).toBe(true);
    expect(members.some((m) => m.role === "student")).toBe(false);
    expect(one("select status, teacher_research as tr from questions where id = ?", question.id)).toEqual({ status: "gematcht", tr: 1 });
    expect(count("select count(*) n from notifications where user_id = ? and kind = 'teacherResearch.started'", teacher.id)).toBe(1);
    expect(count("select count(*) n from audit_log where event = 'project.created' and detail like ?", `%${project.id}%`)).toBe(1);

    const projectPage = await (await leader.get(`/projecten/${project.id}`)).text();
    expect(projectPage).toContain(teacher.name);
    expect(projectPage).toContain("leraar-onderzoeker");

    // Again: the question is no longer open (409), nothing changes.
    const again = await postForm(leader, `/vragen/${question.id}/leraren`, [["teacherIds", teacher.id]]);
    expect(again.status).toBe(409);
    expect((await leader.get(`/vragen/${question.id}/leraren`)).status).toBe(409);
    expect(count("select count(*) n from projects where question_id = ?", question.id)).toBe(1);
  });

  it("gives the teachers edit, the school comment, the programmaleider read, and nobody else anything (API, page, upgrade)", async () => {
    const otherSchoolTeacher = one<Person>(
      `select u.id, u.email, u.name from users u join memberships m on m.user_id = u.id
       where m.role = 'leraar' and m.school_id != ? and u.id not in (select user_id from project_members) order by u.email limit 1`,
      a1,
    );
    const table: [string, string, "edit" | "comment" | "read" | null][] = [
      ["leraar of this school on the team", teacher.email, "edit"],
      ["leraar of another school, through the lab", labTeacher.email, "edit"],
      ...(otherTeacherA1 ? [["leraar of this school not on the team", otherTeacherA1.email, null] as [string, string, null]] : []),
      ["leraar of another school", otherSchoolTeacher.email, null],
      ["schoolleider of the question's school", "schoolleider@demo.nl", "comment"],
      ["programmaleider of the partnership", "programmaleider@demo.nl", "read"],
      ["schoolleider of another school", "schoolleider2@demo.nl", null],
      ["student", "student3@demo.nl", null],
    ];
    for (const [label, email, expected] of table) {
      const client = await t.signedIn(email);
      const body = (await (await client.get("/api/v1/plans")).json()) as { plans: { id: string; access: string }[] };
      expect(body.plans.find((p) => p.id === plan.id)?.access ?? null, label).toBe(expected);
      expect((await client.get(`/plannen/${plan.id}`)).status, label).toBe(expected ? 200 : 404);
      expect(await upgradeStatus(t.server.url, plan.room, { cookie: client.cookieHeader() }), label).toBe(expected ? "open" : 403);
    }
  });

  it("lets two teachers co-write the plan over real WebSockets, and shows it on their dashboard and in /plannen", async () => {
    const mine = await t.signedIn(teacher.email);
    const theirs = await t.signedIn(labTeacher.email);
    const a = new YClient(t.server.url, plan.room, mine.cookieHeader());
    const b = new YClient(t.server.url, plan.room, theirs.cookieHeader());
    sockets.push(a, b);
    await Promise.all([a.synced, b.synced]);
    a.writeParagraph("aanleiding", "In groep 5 lezen kinderen minder graag dan vorig jaar.");
    b.writeParagraph("methode", "We houden een leesdagboek bij in twee klassen.");
    await waitFor(() => b.text("aanleiding").includes("minder graag") && a.text("methode").includes("leesdagboek"), 15_000, "both edits relayed");
    const md = await (await mine.get(`/api/v1/plans/${plan.id}/export.md`)).text();
    expect(md).toContain("In groep 5 lezen kinderen minder graag dan vorig jaar.");
    expect(md).toContain("We houden een leesdagboek bij in twee klassen.");

    const dashboard = await (await mine.get("/")).text();
    expect(dashboard).toContain(`/plannen/${plan.id}`);
    expect(await (await mine.get("/plannen")).text()).toContain(`/plannen/${plan.id}`);
  });

  it("takes the question out of the matching pool: students no longer see or rank it", async () => {
    const student = await t.signedIn("student3@demo.nl");
    const page = await (await student.get("/matching")).text();
    expect(page).not.toContain(question.title);
    const round = one<{ id: string }>("select id from matching_rounds where status = 'open' order by created_at desc limit 1");
    const refused = await student.post("/matching", { intent: "rank", roundId: round.id, choice1: question.id });
    expect(refused.status).toBe(400);
    expect(count("select count(*) n from round_rankings where question_id = ? and student_id = (select id from users where email = 'student3@demo.nl')", question.id)).toBe(0);
  });

  it("is in the JSON API beside the project members (same model, same permission)", async () => {
    const next = { id: await openNewQuestion("Hoe plannen we de leerlijn burgerschap over acht jaar?") };
    const lead = await t.signedIn("programmaleider@demo.nl");
    const anonymous = await new Client(t.server.url).request("/api/v1/projects", {
      method: "POST",
      body: JSON.stringify({ questionId: next.id, teacherIds: [teacher.id] }),
      headers: { "content-type": "application/json", origin: t.server.url },
    });
    expect(anonymous.status).toBe(401);
    const other = await t.signedIn("schoolleider2@demo.nl");
    expect((await api(other, "/api/v1/projects", { questionId: next.id, teacherIds: [teacher.id] })).status).toBe(403);
    const bad: [unknown, number][] = [
      ["geen json", 400],
      [{ teacherIds: [teacher.id] }, 400],
      [{ questionId: next.id, teacherIds: "iemand" }, 400],
      [{ questionId: next.id, teacherIds: [foreignTeacher.id] }, 400],
      [{ questionId: next.id, teacherIds: [] }, 400],
      [{ questionId: "bestaat-niet", teacherIds: [teacher.id] }, 404],
    ];
    for (const [body, status] of bad) {
      const res = await api(lead, "/api/v1/projects", body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(typeof res.json?.error, JSON.stringify(body)).toBe("string");
    }
    expect(count("select count(*) n from projects where question_id = ?", next.id)).toBe(0);
    const created = await api(lead, "/api/v1/projects", { questionId: next.id, teacherIds: [teacher.id] });
    expect(created.status).toBe(201);
    expect(one<{ id: string }>("select id from projects where question_id = ?", next.id).id).toBe(created.json?.id);
    const twice = await api(lead, "/api/v1/projects", { questionId: next.id, teacherIds: [teacher.id] });
    expect(twice.status).toBe(409);
    expect(twice.json?.error).toContain("niet (meer) open");
  });
});

describe("the werkplekbegeleider picked on a question", () => {
  it("becomes a project begeleider once the question is matched, the round published and both sides accepted", async () => {
    const leader = await t.signedIn("schoolleider@demo.nl");
    const lead = await t.signedIn("programmaleider@demo.nl");
    const a1 = schoolOf("schoolleider@demo.nl");
    const wpb = personAt(a1, "werkplekbegeleider");
    // Picked on the question form (a person of the school's staff, issue 20).
    const id = await openNewQuestion("Hoe geven we feedback op schrijfopdrachten in groep 8?", { supervisorId: wpb.id });
    const q = one<{ id: string; supervisor_id: string }>("select id, supervisor_id from questions where id = ?", id);
    expect(q.supervisor_id).toBe(wpb.id);

    const round = one<{ id: string }>("select id from matching_rounds where status = 'open' order by created_at desc limit 1");
    const student = await t.signedIn("student3@demo.nl");
    expect((await student.post("/matching", { intent: "rank", roundId: round.id, choice1: q.id })).status).toBe(302);
    const settings = t.db.prepare("select school_id from round_school_settings where round_id = ?").all(round.id) as { school_id: string }[];
    const roomy = Object.fromEntries(settings.map((s) => [`capacity-${s.school_id}`, "100"]));
    expect((await lead.post("/matching", { intent: "settings", roundId: round.id, ...roomy })).status).toBe(302);
    expect((await lead.post("/matching", { intent: "run", roundId: round.id })).status).toBe(302);
    const studentId = one<{ id: string }>("select id from users where email = 'student3@demo.nl'").id;
    expect(one<{ q: string }>("select question_id as q from round_assignments where round_id = ? and student_id = ?", round.id, studentId).q).toBe(q.id);

    // Placed (computed) with a student: teacher research on it is refused, nothing stored.
    const teacher = personAt(a1, "leraar");
    const refused = await postForm(leader, `/vragen/${q.id}/leraren`, [["teacherIds", teacher.id]]);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("al aan een student toegewezen");
    expect(count("select count(*) n from projects where question_id = ?", q.id)).toBe(0);

    expect((await lead.post("/matching", { intent: "publish", roundId: round.id, confirm: "ja" })).status).toBe(302);
    expect((await student.post("/matching", { intent: "respond", roundId: round.id, side: "student", answer: "accept" })).status).toBe(302);
    expect(count("select count(*) n from projects where question_id = ?", q.id)).toBe(0); // the school has not answered yet
    expect((await leader.post("/matching", { intent: "respond", roundId: round.id, side: "school", studentId, answer: "accept" })).status).toBe(302);

    const project = one<{ id: string }>("select id from projects where question_id = ?", q.id);
    expect(one<{ role: string }>("select role from project_members where project_id = ? and user_id = ?", project.id, wpb.id).role).toBe("begeleider");
    // And 6.5 gives them comment on the new plan.
    const planId = one<{ id: string }>("select id from plans where project_id = ?", project.id).id;
    const theirs = (await (await (await t.signedIn(wpb.email)).get("/api/v1/plans")).json()) as { plans: { id: string; access: string }[] };
    expect(theirs.plans.find((p) => p.id === planId)?.access).toBe("comment");
  });
});

describe("the school's contact in the matching round", () => {
  /** The contact the round should name: the schoolopleider(s), else the schoolleider(s). */
  const contactOf = (schoolId: string) => {
    const staff = t.db
      .prepare("select u.email, m.role from users u join memberships m on m.user_id = u.id where m.school_id = ? and m.role in ('schoolopleider', 'schoolleider') order by u.email")
      .all(schoolId) as { email: string; role: string }[];
    const opleiders = staff.filter((s) => s.role === "schoolopleider");
    return { emails: (opleiders.length ? opleiders : staff).map((s) => s.email), leaders: staff.filter((s) => s.role === "schoolleider").map((s) => s.email), hasOpleider: opleiders.length > 0 };
  };

  it("is the schoolopleider (else the schoolleider) in the round summary and for the unplaced student", async () => {
    const lead = await t.signedIn("programmaleider@demo.nl");
    const round = one<{ id: string }>("select id from matching_rounds where status = 'gepubliceerd' order by published_at desc limit 1");
    const page = await (await lead.get("/matching")).text();
    expect(page).toContain("Contactpersoon school");
    const schools = (t.db.prepare("select school_id as id from round_school_settings where round_id = ?").all(round.id) as { id: string }[]).map((s) => contactOf(s.id));
    const withOpleider = schools.find((s) => s.hasOpleider)!;
    expect(withOpleider).toBeDefined();
    for (const email of withOpleider.emails) expect(page).toContain(`mailto:${email}`);
    // A school with a schoolopleider is not represented by its schoolleider.
    for (const email of withOpleider.leaders) expect(page).not.toContain(`mailto:${email}`);
    const withoutOpleider = schools.find((s) => !s.hasOpleider && s.emails.length > 0);
    if (withoutOpleider) expect(page).toContain(`mailto:${withoutOpleider.emails[0]}`);

    const unplaced = one<{ id: string; email: string }>(
      `select u.id, u.email from round_assignments a join users u on u.id = a.student_id
       where a.round_id = ? and a.question_id is null and exists (select 1 from round_rankings r where r.round_id = a.round_id and r.student_id = a.student_id) limit 1`,
      round.id,
    );
    const chosen = (t.db
      .prepare("select distinct q.school_id as id from round_rankings r join questions q on q.id = r.question_id where r.round_id = ? and r.student_id = ?")
      .all(round.id, unplaced.id) as { id: string }[]).map((s) => contactOf(s.id));
    const studentPage = await (await (await t.signedIn(unplaced.email)).get("/matching")).text();
    expect(studentPage).toContain("Of neem contact op met de scholen die je koos:");
    for (const school of chosen) for (const email of school.emails) expect(studentPage).toContain(`mailto:${email}`);
    // The programmaleider stays named as well.
    expect(studentPage).toContain("programmaleider@demo.nl");
  });
});
