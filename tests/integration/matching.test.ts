import { describe, expect, it } from "vitest";
import { withServer } from "../support/with-server";

const t = withServer();

const signedIn = (email: string) => t.signedIn(email);

const round = () => t.db.prepare("select * from matching_rounds order by created_at desc limit 1").get() as { id: string; status: string; partnership_id: string };
const userId = (email: string) => (t.db.prepare("select id from users where email = ?").get(email) as { id: string }).id;
const openQuestions = () =>
  (t.db
    .prepare(
      `select q.id, q.school_id from questions q join partnership_schools ps on ps.school_id = q.school_id
       where ps.partnership_id = ? and q.status = 'open' order by q.title`,
    )
    .all(round().partnership_id) as { id: string; school_id: string }[]);

describe("the matching round end to end", () => {
  it("shows labs and the matching page to the demo accounts", async () => {
    for (const email of ["student3@demo.nl", "programmaleider@demo.nl", "schoolleider@demo.nl", "expert@demo.nl"]) {
      const client = await signedIn(email);
      expect((await client.get("/labs")).status).toBe(200);
      expect((await client.get("/matching")).status).toBe(200);
    }
    expect(await (await (await signedIn("student3@demo.nl")).get("/labs")).text()).toContain("Werkplaats Taal en lezen Lingestad");
  });

  it("lets an admin choose the partnership whose round they run, named on the page; a programmaleider of one has no picker", async () => {
    const partnerships = t.db.prepare("select id, name from partnerships order by name").all() as { id: string; name: string }[];
    expect(partnerships.length).toBeGreaterThan(1);
    const withRound = round().partnership_id;
    const other = partnerships.find((p) => p.id !== withRound && !t.db.prepare("select 1 from matching_rounds where partnership_id = ?").get(p.id))!;
    const admin = await signedIn("admin@demo.nl");
    const page = await (await admin.get("/matching")).text();
    expect(page).toContain('id="matching-partnership"');
    for (const p of partnerships) expect(page).toContain(`<option value="${p.id}"`);
    // By default the partnership that has a round, selected in the picker.
    expect(page).toMatch(new RegExp(`<option value="${withRound}" selected`));
    const chosen = await (await admin.get(`/matching?partnerschap=${other.id}`)).text();
    expect(chosen).toContain(`Er is nog geen matchingronde in ${other.name.replace(/&/g, "&amp;")}.`);
    expect(chosen).toContain(`name="partnershipId" value="${other.id}"`);
    // Nonsense in the address falls back to the default, never an error.
    expect((await admin.get("/matching?partnerschap=%3Cx%3E")).status).toBe(200);
    expect(await (await (await signedIn("programmaleider@demo.nl")).get("/matching")).text()).not.toContain('id="matching-partnership"');
  });

  it("lets a student rank up to five open questions, and refuses bad rankings without storing them", async () => {
    const client = await signedIn("student3@demo.nl");
    const [a, b, c] = openQuestions();
    const rankings = () => t.db.prepare("select question_id from round_rankings where round_id = ? and student_id = ? order by rank").all(round().id, userId("student3@demo.nl"));
    const bad: [Record<string, string>, number, string][] = [
      [{ choice1: a!.id, choice2: a!.id }, 400, "twee keer"],
      [{ choice1: "bestaat-niet" }, 400, "niet (meer) open"],
      [Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`choice${i + 1}`, `q${i}`])), 400, "maximaal vijf"],
    ];
    for (const [fields, status, message] of bad) {
      const response = await client.post("/matching", { intent: "rank", roundId: round().id, ...fields });
      expect(response.status).toBe(status);
      expect(await response.text()).toContain(message);
      expect(rankings()).toEqual([]);
    }
    const ok = await client.post("/matching", { intent: "rank", roundId: round().id, choice1: c!.id, choice2: a!.id, choice3: b!.id });
    expect(ok.status).toBe(302);
    expect(rankings()).toEqual([{ question_id: c!.id }, { question_id: a!.id }, { question_id: b!.id }]);
  });

  it("refuses ranking by non-students and managing by non-programme leaders", async () => {
    const teacher = await signedIn("expert@demo.nl");
    expect((await teacher.post("/matching", { intent: "rank", roundId: round().id, choice1: openQuestions()[0]!.id })).status).toBe(403);
    const student = await signedIn("student@demo.nl");
    expect((await student.post("/matching", { intent: "run", roundId: round().id })).status).toBe(403);
    const lead = await signedIn("programmaleider@demo.nl");
    const bad = await lead.post("/matching", { intent: "settings", roundId: round().id, [`capacity-${openQuestions()[0]!.school_id}`]: "-1" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("hele getallen van 0 of meer");
  });

  it("runs, publishes, and turns two acceptances into a project with a plan", async () => {
    const lead = await signedIn("programmaleider@demo.nl");
    const run = await lead.post("/matching", { intent: "run", roundId: round().id });
    expect(run.status).toBe(302);
    expect(round().status).toBe("berekend");

    // Hand adjustments before publishing: refused when infeasible, warned when worse.
    const anyPlaced = t.db.prepare("select student_id, question_id from round_assignments where round_id = ? and question_id is not null limit 1").get(round().id) as {
      student_id: string;
      question_id: string;
    };
    const unranked = openQuestions().find(
      (q) => !t.db.prepare("select 1 from round_rankings where round_id = ? and student_id = ? and question_id = ?").get(round().id, anyPlaced.student_id, q.id),
    );
    if (unranked) {
      const refused = await lead.post("/matching", { intent: "adjust", roundId: round().id, studentId: anyPlaced.student_id, questionId: unranked.id });
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain("koos deze vraag niet");
    }
    const worse = await lead.post("/matching", { intent: "adjust", roundId: round().id, studentId: anyPlaced.student_id, questionId: "" });
    expect(worse.status).toBe(302);
    expect(decodeURIComponent(worse.headers.get("set-cookie") ?? "")).toBeTruthy();
    expect(await (await lead.get("/matching")).text()).toContain("het resultaat is nu minder goed");
    expect(t.db.prepare("select question_id, manual from round_assignments where round_id = ? and student_id = ?").get(round().id, anyPlaced.student_id)).toEqual({
      question_id: null,
      manual: 1,
    });
    // Recompute to get back to the best allocation before publishing.
    expect((await lead.post("/matching", { intent: "run", roundId: round().id })).status).toBe(302);
    const assignments = t.db.prepare("select * from round_assignments where round_id = ?").all(round().id) as {
      student_id: string;
      question_id: string | null;
      explanation: string;
    }[];
    expect(assignments.length).toBeGreaterThan(0);
    expect(assignments.every((a) => a.explanation.length > 10)).toBe(true);
    // No capacity exceeded: per question at most its student capacity.
    const perQuestion = t.db
      .prepare(
        `select a.question_id, count(*) n, q.student_capacity cap from round_assignments a join questions q on q.id = a.question_id
         where a.round_id = ? group by a.question_id`,
      )
      .all(round().id) as { n: number; cap: number }[];
    expect(perQuestion.every((r) => r.n <= r.cap)).toBe(true);

    // Publishing needs the explicit confirmation of the summary (issue 20).
    expect((await lead.post("/matching", { intent: "publish", roundId: round().id })).status).toBe(400);
    expect((await lead.post("/matching", { intent: "publish", roundId: round().id, confirm: "ja" })).status).toBe(302);
    expect(round().status).toBe("gepubliceerd");

    const placed = assignments.find((a) => a.question_id)!;
    const email = (t.db.prepare("select email from users where id = ?").get(placed.student_id) as { email: string }).email;
    const student = await signedIn(email);
    expect(await (await student.get("/matching")).text()).toContain(placed.explanation.slice(0, 40).replace(/"/g, "&quot;"));
    // Someone else cannot answer this student's proposal for them.
    const schoolId = (t.db.prepare("select school_id from questions where id = ?").get(placed.question_id) as { school_id: string }).school_id;
    const otherSchool = await signedIn("schoolleider2@demo.nl");
    const isA2 = (t.db.prepare("select name from schools where id = ?").get(schoolId) as { name: string }).name === "Het Rivierencollege";
    if (!isA2) {
      const refused = await otherSchool.post("/matching", { intent: "respond", side: "school", roundId: round().id, studentId: placed.student_id, answer: "accept" });
      expect(refused.status).toBe(403);
    }
    expect((await student.post("/matching", { intent: "respond", side: "student", roundId: round().id, answer: "accept" })).status).toBe(302);
    expect((await student.post("/matching", { intent: "respond", side: "student", roundId: round().id, answer: "decline" })).status).toBe(409);

    const ownerEmail = (t.db
      .prepare("select u.email from memberships m join users u on u.id = m.user_id where m.school_id = ? and m.role = 'schoolleider' limit 1")
      .get(schoolId) as { email: string }).email;
    const school = await signedIn(ownerEmail);
    expect((await school.post("/matching", { intent: "respond", side: "school", roundId: round().id, studentId: placed.student_id, answer: "accept" })).status).toBe(302);

    const project = t.db.prepare("select p.id from projects p where p.question_id = ?").get(placed.question_id) as { id: string } | undefined;
    expect(project).toBeDefined();
    expect(t.db.prepare("select role from project_members where project_id = ? and user_id = ?").get(project!.id, placed.student_id)).toEqual({ role: "student" });
    expect(t.db.prepare("select count(*) n from plans where project_id = ?").get(project!.id)).toEqual({ n: 1 });
    expect((t.db.prepare("select status from questions where id = ?").get(placed.question_id) as { status: string }).status).toBe("gematcht");
    const plans = (await (await student.get("/api/v1/plans")).json()) as { plans: { access: string }[] };
    expect(plans.plans.some((p) => p.access === "edit")).toBe(true);
  });

  it("a declined proposal is answered; the published round is locked, so no run changes it (issue 20)", async () => {
    const open = t.db
      .prepare(
        "select a.student_id, a.question_id from round_assignments a where a.round_id = ? and a.question_id is not null and a.student_response = 'open' limit 1",
      )
      .get(round().id) as { student_id: string; question_id: string } | undefined;
    expect(open).toBeDefined();
    const email = (t.db.prepare("select email from users where id = ?").get(open!.student_id) as { email: string }).email;
    const student = await signedIn(email);
    expect((await student.post("/matching", { intent: "respond", side: "student", roundId: round().id, answer: "decline" })).status).toBe(302);
    const lead = await signedIn("programmaleider@demo.nl");
    // A follow-up round replaces recalculating a published one.
    expect((await lead.post("/matching", { intent: "run", roundId: round().id })).status).toBe(409);
    const after = t.db.prepare("select student_response from round_assignments where round_id = ? and student_id = ?").get(round().id, open!.student_id) as {
      student_response: string;
    };
    expect(after.student_response).toBe("afgewezen");
    // Accepted placements of the first run are kept.
    expect(t.db.prepare("select count(*) n from round_assignments where round_id = ? and student_response = 'geaccepteerd'").get(round().id)).toEqual({ n: 1 });
  });

  it("refuses a second run while one is running (a lease in the database)", async () => {
    const lead = await signedIn("programmaleider@demo.nl");
    // The round is published (and so locked) by now: look at the lease on a computed one.
    t.db.prepare("update matching_rounds set running_since = ?, status = 'berekend' where id = ?").run(new Date().toISOString(), round().id);
    const busy = await lead.post("/matching", { intent: "run", roundId: round().id });
    expect(busy.status).toBe(409);
    expect(await busy.text()).toContain("wordt al berekend");
    t.db.prepare("update matching_rounds set running_since = null, status = 'gepubliceerd' where id = ?").run(round().id);
  });

  it("lets the programmaleider attach a question to a lab of the partnership only", async () => {
    const lead = await signedIn("programmaleider@demo.nl");
    const question = openQuestions()[0]!;
    const labA = (t.db.prepare("select id from labs where partnership_id = ? limit 1").get(round().partnership_id) as { id: string }).id;
    const labB = (t.db.prepare("select id from labs where partnership_id != ? limit 1").get(round().partnership_id) as { id: string }).id;
    expect((await lead.post(`/vragen/${question.id}`, { intent: "lab", labId: labB })).status).toBe(400);
    expect((await lead.post(`/vragen/${question.id}`, { intent: "lab", labId: labA })).status).toBe(302);
    expect(t.db.prepare("select lab_id from question_labs where question_id = ?").get(question.id)).toEqual({ lab_id: labA });
    const school = await signedIn("schoolleider@demo.nl");
    expect((await school.post(`/vragen/${question.id}`, { intent: "lab", labId: "" })).status).not.toBe(302);
  });

  it("refuses a second round while one is open, and a deadline in the past", async () => {
    const lead = await signedIn("programmaleider@demo.nl");
    const past = await lead.post("/matching", { intent: "create", partnershipId: round().partnership_id, name: "Te laat", deadline: "2020-01-01" });
    expect(past.status).toBe(400);
    expect(await past.text()).toContain("deadline in de toekomst");
  });
});
