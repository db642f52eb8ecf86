import { describe, expect, it } from "vitest";
import { withServer } from "../support/with-server";
import { demoPlan } from "./collab-helpers";

/**
 * Nobody waits in silence (issue 20): notices when a begeleider comments or a
 * question is sent back, dashboards that say what to do next, and a sent-back
 * question that is saved and resubmitted in one step.
 */
const t = withServer();
const count = (sql: string, ...args: unknown[]) => (t.db.prepare(sql).get(...args) as { n: number }).n;
const idOf = (email: string) => (t.db.prepare("select id from users where email = ?").get(email) as { id: string }).id;

describe("notices and next steps", () => {
  it("a begeleider's comment reaches the plan's authors, an author's own reply does not", async () => {
    const student = await t.signedIn("student@demo.nl");
    const plan = await demoPlan(student);
    const begeleider = await t.signedIn("begeleider@demo.nl");
    const before = count("select count(*) n from notifications where kind = 'plan.commented'");
    expect((await begeleider.post(`/plannen/${plan.id}/reacties`, { intent: "create", sectionId: "methode", body: "Hoe kies je de leerlingen?" })).status).toBe(302);
    const after = t.db.prepare("select user_id from notifications where kind = 'plan.commented' order by id desc limit 2").all() as { user_id: string }[];
    expect(count("select count(*) n from notifications where kind = 'plan.commented'")).toBe(before + 2);
    expect(after.map((r) => r.user_id).sort()).toEqual([idOf("student@demo.nl"), idOf("student2@demo.nl")].sort());
    expect(await (await student.get("/meldingen")).text()).toContain("Er is gereageerd op je plan");
    expect((await student.post(`/plannen/${plan.id}/reacties`, { intent: "create", sectionId: "methode", body: "Notitie voor onszelf." })).status).toBe(302);
    expect(count("select count(*) n from notifications where kind = 'plan.commented'")).toBe(before + 2);
    // The student's dashboard says where to write next.
    const home = await (await student.get("/")).text();
    expect(home).toContain("Wat moet ik nu doen?");
    expect(home).toContain("Mijn plan:");
  });

  it("the programmaleider's dashboard counts questions waiting for triage", async () => {
    const lead = await t.signedIn("programmaleider@demo.nl");
    const waiting = count(
      `select count(distinct q.id) n from questions q join partnership_schools ps on ps.school_id = q.school_id
       where q.status = 'ingediend' and ps.partnership_id = (select partnership_id from memberships where user_id = ? and role = 'programmaleider')`,
      idOf("programmaleider@demo.nl"),
    );
    const home = await (await lead.get("/")).text();
    expect(home).toContain(waiting > 0 ? `${waiting} ingediende vragen wachten op triage` : "Geen vragen wachten op triage.");
  });

  it("a sent-back question shows on the schoolleider's dashboard and its form, and is saved and resubmitted in one step", async () => {
    const lead = await t.signedIn("programmaleider@demo.nl");
    const leader = await t.signedIn("schoolleider@demo.nl");
    const question = t.db
      .prepare(
        `select q.id, q.title from questions q join memberships m on m.school_id = q.school_id
         where q.status in ('ingediend', 'open') and m.user_id = ? and m.role = 'schoolleider' order by q.status limit 1`,
      )
      .get(idOf("schoolleider@demo.nl")) as { id: string; title: string };
    expect(question).toBeDefined();
    const feedback = "Maak de gewenste opbrengst concreter: wat doet het team ermee?";
    expect((await lead.post(`/vragen/${question.id}`, { intent: "transition", to: "teruggestuurd", reason: feedback })).status).toBe(302);
    expect(count("select count(*) n from notifications where kind = 'question.sentBack' and user_id = ?", idOf("schoolleider@demo.nl"))).toBeGreaterThan(0);
    const home = await (await leader.get("/")).text();
    expect(home).toContain(`Teruggestuurd: ‘${question.title.replace(/&/g, "&amp;")}’`);
    const form = await (await leader.get(`/vragen/${question.id}/bewerken`)).text();
    expect(form).toContain(feedback);
    expect(form).toContain("Opslaan en opnieuw indienen");

    // Resubmitting with a required field left empty stores nothing.
    const row = t.db.prepare("select * from questions where id = ?").get(question.id) as Record<string, unknown>;
    const subQuestions = JSON.parse(String(row.sub_questions)) as string[];
    const fields = {
      schoolId: String(row.school_id),
      title: String(row.title),
      background: String(row.background),
      desiredOutcome: "Het team kiest op basis van de uitkomsten één aanpak voor volgend schooljaar.",
      visionFit: String(row.vision_fit),
      themeId: String(row.theme_id),
      subQuestions: subQuestions.join("\n"),
      sector: String(row.sector),
      schoolYear: String(row.school_year),
      studentCapacity: String(row.student_capacity),
      supervisorName: String(row.supervisor_name) || "Ilse de Boer",
      supervisionCapacity: String(row.supervision_capacity),
    };
    const bad = await leader.post(`/vragen/${question.id}/bewerken`, { ...fields, desiredOutcome: "", intent: "submit" });
    expect(bad.status).toBe(400);
    expect((t.db.prepare("select status, desired_outcome from questions where id = ?").get(question.id) as { status: string }).status).toBe("teruggestuurd");
    const ok = await leader.post(`/vragen/${question.id}/bewerken`, { ...fields, intent: "submit" });
    expect(ok.status).toBe(302);
    expect(t.db.prepare("select status, desired_outcome from questions where id = ?").get(question.id)).toEqual({ status: "ingediend", desired_outcome: fields.desiredOutcome });
    expect(count("select count(*) n from notifications where kind = 'question.status' and user_id = ?", idOf("programmaleider@demo.nl"))).toBeGreaterThan(0);
  });
});
