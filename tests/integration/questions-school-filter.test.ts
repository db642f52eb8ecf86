import { describe, expect, it } from "vitest";
import { withServer } from "../support/with-server";

/**
 * The school filter on /vragen: a select for a partnership's schools, a name
 * field with suggestions once the actor sees more than SCHOOL_SELECT_MAX (60).
 */
const t = withServer();

const found = (html: string) => Number(/(\d+) vra(?:ag|gen) gevonden/.exec(html)?.[1] ?? NaN);
const visibleToAdmin = (schoolName?: string) =>
  (
    t.db
      .prepare(
        `select count(*) n from questions q join schools s on s.id = q.school_id
         where q.status != 'concept' and (? is null or s.name = ?)`,
      )
      .get(schoolName ?? null, schoolName ?? null) as { n: number }
  ).n;

describe("the school filter on /vragen", () => {
  it("is a select while there are few schools", async () => {
    const admin = await t.signedIn("admin@demo.nl");
    const html = await (await admin.get("/vragen")).text();
    expect(html).toMatch(/<select[^>]*name="school"/);
    expect(html).not.toContain('name="schoolnaam"');
  });

  it("becomes a name field with suggestions for a region of many schools", async () => {
    const region = (t.db.prepare("select id from regions limit 1").get() as { id: string }).id;
    const partnership = (t.db.prepare("select id from partnerships order by name desc limit 1").get() as { id: string }).id;
    const addSchool = t.db.prepare("insert into schools (id, region_id, name, sector, board, city, created_at) values (?, ?, ?, 'po', 'Stichting Test', ?, ?)");
    const link = t.db.prepare("insert into partnership_schools (partnership_id, school_id) values (?, ?)");
    t.db.transaction(() => {
      for (let i = 0; i < 70; i++) {
        const id = crypto.randomUUID();
        addSchool.run(id, region, `Testschool ${String(i).padStart(2, "0")}`, `Plaats ${i}`, new Date().toISOString());
        link.run(partnership, id);
      }
    })();

    const admin = await t.signedIn("admin@demo.nl");
    const page = await (await admin.get("/vragen")).text();
    expect(page).not.toMatch(/<select[^>]*name="school"/);
    expect(page).toContain('name="schoolnaam"');
    expect(page).not.toContain("Testschool 42"); // no list of every school in the page

    // A name that fits one school filters on it (case and accents do not matter).
    const one = await (await admin.get("/vragen?schoolnaam=RIVIERENCOLLEGE")).text();
    expect(found(one)).toBe(visibleToAdmin("Het Rivierencollege"));
    expect(found(one)).toBeLessThan(visibleToAdmin());
    expect(one).toContain('value="Het Rivierencollege"');

    // Several fit: suggestions that link to the school, and no filter yet.
    const several = await (await admin.get("/vragen?schoolnaam=testschool")).text();
    expect(several).toContain("Meerdere scholen passen bij ‘testschool’");
    expect(several).toContain("Er passen nog meer scholen");
    expect(found(several)).toBe(visibleToAdmin());
    const suggestion = /href="(\/vragen\?school=[^"]+)"[^>]*>Basisschool De Regenboog</.exec(
      await (await admin.get("/vragen?schoolnaam=basisschool")).text(),
    );
    expect(suggestion).not.toBeNull();
    const chosen = await (await admin.get(suggestion![1]!.replace(/&amp;/g, "&"))).text();
    expect(found(chosen)).toBe(visibleToAdmin("Basisschool De Regenboog"));

    // None fits: said so, and the list is not filtered.
    const none = await (await admin.get("/vragen?schoolnaam=Zwembad")).text();
    expect(none).toContain("Geen school gevonden met ‘Zwembad’");
    expect(found(none)).toBe(visibleToAdmin());
  });
});
