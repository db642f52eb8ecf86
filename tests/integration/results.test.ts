import { describe, expect, it } from "vitest";
import { withServer } from "../support/with-server";

const t = withServer();

type ApiResult = { id: string; title: string; visibility: string; school: { id: string; name: string }; themes: string[]; actions: { open: number; done: number } };

const signedIn = (email: string) => t.signedIn(email);

const ACCOUNTS = [
  "admin@demo.nl",
  "programmaleider@demo.nl",
  "schoolleider@demo.nl",
  "schoolleider2@demo.nl",
  "begeleider@demo.nl",
  "student@demo.nl",
  "student3@demo.nl",
  "expert@demo.nl",
];

/**
 * ARCHITECTURE §3 visibility, written independently in SQL: public for all;
 * region for anyone with a role in the region; partnership for the school's
 * partnerships (and admins); school for the school's own staff and the
 * project's members.
 */
function expectedVisible(email: string | null): string[] {
  if (!email) return (t.db.prepare("select id from results where visibility = 'public'").all() as { id: string }[]).map((r) => r.id).sort();
  return (
    t.db
      .prepare(
        `with me as (select id from users where email = ?),
         mine as (select * from memberships where user_id = (select id from me)),
         my_partnerships as (
           select partnership_id from mine where partnership_id is not null
           union select ps.partnership_id from partnership_schools ps join mine m on m.school_id = ps.school_id
           union select pi.partnership_id from partnership_institutes pi join mine m on m.institute_id = pi.institute_id
         ),
         my_regions as (
           select s.region_id from schools s join mine m on m.school_id = s.id
           union select i.region_id from institutes i join mine m on m.institute_id = i.id
           union select p.region_id from partnerships p join mine m on m.partnership_id = p.id
         ),
         is_admin as (select count(*) n from mine where role = 'admin')
         select r.id from results r join schools s on s.id = r.school_id
         where r.visibility = 'public'
            or r.school_id in (select school_id from mine where school_id is not null)
            or r.project_id in (select project_id from project_members where user_id = (select id from me))
            or (r.visibility = 'region' and ((select n from is_admin) > 0 or s.region_id in (select region_id from my_regions)))
            or (r.visibility = 'partnership' and ((select n from is_admin) > 0
                or r.school_id in (select school_id from partnership_schools where partnership_id in (select partnership_id from my_partnerships))))`,
      )
      .all(email) as { id: string }[]
  )
    .map((r) => r.id)
    .sort();
}

const allResults = () => t.db.prepare("select id, visibility, school_id from results").all() as { id: string; visibility: string; school_id: string }[];

describe("results visibility: every level against every account (API, pages, search)", () => {
  it("the seed has every visibility level, with a school-only result of school A1", () => {
    const levels = new Set(allResults().map((r) => r.visibility));
    expect(levels).toEqual(new Set(["school", "partnership", "region", "public"]));
    const a1 = (t.db.prepare("select id from schools where name = 'Basisschool De Regenboog'").get() as { id: string }).id;
    expect(allResults().some((r) => r.visibility === "school" && r.school_id === a1)).toBe(true);
  });

  it("answers 401 JSON on the API without a session", async () => {
    const response = await fetch(`${t.server.url}/api/v1/results`);
    expect(response.status).toBe(401);
  });

  for (const email of ACCOUNTS) {
    it(`${email}: API, search and detail pages show exactly what may be seen`, async () => {
      const client = await signedIn(email);
      const expected = expectedVisible(email);
      const body = (await (await client.get("/api/v1/results")).json()) as { results: ApiResult[] };
      expect(body.results.map((r) => r.id).sort()).toEqual(expected);
      for (const r of body.results) {
        expect(Object.keys(r).sort()).toEqual(["actions", "id", "school", "themes", "title", "visibility"]);
        expect(Object.keys(r.actions).sort()).toEqual(["done", "open"]);
      }
      for (const result of allResults()) {
        const page = await client.get(`/opbrengsten/${result.id}`);
        expect(page.status, `${email} → ${result.visibility} result`).toBe(expected.includes(result.id) ? 200 : 404);
      }
      // Full-text search respects the same rule.
      const search = (await (await client.get("/api/v1/results?q=leerlingen")).json()) as { results: ApiResult[] };
      expect(search.results.every((r) => expected.includes(r.id))).toBe(true);
    });
  }

  it("anonymous visitors read public results only; the rest sends them to the login page", async () => {
    const expected = expectedVisible(null);
    for (const result of allResults()) {
      const page = await fetch(`${t.server.url}/opbrengsten/${result.id}`, { redirect: "manual" });
      if (expected.includes(result.id)) {
        expect(page.status).toBe(200);
        expect(await page.text()).toContain("Deze opbrengst is openbaar");
      } else {
        expect(page.status).toBe(302);
        expect(page.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
      }
    }
  });

  it("full-text search finds results by Dutch stems", async () => {
    const client = await signedIn("schoolleider2@demo.nl");
    const body = (await (await client.get("/api/v1/results?q=voorlezen")).json()) as { results: ApiResult[] };
    expect(body.results.map((r) => r.title)).toContain("Voorleesontbijt met ouders: opkomst en effect op leesplezier");
  });
});

describe("implementation actions", () => {
  const resultOf = (visibility: string) =>
    (t.db.prepare("select id from results where visibility = ? order by published_at limit 1").get(visibility) as { id: string }).id;
  const actionOf = (resultId: string) =>
    t.db.prepare("select id, status from actions where result_id = ? and status != 'gedaan' limit 1").get(resultId) as { id: string; status: string };

  it("lets the school's schoolleider move an action to done, which the counts show", async () => {
    const resultId = resultOf("school");
    const action = actionOf(resultId);
    const client = await signedIn("schoolleider@demo.nl");
    const before = ((await (await client.get("/api/v1/results")).json()) as { results: ApiResult[] }).results.find((r) => r.id === resultId)!;
    const response = await client.post(`/opbrengsten/${resultId}`, { actionId: action.id, status: "gedaan" });
    expect(response.status).toBe(302);
    const after = ((await (await client.get("/api/v1/results")).json()) as { results: ApiResult[] }).results.find((r) => r.id === resultId)!;
    expect(after.actions.done).toBe(before.actions.done + 1);
    expect(after.actions.open).toBe(before.actions.open - 1);
    expect(await (await client.get(`/opbrengsten/${resultId}`)).text()).toMatch(/\d van \d acties gedaan/);
  });

  it("needs a reason to let an action go, and stores nothing without one", async () => {
    const resultId = resultOf("school");
    const action = actionOf(resultId);
    const client = await signedIn("schoolleider@demo.nl");
    const response = await client.post(`/opbrengsten/${resultId}`, { actionId: action.id, status: "losgelaten", reason: " " });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Schrijf op waarom");
    expect(actionOf(resultId).status).toBe(action.status);
  });

  it("refuses other schools and unknown statuses", async () => {
    const partnershipResult = resultOf("partnership"); // of school A2
    const action = t.db.prepare("select id, status from actions where result_id = ? limit 1").get(partnershipResult) as { id: string; status: string };
    const other = await signedIn("schoolleider@demo.nl"); // A1 may read A2's partnership result, not manage it
    expect((await other.post(`/opbrengsten/${partnershipResult}`, { actionId: action.id, status: "bezig" })).status).toBe(403);
    const owner = await signedIn("schoolleider2@demo.nl");
    expect((await owner.post(`/opbrengsten/${partnershipResult}`, { actionId: action.id, status: "verzonnen" })).status).toBe(400);
    const schoolOnly = resultOf("school");
    expect((await owner.post(`/opbrengsten/${schoolOnly}`, { actionId: "x", status: "gedaan" })).status).toBe(404);
    expect((t.db.prepare("select status from actions where id = ?").get(action.id) as { status: string }).status).toBe(action.status);
  });
});

describe("expert groups", () => {
  const group = (name: string) => (t.db.prepare("select id from expert_groups where name = ?").get(name) as { id: string }).id;

  it("lets anyone in the region join an open group and request a moderated one", async () => {
    const client = await signedIn("schoolleider2@demo.nl");
    const ict = group("Expertgroep ICT en digitale geletterdheid");
    expect((await client.post(`/expertgroepen/${ict}`, { intent: "join" })).status).toBe(302);
    const reading = group("Expertgroep Lezen en taal");
    expect((await client.post(`/expertgroepen/${reading}`, { intent: "join" })).status).toBe(302);
    const me = (t.db.prepare("select id from users where email = 'schoolleider2@demo.nl'").get() as { id: string }).id;
    expect(t.db.prepare("select group_id, status from expert_group_members where user_id = ? order by status").all(me)).toEqual([
      { group_id: ict, status: "active" },
      { group_id: reading, status: "requested" },
    ]);
  });

  it("lets members discuss a shared result; others may not post", async () => {
    const reading = group("Expertgroep Lezen en taal");
    const shared = (t.db.prepare("select result_id from expert_group_results where group_id = ?").get(reading) as { result_id: string }).result_id;
    const member = await signedIn("student@demo.nl");
    const posts = () => (t.db.prepare("select count(*) n from expert_group_posts where group_id = ?").get(reading) as { n: number }).n;
    const before = posts();
    expect((await member.post(`/expertgroepen/${reading}`, { intent: "post", resultId: shared, body: "Wij gaan dit ook proberen in groep 4." })).status).toBe(302);
    expect(posts()).toBe(before + 1);
    expect(await (await member.get(`/expertgroepen/${reading}`)).text()).toContain("Wij gaan dit ook proberen in groep 4.");

    const outsider = await signedIn("student3@demo.nl");
    expect((await outsider.post(`/expertgroepen/${reading}`, { intent: "post", resultId: shared, body: "Mag ik meepraten?" })).status).toBe(403);
    const notShared = (t.db.prepare("select id from results where id not in (select result_id from expert_group_results where group_id = ?) limit 1").get(reading) as { id: string }).id;
    expect((await member.post(`/expertgroepen/${reading}`, { intent: "post", resultId: notShared, body: "Elders" })).status).toBe(404);
    expect((await member.post(`/expertgroepen/${reading}`, { intent: "post", resultId: shared, body: "   " })).status).toBe(400);
    expect(posts()).toBe(before + 1);
  });
});
