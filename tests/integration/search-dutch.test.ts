import { beforeAll, describe, expect, it } from "vitest";
import { withServer } from "../support/with-server";

/**
 * Issue 23: search finds the words people use. Dutch stems ("formatief" finds
 * "formatieve"), parts of compounds through trigrams ("motivatie" finds
 * "leesmotivatie"), school names ("Regenboog"), word matches ranked before
 * part-of-word matches, over questions and results; hostile input never a 5xx.
 */
const t = withServer();

type Q = { id: string; title: string; school: { name: string } };
const TITLES = {
  formative: "Hoe zetten we formatieve evaluatie in bij rekenen in groep 6?",
  compound: "Hoe vergroten we de leesmotivatie van jongens in groep 7?",
  compound2: "Werkt een spel voor de rekenmotivatie in de onderbouw?",
  word: "Welke motivatie hebben leerlingen om thuis te oefenen?",
};

beforeAll(() => {
  const school = (t.db.prepare("select id from schools where name = 'Het Rivierencollege'").get() as { id: string }).id;
  const insert = t.db.prepare(
    `insert into questions (id, school_id, title, background, desired_outcome, theme_id, sub_questions, sector, school_year, priority,
      student_capacity, supervisor_name, supervision_capacity, status, created_at, updated_at)
     values (?, ?, ?, 'Het team wil dit weten.', 'Een aanpak.', null, '[]', 'vo', '2026-2027', 950, 1, 'Testbegeleider', 1, 'open', ?, ?)`,
  );
  const now = new Date().toISOString();
  for (const title of Object.values(TITLES)) insert.run(crypto.randomUUID(), school, title, now, now);
  t.db
    .prepare(
      `insert into results (id, school_id, title, type, summary, theme_ids, visibility, published_at, created_at)
       values (?, ?, 'Leesmotivatie in de brugklas', 'samenvatting', 'Wat helpt jongens om te lezen.', '[]', 'public', ?, ?)`,
    )
    .run(crypto.randomUUID(), school, now, now);
});

async function questions(q: string, email = "admin@demo.nl"): Promise<Q[]> {
  const client = await t.signedIn(email);
  const response = await client.get(`/api/v1/questions?q=${encodeURIComponent(q)}&pageSize=100`);
  expect(response.status, q).toBe(200);
  return ((await response.json()) as { questions: Q[] }).questions;
}

describe("Dutch search over questions", () => {
  it('"formatief" finds "formatieve"', async () => {
    expect((await questions("formatief")).map((q) => q.title)).toContain(TITLES.formative);
  });

  it('"motivatie" finds compounds, with the whole word ranked first', async () => {
    const titles = (await questions("motivatie")).map((q) => q.title);
    expect(titles).toEqual(expect.arrayContaining([TITLES.word, TITLES.compound, TITLES.compound2]));
    expect(titles.indexOf(TITLES.word)).toBeLessThan(titles.indexOf(TITLES.compound));
    expect(titles.indexOf(TITLES.word)).toBeLessThan(titles.indexOf(TITLES.compound2));
  });

  it("a school name finds the school's questions", async () => {
    const found = await questions("Regenboog", "schoolleider@demo.nl");
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((q) => q.school.name === "Basisschool De Regenboog")).toBe(true);
  });

  it("pages through word and part-of-word matches without gaps or repeats", async () => {
    const client = await t.signedIn("admin@demo.nl");
    const all = (await questions("motivatie")).map((q) => q.id);
    const paged: string[] = [];
    for (let page = 1; page <= 20; page++) {
      const body = (await (await client.get(`/api/v1/questions?q=motivatie&page=${page}&pageSize=1`)).json()) as { questions: Q[]; hasNextPage: boolean };
      paged.push(...body.questions.map((q) => q.id));
      if (!body.hasNextPage) break;
    }
    expect(paged).toEqual(all);
  });
});

describe("Dutch search over results", () => {
  it('"motivatie" finds a result about "leesmotivatie", also for visitors', async () => {
    const client = await t.signedIn("schoolleider2@demo.nl");
    const body = (await (await client.get("/api/v1/results?q=motivatie")).json()) as { results: { title: string }[] };
    expect(body.results.map((r) => r.title)).toContain("Leesmotivatie in de brugklas");
    expect(await (await fetch(`${t.server.url}/opbrengsten?q=motivatie`)).text()).toContain("Leesmotivatie in de brugklas");
  });
});

describe("hostile search input", () => {
  const inputs = ['"', "NEAR(", "*", "-", "!!!", "...", "a".repeat(1000), 'lezen" OR "x', "NEAR(lezen rekenen, 2)", "title:lezen", "^lezen", "lezen -rekenen", "(", ")"];
  it("is answered with results or an empty list, never a 5xx", async () => {
    const client = await t.signedIn("admin@demo.nl");
    for (const q of inputs) {
      for (const path of [`/api/v1/questions?q=${encodeURIComponent(q)}`, `/api/v1/results?q=${encodeURIComponent(q)}`, `/vragen?q=${encodeURIComponent(q)}`, `/opbrengsten?q=${encodeURIComponent(q)}`]) {
        expect((await client.get(path)).status, `${path}`).toBe(200);
      }
      expect((await fetch(`${t.server.url}/opbrengsten?q=${encodeURIComponent(q)}`)).status, q).toBe(200);
    }
  });
});
