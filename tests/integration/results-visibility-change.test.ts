import { describe, expect, it } from "vitest";
import { withServer } from "../support/with-server";

/**
 * Issue 23, results page: a published result's visibility can change.
 * Lowering is at once (and withdraws it from expert groups, the showcase and
 * OAI, where it becomes a deleted record); raising asks the consents again.
 */
const t = withServer();

const resultByTitle = (prefix: string) =>
  t.db.prepare("select id, visibility from results where title like ?").get(`${prefix}%`) as { id: string; visibility: string };
const visibility = (id: string) => (t.db.prepare("select visibility from results where id = ?").get(id) as { visibility: string }).visibility;
const oaiRecord = async (id: string) => (await fetch(`${t.server.url}/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:127.0.0.1:result/${id}`)).text();

describe("changing a published result's visibility", () => {
  it("a schoolleider raises a result without students to public at once, and lowering it withdraws it everywhere", async () => {
    const { id } = resultByTitle("Rijke teksten bij wereldoriëntatie");
    const leader = await t.signedIn("schoolleider@demo.nl");
    const page = await (await leader.get(`/opbrengsten/${id}`)).text();
    expect(page).toContain("Zichtbaarheid wijzigen");

    const raise = await leader.post(`/opbrengsten/${id}`, { intent: "visibility", visibility: "public" });
    expect(raise.status).toBe(302);
    expect(visibility(id)).toBe("public");
    expect((await fetch(`${t.server.url}/opbrengsten/${id}`, { redirect: "manual" })).status).toBe(200);
    expect(await oaiRecord(id)).toContain("<metadata>");

    // Shared into an expert group while public.
    const group = t.db.prepare("select id from expert_groups order by name limit 1").get() as { id: string };
    const me = t.db.prepare("select id from users where email = 'schoolleider@demo.nl'").get() as { id: string };
    t.db.prepare("insert or ignore into expert_group_members (group_id, user_id, role, status, created_at) values (?, ?, 'member', 'active', ?)").run(group.id, me.id, new Date().toISOString());
    expect((await leader.post(`/opbrengsten/${id}`, { intent: "share", groupId: group.id })).status).toBe(302);
    expect(t.db.prepare("select count(*) as n from expert_group_results where result_id = ?").get(id)).toEqual({ n: 1 });

    const lower = await leader.post(`/opbrengsten/${id}`, { intent: "visibility", visibility: "partnership" });
    expect(lower.status).toBe(302);
    expect(visibility(id)).toBe("partnership");
    expect(t.db.prepare("select count(*) as n from expert_group_results where result_id = ?").get(id)).toEqual({ n: 0 });
    expect((await fetch(`${t.server.url}/opbrengsten/${id}`, { redirect: "manual" })).status).toBe(302);
    expect(await (await fetch(`${t.server.url}/opbrengsten`)).text()).not.toContain("Rijke teksten bij wereldori");
    const record = await oaiRecord(id);
    expect(record).toContain('<header status="deleted">');
    expect(record).not.toContain("<metadata>");
  });

  it("raising a project's result waits for every student's consent", async () => {
    const project = t.db
      .prepare("select p.id, p.school_id from projects p join project_members m on m.project_id = p.id join users u on u.id = m.user_id where u.email = 'student@demo.nl' limit 1")
      .get() as { id: string; school_id: string };
    const id = crypto.randomUUID();
    const now = new Date().toISOString();
    t.db
      .prepare("insert into results (id, project_id, school_id, title, type, summary, visibility, published_at, created_at) values (?, ?, ?, 'Projectopbrengst over spelling', 'poster', 'Wat we vonden.', 'school', ?, ?)")
      .run(id, project.id, project.school_id, now, now);
    const student = await t.signedIn("student@demo.nl");
    const ask = await student.post(`/opbrengsten/${id}`, { intent: "visibility", visibility: "region" });
    expect(ask.status).toBe(302);
    expect(visibility(id)).toBe("school"); // the other student and the schoolleider have not consented yet
    const page = await (await student.get(`/opbrengsten/${id}`)).text();
    expect(page).toContain("Toestemming");
    for (const email of ["student2@demo.nl", "schoolleider@demo.nl"]) {
      const client = await t.signedIn(email);
      expect((await client.post(`/opbrengsten/${id}`, { intent: "consent" })).status, email).toBe(302);
    }
    expect(visibility(id)).toBe("region");
  });

  it("refuses people outside the school and the project, and bad levels", async () => {
    const { id } = resultByTitle("LOB in havo 4");
    const other = await t.signedIn("schoolleider@demo.nl");
    expect((await other.post(`/opbrengsten/${id}`, { intent: "visibility", visibility: "school" })).status).toBe(403);
    expect(visibility(id)).toBe("region");
    const { id: own } = resultByTitle("Rijke teksten bij wereldoriëntatie");
    expect((await other.post(`/opbrengsten/${own}`, { intent: "visibility", visibility: "iedereen" })).status).toBe(400);
  });
});

describe("sharing into an expert group", () => {
  it("explains which visibility a group needs, and offers to raise it to those who may", async () => {
    const { id } = resultByTitle("Een veilig klimaat voor lhbtiq+");
    const expert = await t.signedIn("expert@demo.nl");
    const page = await (await expert.get(`/opbrengsten/${id}`)).text();
    expect(page).toContain("Expertgroepen zijn regionaal");
    expect(page).toContain("Vraag de studenten of de schoolleider");
    const leader = await t.signedIn("schoolleider2@demo.nl");
    const me = t.db.prepare("select id from users where email = 'schoolleider2@demo.nl'").get() as { id: string };
    const group = t.db.prepare("select id from expert_groups order by name limit 1").get() as { id: string };
    t.db.prepare("insert or ignore into expert_group_members (group_id, user_id, role, status, created_at) values (?, ?, 'member', 'active', ?)").run(group.id, me.id, new Date().toISOString());
    const own = await (await leader.get(`/opbrengsten/${id}`)).text();
    expect(own).toContain("Vraag om zichtbaarheid in de regio");
  });
});
