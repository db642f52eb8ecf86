import { describe, expect, it } from "vitest";
import { withServer } from "../support/with-server";

/** The werkplekbegeleider is a person of the school's staff, or supervision comes from the lab or institute (issue 20). */
const t = withServer();
const one = <T>(sql: string, ...args: unknown[]) => t.db.prepare(sql).get(...args) as T;

describe("the werkplekbegeleider on a question", () => {
  it("is picked from the school's staff; someone of another school is refused and nothing is stored", async () => {
    const leader = await t.signedIn("schoolleider@demo.nl");
    const school = one<{ id: string; sector: string }>(
      "select s.id, s.sector from schools s join memberships m on m.school_id = s.id join users u on u.id = m.user_id where u.email = 'schoolleider@demo.nl'",
    );
    const own = one<{ id: string; name: string }>("select u.id, u.name from users u join memberships m on m.user_id = u.id where m.school_id = ? and m.role = 'werkplekbegeleider' order by u.name limit 1", school.id);
    const foreign = one<{ id: string }>("select u.id from users u join memberships m on m.user_id = u.id where m.school_id != ? and m.role = 'werkplekbegeleider' limit 1", school.id);
    const form = await (await leader.get("/vragen/nieuw")).text();
    expect(form).toContain("Werkplekbegeleider");
    expect(form).toContain(own.name);
    expect(form).toContain("Begeleiding vanuit het lab of de opleiding");
    const base = { intent: "save", schoolId: school.id, sector: school.sector, schoolYear: "2026-2027", studentCapacity: "2", supervisionCapacity: "1" };
    const before = one<{ n: number }>("select count(*) n from questions").n;
    const refused = await leader.post("/vragen/nieuw", { ...base, title: "Hoe werken we met leerdoelen in groep 5?", supervisorId: foreign.id });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Kies iemand van het team van deze school.");
    expect(one<{ n: number }>("select count(*) n from questions").n).toBe(before);

    expect((await leader.post("/vragen/nieuw", { ...base, title: "Hoe werken we met leerdoelen in groep 6?", supervisorId: own.id })).status).toBe(302);
    expect(one("select supervisor_id as id, supervisor_name as name, supervision_external as ext from questions where title = 'Hoe werken we met leerdoelen in groep 6?'")).toEqual({
      id: own.id,
      name: own.name,
      ext: 0,
    });
    expect((await leader.post("/vragen/nieuw", { ...base, title: "Hoe werken we met leerdoelen in groep 7?", supervisorId: "extern" })).status).toBe(302);
    expect(one("select supervisor_id as id, supervision_external as ext from questions where title = 'Hoe werken we met leerdoelen in groep 7?'")).toEqual({ id: null, ext: 1 });
  });
});
