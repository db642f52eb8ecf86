import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withServer } from "../support/with-server";
import { demoPlan, upgradeStatus, waitFor, YClient, type DemoPlan } from "./collab-helpers";

/**
 * Contract 6.5 as amended by issue 20: one role × plan access table, checked
 * the three ways a person meets a plan — the JSON API, the plan page and the
 * WebSocket upgrade — on the demo plan (school A1, partnership A).
 */
const t = withServer({ COLLAB_UNLOAD_MS: "400" });
let plan: DemoPlan;
const sockets: YClient[] = [];

/** An existing demo person of school A1 with this role (the seed makes them). */
function staffOfA1(role: string): string {
  const row = t.db
    .prepare(
      `select u.email from users u join memberships m on m.user_id = u.id join schools s on s.id = m.school_id
       where m.role = ? and s.id = (select pr.school_id from plans p join projects pr on pr.id = p.project_id where p.id = ?)
       order by u.email limit 1`,
    )
    .get(role, plan.id) as { email: string } | undefined;
  if (!row) throw new Error(`no ${role} at school A1`);
  return row.email;
}

beforeAll(async () => {
  plan = await demoPlan(await t.signedIn("student@demo.nl"));
  // School A1 has no schoolopleider in the demo: give one of its teachers that role too,
  // and add one of its werkplekbegeleiders to the project as begeleider (as 6.14 does).
  const teacher = staffOfA1("leraar");
  const userId = (t.db.prepare("select id from users where email = ?").get(teacher) as { id: string }).id;
  const schoolId = (t.db.prepare("select school_id as s from memberships where user_id = ? and role = 'leraar'").get(userId) as { s: string }).s;
  t.db
    .prepare("insert into memberships (id, user_id, role, school_id, created_at) values (?, ?, 'schoolopleider', ?, ?)")
    .run(crypto.randomUUID(), userId, schoolId, new Date().toISOString());
  const wpb = staffOfA1("werkplekbegeleider");
  t.db
    .prepare(
      `insert into project_members (project_id, user_id, role, created_at)
       select p.project_id, u.id, 'begeleider', ? from plans p, users u where p.id = ? and u.email = ?`,
    )
    .run(new Date().toISOString(), plan.id, wpb);
});

afterAll(() => {
  for (const s of sockets) s.ws.terminate();
});

type Expected = "edit" | "comment" | "read" | null;

describe("plan access per role (contract 6.5, amended)", () => {
  it("answers the same access through /api/v1/plans, the plan page and the WebSocket upgrade", async () => {
    const table: [string, string, Expected][] = [
      ["student (author)", "student@demo.nl", "edit"],
      ["instituutsopleider (project begeleider)", "begeleider@demo.nl", "comment"],
      ["werkplekbegeleider (project begeleider)", staffOfA1("werkplekbegeleider"), "comment"],
      ["schoolleider of the question's school", "schoolleider@demo.nl", "comment"],
      ["onderzoekscoördinator of the question's school", staffOfA1("onderzoekscoordinator"), "comment"],
      ["schoolopleider of the question's school", staffOfA1("leraar"), "comment"],
      ["programmaleider of the partnership", "programmaleider@demo.nl", "read"],
      ["admin", "admin@demo.nl", "read"],
      ["schoolleider of another school", "schoolleider2@demo.nl", null],
      ["leraar of another school", "expert@demo.nl", null],
      ["student without a project", "student3@demo.nl", null],
    ];
    const seen: string[] = [];
    for (const [label, email, expected] of table) {
      const client = await t.signedIn(email);
      const body = (await (await client.get("/api/v1/plans")).json()) as { plans: DemoPlan[] };
      const access = body.plans.find((p) => p.id === plan.id)?.access ?? null;
      const page = await client.get(`/plannen/${plan.id}`);
      const upgrade = await upgradeStatus(t.server.url, plan.room, { cookie: client.cookieHeader() });
      seen.push(`${label}: api=${access} page=${page.status} ws=${upgrade}`);
      expect(access, label).toBe(expected);
      expect(page.status, label).toBe(expected ? 200 : 404);
      expect(upgrade, label).toBe(expected ? "open" : 403);
      if (expected === "comment") {
        // Comment access: the comment form is there, the editor is read-only.
        const html = await page.text();
        expect(html, label).toContain("Je kunt dit plan lezen maar niet wijzigen.");
      }
    }
    expect(seen).toHaveLength(table.length);
  });

  it("the schoolleider and the schoolopleider can comment; the programmaleider cannot", async () => {
    const body = { intent: "create", sectionId: "doel", body: "Past dit bij ons schoolplan? Graag afstemmen met het team." };
    const leader = await t.signedIn("schoolleider@demo.nl");
    expect((await leader.post(`/plannen/${plan.id}/reacties`, body)).status).toBe(302);
    const opleider = await t.signedIn(staffOfA1("leraar"));
    expect((await opleider.post(`/plannen/${plan.id}/reacties`, { ...body, body: "Ik kan helpen met de planning." })).status).toBe(302);
    const programme = await t.signedIn("programmaleider@demo.nl");
    expect((await programme.post(`/plannen/${plan.id}/reacties`, body)).status).toBe(403);
    const stored = t.db.prepare("select count(*) as n from plan_comments where body like 'Past dit bij ons schoolplan%'").get() as { n: number };
    expect(stored.n).toBe(1);
  });

  it("comment sockets of the school cannot change the document", async () => {
    const writer = new YClient(t.server.url, plan.room, (await t.signedIn("student@demo.nl")).cookieHeader());
    const leader = new YClient(t.server.url, plan.room, (await t.signedIn("schoolleider@demo.nl")).cookieHeader());
    const wpb = new YClient(t.server.url, plan.room, (await t.signedIn(staffOfA1("werkplekbegeleider"))).cookieHeader());
    sockets.push(writer, leader, wpb);
    await Promise.all([writer.synced, leader.synced, wpb.synced]);
    leader.writeParagraph("analyse", "SCHOOLLEIDER-SCHRIJFT-NIET");
    wpb.writeParagraph("analyse", "WERKPLEKBEGELEIDER-SCHRIJFT-NIET");
    writer.writeParagraph("analyse", "De student schrijft wel.");
    await waitFor(() => leader.text("analyse").includes("De student schrijft wel."), 15_000, "writer relayed");
    const md = await (await (await t.signedIn("student@demo.nl")).get(`/api/v1/plans/${plan.id}/export.md`)).text();
    expect(md).toContain("De student schrijft wel.");
    expect(md).not.toContain("SCHRIJFT-NIET");
    expect(writer.text("analyse")).not.toContain("SCHRIJFT-NIET");
  });
});
