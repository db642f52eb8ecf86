import { beforeAll, describe, expect, it } from "vitest";
import { withServer } from "../support/with-server";

/**
 * "Eerder onderzoek hierover" on a question page: results of other schools
 * about the same thing. Sharing one everyday word of the domain ("leerlingen",
 * "onderzoek") or a single other word is not enough; two distinctive words,
 * or one on the question's theme, are.
 */
const t = withServer();

let questionId: string;
const TITLES = {
  twoTerms: "Rekenmuurtjes en automatiseren in de middenbouw",
  theme: "Automatiseren met korte dagelijkse oefening",
  oneTerm: "Automatiseren van de schoolbel en het rooster",
  generic: "Hoe helpen we leerlingen met onderzoek in de klas",
  ownSchool: "Rekenmuurtjes en automatiseren bij ons op school",
};

beforeAll(() => {
  const db = t.db;
  const own = db.prepare("select s.id from schools s join memberships m on m.school_id = s.id join users u on u.id = m.user_id where u.email = 'schoolleider@demo.nl'").get() as { id: string };
  const other = db.prepare("select id from schools where id != ? order by name limit 1").get(own.id) as { id: string };
  const themes = db.prepare("select id from themes order by name_nl limit 2").all() as { id: string }[];
  const [theme, otherTheme] = [themes[0]!.id, themes[1]!.id];
  questionId = crypto.randomUUID();
  const now = new Date().toISOString();
  db.prepare(
    `insert into questions (id, school_id, title, background, desired_outcome, theme_id, sub_questions, sector, school_year, priority,
      student_capacity, supervisor_name, supervision_capacity, status, created_at, updated_at)
     values (?, ?, ?, 'Het team ziet verschillen.', 'Een aanpak.', ?, ?, 'po', '2026-2027', 900, 1, 'Testbegeleider', 1, 'open', ?, ?)`,
  ).run(
    questionId,
    own.id,
    "Hoe helpen we leerlingen met het automatiseren van rekenmuurtjes?",
    theme,
    JSON.stringify(["Welk onderzoek is er naar oefenen in de klas?"]),
    now,
    now,
  );
  const result = db.prepare(
    `insert into results (id, school_id, title, type, summary, theme_ids, visibility, published_at, created_at)
     values (?, ?, ?, 'samenvatting', ?, ?, 'public', ?, ?)`,
  );
  const add = (school: string, title: string, themeId: string) =>
    result.run(crypto.randomUUID(), school, title, "Wat het team leerde.", JSON.stringify([themeId]), now, now);
  add(other.id, TITLES.twoTerms, otherTheme);
  add(other.id, TITLES.theme, theme);
  add(other.id, TITLES.oneTerm, otherTheme);
  add(other.id, TITLES.generic, otherTheme);
  add(own.id, TITLES.ownSchool, theme);
});

describe("earlier research on a question page", () => {
  it("lists results of other schools that share two distinctive words or the theme, theme first", async () => {
    const client = await t.signedIn("schoolleider@demo.nl");
    const response = await client.get(`/vragen/${questionId}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    const section = html.slice(html.indexOf('id="related-title"'));
    const listed = section.slice(0, section.indexOf("</section>"));
    expect(listed).toContain(TITLES.twoTerms);
    expect(listed).toContain(TITLES.theme);
    expect(listed.indexOf(TITLES.theme)).toBeLessThan(listed.indexOf(TITLES.twoTerms));
    // One shared word in another theme is chance; everyday words never count; the school's own result is not "elsewhere".
    expect(listed).not.toContain(TITLES.oneTerm);
    expect(listed).not.toContain(TITLES.generic);
    expect(listed).not.toContain(TITLES.ownSchool);
  });
});
