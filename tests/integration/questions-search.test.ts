import { beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../support/http";
import { VISIBLE_QUESTION_CTES, visibleQuestion } from "../support/question-visibility-sql";
import { stemWord, trigramQuery, wordQuery } from "../../app/domain/dutch-stem";
import { withServer } from "../support/with-server";

/**
 * Full-text search at a size where its shortcuts matter: more than COUNT_CAP
 * (500) matches, and the best-scoring matches all invisible to a school in
 * the other partnership, so the candidate window (500 best matches) runs dry
 * and the search has to fall back to all matches. Expectations come from
 * independent SQL over the same database.
 */
const t = withServer();

type ApiBody = {
  questions: { id: string; title: string; status: string }[];
  total: number;
  totalCapped: boolean;
  hasNextPage: boolean;
};

const WORD = "zwemvaardigheid";
const MATCH = `"${stemWord(WORD)}"*`; // what the app makes of the word: a prefix query on its Dutch stem

const schoolId = (name: string) => (t.db.prepare("select id from schools where name = ?").get(name) as { id: string }).id;

beforeAll(() => {
  const insert = t.db.prepare(
    `insert into questions (id, school_id, title, background, desired_outcome, theme_id, sub_questions, sector, school_year, priority,
      student_capacity, supervisor_name, supervision_capacity, status, created_at, updated_at)
     values (?, ?, ?, ?, ?, null, '[]', ?, '2026-2027', ?, 1, 'Testbegeleider', 1, ?, ?, ?)`,
  );
  const now = new Date().toISOString();
  const add = (school: string, sector: string, status: string, title: string, background: string, i: number) =>
    insert.run(crypto.randomUUID(), schoolId(school), title, background, "Een aanpak voor het team.", sector, 1000 + i, status, now, now);
  t.db.transaction(() => {
    // Partnership B, the word in the title (scores best): 1,150 questions.
    for (let i = 0; i < 1150; i++) {
      add("Waalhaven Lyceum", "vo", "open", `Hoe versterken we ${WORD} in klas ${i % 6}? (${i})`, "Het team ziet verschillen.", i);
    }
    // Partnership A: concepts of A3 with the word in the title (only for A3's staff),
    // and open questions with the word in the background only (they score lower).
    for (let i = 0; i < 5; i++) {
      add("OBS De Vlinderhof", "po", "concept", `Concept over ${WORD} in groep ${i}`, "Nog niet ingediend.", 2000 + i);
    }
    for (let i = 0; i < 30; i++) {
      add("OBS De Vlinderhof", "po", "open", `Hoe leren kinderen veilig bewegen in het water? (${i})`, `Aanleiding: ${WORD} van ${"leerlingen ".repeat(i % 4)}groep ${i % 8}.`, 3000 + i);
    }
    // School A1's own concepts: its own staff see them.
    for (let i = 0; i < 3; i++) {
      add("Basisschool De Regenboog", "po", "concept", `Eigen concept over ${WORD} (${i})`, "Nog niet ingediend.", 4000 + i);
    }
  })();
});

// The server stems new rows before its next search (migration 0013): one search, then the index is complete.
beforeAll(async () => {
  const client = await t.signedIn("admin@demo.nl");
  expect((await client.get("/api/v1/questions?q=index")).status).toBe(200);
  expect((t.db.prepare("select count(*) as n from search_queue").get() as { n: number }).n).toBe(0);
});

/** Every match the account may see (ARCHITECTURE §3), in relevance order: bm25 (title weighs most), then newest rowid. */
function expectedMatches(email: string, status?: string): string[] {
  return (
    t.db
      .prepare(
        `${VISIBLE_QUESTION_CTES}
         select q.id from questions_words f join questions q on q.rowid = f.rowid
         where questions_words match ?
           and ${visibleQuestion("q")}
           and (? is null or q.status = ?)
         order by bm25(questions_words, 10.0, 2.0, 3.0), q.rowid desc`,
      )
      .all(email, MATCH, status ?? null, status ?? null) as { id: string }[]
  ).map((r) => r.id);
}

/**
 * A part of a word ("vaardigheid" inside "zwemvaardigheid"): the word matches
 * first (bm25, then newest), then the trigram-only matches: those with the
 * part in the title first, then the rest, each newest first.
 */
function expectedPartMatches(email: string, part: string): string[] {
  const words = wordQuery(part);
  const trigrams = trigramQuery(part)!;
  const ids = (sql: string, ...args: unknown[]) => (t.db.prepare(sql).all(email, ...args) as { id: string }[]).map((r) => r.id);
  const wordTier = words
    ? ids(
        `${VISIBLE_QUESTION_CTES} select q.id from questions_words f join questions q on q.rowid = f.rowid
         where questions_words match ? and ${visibleQuestion("q")} order by bm25(questions_words, 10.0, 2.0, 3.0), q.rowid desc`,
        words,
      )
    : [];
  const trigramTier = ids(
    `${VISIBLE_QUESTION_CTES} select q.id from questions_trigram f join questions q on q.rowid = f.rowid
     where questions_trigram match ? and ${visibleQuestion("q")}
       and (? is null or q.rowid not in (select rowid from questions_words where questions_words match ?))
     order by (q.rowid not in (select rowid from questions_trigram where questions_trigram match ?)), q.rowid desc`,
    trigrams, words, words, `title : (${trigrams})`,
  );
  return [...wordTier, ...trigramTier];
}

async function page(client: Client, pageNumber: number, pageSize: number, extra = "", q = WORD): Promise<ApiBody> {
  const response = await client.get(`/api/v1/questions?q=${q}&page=${pageNumber}&pageSize=${pageSize}&total=1${extra}`);
  expect(response.status).toBe(200);
  return (await response.json()) as ApiBody;
}

/** Pages on hasNextPage until the end; returns the ids in order and every page's body. */
async function allPages(client: Client, pageSize: number, extra = "", q = WORD) {
  const ids: string[] = [];
  const bodies: ApiBody[] = [];
  for (let n = 1; n <= 100; n++) {
    const body = await page(client, n, pageSize, extra, q);
    bodies.push(body);
    ids.push(...body.questions.map((q) => q.id));
    if (!body.hasNextPage) break;
  }
  return { ids, bodies };
}

describe("full-text search over more than a thousand matches", () => {
  it("gives a school exactly its visible matches in relevance order when the best matches are all invisible", async () => {
    const expected = expectedMatches("schoolleider@demo.nl");
    // 30 open questions of A3 and A1's own 3 concepts; not B1's 1,150, not A3's concepts.
    expect(expected).toHaveLength(33);
    const { ids, bodies } = await allPages(await t.signedIn("schoolleider@demo.nl"), 10);
    expect(ids).toEqual(expected);
    expect(bodies.map((b) => b.questions.length)).toEqual([10, 10, 10, 3]);
    for (const body of bodies) expect({ total: body.total, totalCapped: body.totalCapped }).toEqual({ total: 33, totalCapped: false });
  });

  it("pages an admin through 1,180 matches in relevance order, with the count capped at 500", async () => {
    const expected = expectedMatches("admin@demo.nl");
    expect(expected).toHaveLength(1180); // B1's 1,150 and A3's 30 open questions; no concepts
    const { ids, bodies } = await allPages(await t.signedIn("admin@demo.nl"), 100);
    expect(ids).toEqual(expected);
    expect(bodies.slice(0, -1).every((b) => b.hasNextPage && b.questions.length === 100)).toBe(true);
    expect(bodies.at(-1)!.hasNextPage).toBe(false);
    expect({ total: bodies[0]!.total, totalCapped: bodies[0]!.totalCapped }).toEqual({ total: 500, totalCapped: true });
  });

  it("keeps the same order with a filter (which ranks all matches)", async () => {
    const expected = expectedMatches("admin@demo.nl", "open");
    expect(expected).toHaveLength(1180);
    const { ids, bodies } = await allPages(await t.signedIn("admin@demo.nl"), 100, "&status=open");
    expect(ids).toEqual(expected);
    expect(bodies[0]).toMatchObject({ total: 500, totalCapped: true, hasNextPage: true });
    const concepts = expectedMatches("schoolleider@demo.nl", "concept");
    expect(concepts).toHaveLength(3); // A1's own, not A3's
    expect((await allPages(await t.signedIn("schoolleider@demo.nl"), 2, "&status=concept")).ids).toEqual(concepts);
  });

  it("counts only on request (total=1): otherwise total is null while a next page follows, and exact on the last page", async () => {
    const client = await t.signedIn("schoolleider@demo.nl");
    const first = (await (await client.get(`/api/v1/questions?q=${WORD}&pageSize=5`)).json()) as ApiBody;
    expect(first).toMatchObject({ total: null, totalCapped: false, hasNextPage: true });
    expect(first.questions).toHaveLength(5);
    const last = (await (await client.get(`/api/v1/questions?q=${WORD}&pageSize=5&page=7`)).json()) as ApiBody;
    expect(last).toMatchObject({ total: 33, hasNextPage: false });
    expect(last.questions).toHaveLength(3);
  });

  it("counts exactly below the cap", async () => {
    const client = await t.signedIn("schoolleider@demo.nl");
    const body = await page(client, 1, 5);
    expect(body).toMatchObject({ total: 33, totalCapped: false, hasNextPage: true });
    const beyond = await page(client, 9, 5);
    expect(beyond).toMatchObject({ questions: [], total: 33, totalCapped: false, hasNextPage: false });
  });

  it("says 'meer dan 500' on /vragen above the cap and keeps a next page", async () => {
    const admin = await t.signedIn("admin@demo.nl");
    const html = await (await admin.get(`/vragen?q=${WORD}`)).text();
    expect(html).toContain("Meer dan 500 vragen gevonden");
    expect(html).toMatch(/<span>Pagina 1<\/span>/);
    expect(html).toContain(`pagina=2`);
    const deep = await (await admin.get(`/vragen?q=${WORD}&pagina=55`)).text();
    expect(deep).toContain("Meer dan 500 vragen gevonden");
    expect(deep).toMatch(/<span>Pagina 55<\/span>/);
    expect(deep).toContain("pagina=54");

    const school = await t.signedIn("schoolleider@demo.nl");
    const own = await (await school.get(`/vragen?q=${WORD}&pagina=2`)).text();
    expect(own).toContain("33 vragen gevonden");
    expect(own).toContain("<span>Pagina 2 van 2</span>");
  });

  it("pages through parts of words (the trigram tier) in the same order, whether the best candidates are visible or not", async () => {
    const PART = "vaardigheid"; // inside every "zwemvaardigheid"; a word of its own nowhere in this fixture
    const forAdmin = expectedPartMatches("admin@demo.nl", PART);
    expect(forAdmin.length).toBeGreaterThanOrEqual(1180);
    const admin = await allPages(await t.signedIn("admin@demo.nl"), 100, "", PART);
    expect(admin.ids).toEqual(forAdmin);
    expect(admin.bodies[0]).toMatchObject({ total: 500, totalCapped: true, hasNextPage: true });
    // The school sees none of B1's 1,150 title matches: the window of best candidates runs dry.
    const forSchool = expectedPartMatches("schoolleider@demo.nl", PART);
    expect(forSchool.length).toBeGreaterThanOrEqual(33);
    const school = await allPages(await t.signedIn("schoolleider@demo.nl"), 10, "", PART);
    expect(school.ids).toEqual(forSchool);
    expect(school.bodies[0]!.total).toBe(forSchool.length);
  });
});
