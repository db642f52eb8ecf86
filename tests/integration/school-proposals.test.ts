import { describe, expect, it } from "vitest";
import { withServer } from "../support/with-server";

/** Teachers bring questions (issue 20): propose, adopt as concept, or decline with a reason. */
const t = withServer();
const count = (sql: string, ...args: unknown[]) => (t.db.prepare(sql).get(...args) as { n: number }).n;

describe("a teacher's proposal", () => {
  it("is proposed by a leraar, refused without text or from elsewhere, and adopted or declined by the school's leadership", async () => {
    // expert@demo.nl is a leraar at school A2; schoolleider2@demo.nl leads A2.
    const teacher = await t.signedIn("expert@demo.nl");
    const leader = await t.signedIn("schoolleider2@demo.nl");
    const schoolId = (t.db.prepare("select m.school_id as id from memberships m join users u on u.id = m.user_id where u.email = 'expert@demo.nl' and m.role = 'leraar'").get() as { id: string }).id;
    const otherSchool = (t.db.prepare("select m.school_id as id from memberships m join users u on u.id = m.user_id where u.email = 'schoolleider@demo.nl'").get() as { id: string }).id;

    const empty = await teacher.post("/voorstellen", { intent: "propose", schoolId, title: "   ", background: "" });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Schrijf eerst je vraag.");
    expect((await teacher.post("/voorstellen", { intent: "propose", schoolId: otherSchool, title: "Elders?" })).status).toBe(403);
    expect((await leader.post("/voorstellen", { intent: "propose", schoolId, title: "De schoolleider stelt niet voor" })).status).toBe(403);
    expect(count("select count(*) n from question_proposals")).toBe(0);

    const title = "Hoe geven we feedback die leerlingen echt gebruiken?";
    expect((await teacher.post("/voorstellen", { intent: "propose", schoolId, title, background: "In de sectie wiskunde zien we dat feedback blijft liggen." })).status).toBe(302);
    expect((await teacher.post("/voorstellen", { intent: "propose", schoolId, title: "Werkt co-teaching in de onderbouw?" })).status).toBe(302);
    expect(count("select count(*) n from notifications where kind = 'proposal.new'")).toBeGreaterThan(0);
    const page = await (await leader.get("/voorstellen")).text();
    expect(page).toContain(title);
    expect(page).toContain("Overnemen als concept en aanpassen");
    expect(await (await leader.get("/")).text()).toContain("voorstel(len) van leraren wachten op je antwoord");
    // Another school's leadership sees nothing and decides nothing.
    const stranger = await t.signedIn("schoolleider@demo.nl");
    expect(await (await stranger.get("/voorstellen")).text()).not.toContain(title);
    const [first, second] = t.db.prepare("select id, title from question_proposals order by title").all() as { id: string; title: string }[];
    const feedbackProposal = [first!, second!].find((p) => p.title === title)!;
    const coTeaching = [first!, second!].find((p) => p.title !== title)!;
    expect((await stranger.post("/voorstellen", { intent: "adopt", proposalId: feedbackProposal.id })).status).toBe(403);
    expect((await teacher.post("/voorstellen", { intent: "adopt", proposalId: feedbackProposal.id })).status).toBe(403);

    const adopted = await leader.post("/voorstellen", { intent: "adopt", proposalId: feedbackProposal.id });
    expect(adopted.status).toBe(302);
    const row = t.db.prepare("select status, question_id from question_proposals where id = ?").get(feedbackProposal.id) as { status: string; question_id: string };
    expect(row.status).toBe("overgenomen");
    expect(adopted.headers.get("location")).toBe(`/vragen/${row.question_id}/bewerken`);
    expect(t.db.prepare("select status, title, school_id from questions where id = ?").get(row.question_id)).toEqual({ status: "concept", title, school_id: schoolId });
    expect((await leader.post("/voorstellen", { intent: "adopt", proposalId: feedbackProposal.id })).status).toBe(409);

    const noReason = await leader.post("/voorstellen", { intent: "decline", proposalId: coTeaching.id, reason: " " });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("Geef een reden");
    expect((t.db.prepare("select status from question_proposals where id = ?").get(coTeaching.id) as { status: string }).status).toBe("open");
    expect((await leader.post("/voorstellen", { intent: "decline", proposalId: coTeaching.id, reason: "Dit loopt al via het lab." })).status).toBe(302);
    const mine = await (await teacher.get("/voorstellen")).text();
    expect(mine).toContain("Waarom niet: Dit loopt al via het lab.");
    expect(mine).toContain("Overgenomen");
    expect(await (await teacher.get("/meldingen")).text()).toContain("is niet overgenomen: Dit loopt al via het lab.");
  });
});
