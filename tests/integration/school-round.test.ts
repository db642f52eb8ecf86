import { describe, expect, it } from "vitest";
import { withServer } from "../support/with-server";

/**
 * A matching round people can trust (issue 20): a summary and an explicit
 * confirmation before publishing, a locked round after it, a follow-up round,
 * a next step for the unplaced student, notifications for everyone placed or
 * not, and the question's begeleidingscapaciteit respected.
 */
const t = withServer();

type Round = { id: string; status: string; partnership_id: string; name: string };
const round = () => t.db.prepare("select * from matching_rounds order by created_at desc, rowid desc limit 1").get() as Round;
const count = (sql: string, ...args: unknown[]) => (t.db.prepare(sql).get(...args) as { n: number }).n;
const emailOf = (id: string) => (t.db.prepare("select email from users where id = ?").get(id) as { email: string }).email;

describe("the locked matching round", () => {
  it("summarises, asks for confirmation, publishes once, then refuses every change", async () => {
    const lead = await t.signedIn("programmaleider@demo.nl");
    const first = round();
    const schools = t.db.prepare("select school_id from round_school_settings where round_id = ?").all(first.id) as { school_id: string }[];
    // Few supervision places, so some students stay without a place and the summary has reasons to give.
    const tight = Object.fromEntries(schools.flatMap((s) => [[`capacity-${s.school_id}`, "1"], [`minimum-${s.school_id}`, "0"]]));
    expect((await lead.post("/matching", { intent: "settings", roundId: first.id, ...tight })).status).toBe(302);
    // Begeleidingscapaciteit: one question may take 3 students but its supervision carries 1.
    const limited = t.db
      .prepare(
        `select q.id from questions q join round_rankings r on r.question_id = q.id where r.round_id = ? and q.status = 'open'
         group by q.id order by count(*) desc limit 1`,
      )
      .get(first.id) as { id: string };
    t.db.prepare("update questions set student_capacity = 3, supervision_capacity = 1, supervision_external = 0 where id = ?").run(limited.id);

    expect((await lead.post("/matching", { intent: "run", roundId: first.id })).status).toBe(302);
    expect(round().status).toBe("berekend");
    expect(count("select count(*) n from round_assignments where round_id = ? and question_id = ?", first.id, limited.id)).toBeLessThanOrEqual(1);

    const page = await (await lead.get("/matching")).text();
    expect(page).toContain("Samenvatting voor publicatie");
    expect(page).toContain("Plaatsen per school");
    expect(page).toContain("Tekort (fte)");
    expect(page).toContain("Niet geplaatst, en waarom");
    expect(page).toMatch(/student\(en\) (kozen|gaven)/);
    expect(page).toContain("<details");
    expect(page).not.toContain("Rangschikken kan tot");

    const notificationsBefore = count("select count(*) n from notifications");
    const unconfirmed = await lead.post("/matching", { intent: "publish", roundId: first.id });
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain("Bevestig eerst dat je de samenvatting hebt gecontroleerd.");
    expect(round().status).toBe("berekend");
    expect(count("select count(*) n from notifications")).toBe(notificationsBefore);

    expect((await lead.post("/matching", { intent: "publish", roundId: first.id, confirm: "ja" })).status).toBe(302);
    expect(round().status).toBe("gepubliceerd");
    const assignments = count("select count(*) n from round_assignments where round_id = ?", first.id);
    expect(count("select count(*) n from notifications where kind in ('matching.placed', 'matching.notPlaced')")).toBe(assignments);

    const twice = await lead.post("/matching", { intent: "publish", roundId: first.id, confirm: "ja" });
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain("al gepubliceerd");
    expect(count("select count(*) n from notifications where kind in ('matching.placed', 'matching.notPlaced')")).toBe(assignments);

    const settingsBefore = t.db.prepare("select * from round_school_settings where round_id = ? order by school_id").all(first.id);
    const assignmentsBefore = t.db.prepare("select * from round_assignments where round_id = ? order by student_id").all(first.id);
    const loose = Object.fromEntries(schools.map((s) => [`capacity-${s.school_id}`, "9"]));
    const someone = assignmentsBefore[0] as { student_id: string };
    for (const body of <Record<string, string>[]>[
      { intent: "settings", ...loose },
      { intent: "run" },
      { intent: "adjust", studentId: someone.student_id, questionId: "" },
    ]) {
      const refused = await lead.post("/matching", { roundId: first.id, ...body });
      expect(refused.status, body.intent).toBe(409);
      expect(await refused.text()).toContain("ligt vast");
    }
    expect(t.db.prepare("select * from round_school_settings where round_id = ? order by school_id").all(first.id)).toEqual(settingsBefore);
    expect(t.db.prepare("select * from round_assignments where round_id = ? order by student_id").all(first.id)).toEqual(assignmentsBefore);

    const after = await (await lead.get("/matching")).text();
    expect(after).not.toContain("Rangschikken kan tot");
    expect(after).toContain("De ronde ligt vast");
    expect(after).toContain("Vervolgronde openen");
  });

  it("tells the unplaced student what to do next, and offers the follow-up round once it opens", async () => {
    const published = round();
    const unplaced = t.db.prepare("select student_id from round_assignments where round_id = ? and question_id is null limit 1").get(published.id) as
      | { student_id: string }
      | undefined;
    expect(unplaced).toBeDefined();
    const student = await t.signedIn(emailOf(unplaced!.student_id));
    const page = await (await student.get("/matching")).text();
    expect(page).toContain("Je bent in deze ronde niet geplaatst.");
    expect(page).toContain("Wat kun je nu doen?");
    expect(page).toContain("programmaleider@demo.nl");
    expect(page).toContain("vragen open");
    const bell = await (await student.get("/meldingen")).text();
    expect(bell).toContain(`Je bent in ${published.name} niet geplaatst.`);

    const lead = await t.signedIn("programmaleider@demo.nl");
    const past = await lead.post("/matching", { intent: "followUp", roundId: published.id, name: "Vervolg", deadline: "2020-01-01" });
    expect(past.status).toBe(400);
    const deadline = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    expect((await lead.post("/matching", { intent: "followUp", roundId: published.id, name: "Vervolgronde voorjaar", deadline })).status).toBe(302);
    const next = round();
    expect(next).toMatchObject({ status: "open", name: "Vervolgronde voorjaar" });
    expect((t.db.prepare("select follow_up_of_id as f from matching_rounds where id = ?").get(next.id) as { f: string }).f).toBe(published.id);
    // A second follow-up while this one is open is refused.
    expect((await lead.post("/matching", { intent: "followUp", roundId: published.id, name: "Nog een", deadline })).status).toBe(409);

    const later = await (await student.get("/matching")).text();
    expect(later).toContain("Er loopt een vervolgronde: Vervolgronde voorjaar.");
    expect(later).toContain("Jouw keuzes");
  });

  it("shows students the school's agenda priority", async () => {
    const student = await t.signedIn("student3@demo.nl");
    const open = t.db.prepare("select count(*) n from questions where status = 'open' and priority > 0").get() as { n: number };
    const page = await (await student.get("/matching")).text();
    if (open.n > 0) expect(page).toMatch(/Prioriteit \d+ op de agenda van de school/);
    expect(page).toContain("Bij een gelijke uitkomst gaat de vraag met de hoogste prioriteit van de school voor.");
  });
});
