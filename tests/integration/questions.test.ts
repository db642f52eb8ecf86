import { describe, expect, it } from "vitest";
import type { Client } from "../support/http";
import { VISIBLE_QUESTION_CTES, visibleQuestion } from "../support/question-visibility-sql";
import { withServer } from "../support/with-server";

const t = withServer();

type ApiQuestion = { id: string; title: string; status: string; school: { id: string; name: string }; themes: string[] };

const signedIn = (email: string) => t.signedIn(email);

/** Every page, following hasNextPage; below the count cap `total` must be the exact number. */
async function apiQuestions(client: Client, query = "", pageSize = 100): Promise<ApiQuestion[]> {
  const all: ApiQuestion[] = [];
  let total = -1;
  for (let page = 1; page < 50; page++) {
    const response = await client.get(`/api/v1/questions?pageSize=${pageSize}&page=${page}&total=1${query ? `&${query}` : ""}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { questions: ApiQuestion[]; total: number; totalCapped: boolean; hasNextPage: boolean };
    expect(body.totalCapped).toBe(false);
    total = body.total;
    all.push(...body.questions);
    if (!body.hasNextPage) break;
  }
  expect(all.length).toBe(total);
  return all;
}

const schoolId = (name: string) => (t.db.prepare("select id from schools where name = ?").get(name) as { id: string }).id;
const questionCount = () => (t.db.prepare("select count(*) n from questions").get() as { n: number }).n;

/** The questions the account may see, by the independent SQL of ARCHITECTURE §3. */
function expectedVisibleIds(email: string): string[] {
  return (
    t.db
      .prepare(
        `${VISIBLE_QUESTION_CTES}
         select q.id from questions q where ${visibleQuestion("q")}`,
      )
      .all(email) as { id: string }[]
  )
    .map((r) => r.id)
    .sort();
}

describe("GET /api/v1/questions (contract 6.5)", () => {
  it("answers 401 with a JSON error without a session", async () => {
    const response = await fetch(`${t.server.url}/api/v1/questions`);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: string }).error).toBeTruthy();
  });

  it("has the contract's shape", async () => {
    const client = await signedIn("schoolleider@demo.nl");
    const response = await client.get("/api/v1/questions");
    const body = (await response.json()) as { questions: ApiQuestion[] };
    expect(body.questions.length).toBeGreaterThan(0);
    for (const q of body.questions) {
      expect(typeof q.id).toBe("string");
      expect(typeof q.title).toBe("string");
      expect(typeof q.status).toBe("string");
      expect(Object.keys(q.school).sort()).toEqual(["id", "name"]);
      expect(Array.isArray(q.themes)).toBe(true);
    }
  });

  for (const email of [
    "admin@demo.nl",
    "programmaleider@demo.nl",
    "schoolleider@demo.nl",
    "schoolleider2@demo.nl",
    "begeleider@demo.nl",
    "student@demo.nl",
    "student3@demo.nl",
    "expert@demo.nl",
  ]) {
    it(`returns exactly what ${email} may see`, async () => {
      const client = await signedIn(email);
      const ids = (await apiQuestions(client)).map((q) => q.id).sort();
      expect(ids).toEqual(expectedVisibleIds(email));
      // Small pages walk the same set (hasNextPage and offsets line up).
      expect((await apiQuestions(client, "", 7)).map((q) => q.id).sort()).toEqual(ids);
    });
  }

  it("shows school A1's concepts to its schoolleider and to nobody outside the school", async () => {
    const a1 = schoolId("Basisschool De Regenboog");
    const concepts = (t.db.prepare("select id from questions where school_id = ? and status = 'concept'").all(a1) as { id: string }[]).map((r) => r.id);
    expect(concepts.length).toBeGreaterThanOrEqual(2);
    const own = (await apiQuestions(await signedIn("schoolleider@demo.nl"), "status=concept")).map((q) => q.id);
    expect(own.sort()).toEqual(expect.arrayContaining(concepts));
    for (const email of ["schoolleider2@demo.nl", "programmaleider@demo.nl", "admin@demo.nl", "student@demo.nl"]) {
      const seen = (await apiQuestions(await signedIn(email), "status=concept")).map((q) => q.id);
      expect(seen.filter((id) => concepts.includes(id))).toEqual([]);
    }
  });

  it("searches full text with Dutch stems: 'lezen' finds leesmotivatie", async () => {
    const client = await signedIn("programmaleider@demo.nl");
    const titles = (await apiQuestions(client, "q=lezen")).map((q) => q.title);
    expect(titles).toContain("Hoe vergroten we de leesmotivatie van leerlingen in groep 6 tot en met 8?");
    expect(titles.every((t) => /lees|lez/i.test(t) || t.length > 0)).toBe(true);
    const none = await apiQuestions(client, "q=xylofoonorkest");
    expect(none).toEqual([]);
  });

  it("sends a page past the end of the list to the last page", async () => {
    const client = await signedIn("schoolleider@demo.nl");
    const response = await client.get("/vragen?status=open&pagina=999");
    expect(response.status).toBe(302);
    const last = new URL(response.headers.get("location")!, "http://x").searchParams;
    expect(last.get("status")).toBe("open");
    const page = await (await client.get(`/vragen?${last}`)).text();
    expect(page).not.toContain("Geen vragen gevonden");
  });

  it("offers the Concept filter only to school staff, who alone can see concepts", async () => {
    const conceptOption = /<option value="concept"[^>]*>Concept<\/option>/;
    const school = await (await (await signedIn("schoolleider@demo.nl")).get("/vragen")).text();
    expect(school).toMatch(conceptOption);
    const filtered = await (await (await signedIn("schoolleider@demo.nl")).get("/vragen?status=concept")).text();
    expect(filtered).toMatch(/<option value="concept" selected="">Concept<\/option>/);
    for (const email of ["programmaleider@demo.nl", "student@demo.nl", "admin@demo.nl"]) {
      const client = await signedIn(email);
      expect(await (await client.get("/vragen")).text(), email).not.toMatch(conceptOption);
      // An old link with status=concept shows every visible question instead of an always-empty list.
      const page = await (await client.get("/vragen?status=concept")).text();
      expect(page, email).not.toContain("Geen vragen gevonden");
    }
  });

  it("filters by status and refuses an unknown status with 400", async () => {
    const client = await signedIn("programmaleider@demo.nl");
    const open = await apiQuestions(client, "status=open");
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((q) => q.status === "open")).toBe(true);
    const bad = await client.get("/api/v1/questions?status=verzonnen");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain("Onbekende status");
  });

  it("treats FTS syntax in q as plain words", async () => {
    const client = await signedIn("programmaleider@demo.nl");
    for (const q of ['"', "NEAR(", "title:*", "*", "a OR", "')--"]) {
      const response = await client.get(`/api/v1/questions?q=${encodeURIComponent(q)}`);
      expect(response.status).toBe(200);
    }
  });
});

function validQuestion(overrides: Record<string, string> = {}) {
  return {
    schoolId: schoolId("Basisschool De Regenboog"),
    title: "Hoe kunnen we de overgang van groep 2 naar groep 3 soepeler maken?",
    background: "Leerlingen in groep 3 hebben de eerste weken veel moeite met de nieuwe manier van werken.",
    desiredOutcome: "Een overgangsprogramma voor de kleutergroepen en groep 3.",
    visionFit: "",
    themeId: "welbevinden-gedrag",
    subQuestions: "Wat ervaren leerlingen?\nWat doen andere scholen?",
    sector: "po",
    schoolYear: "2026-2027",
    studentCapacity: "2",
    supervisorName: "Hannah Hendriks",
    supervisionCapacity: "2",
    intent: "save",
    ...overrides,
  };
}

describe("writing questions", () => {
  it("stores a concept with its history and shows it only to the own school", async () => {
    const client = await signedIn("schoolleider@demo.nl");
    const response = await client.post("/vragen/nieuw", validQuestion());
    expect(response.status).toBe(302);
    const id = response.headers.get("location")!.split("/").pop()!;
    const row = t.db.prepare("select status, sub_questions, author_id from questions where id = ?").get(id) as Record<string, string | undefined>;
    expect(row.status).toBe("concept");
    expect(JSON.parse(row.sub_questions!)).toEqual(["Wat ervaren leerlingen?", "Wat doen andere scholen?"]);
    expect(t.db.prepare("select to_status from question_events where question_id = ?").all(id)).toEqual([{ to_status: "concept" }]);
    expect((await client.get(`/vragen/${id}`)).status).toBe(200);
    const other = await signedIn("schoolleider2@demo.nl");
    expect((await other.get(`/vragen/${id}`)).status).toBe(404);
    const lead = await signedIn("programmaleider@demo.nl");
    expect((await lead.get(`/vragen/${id}`)).status).toBe(404);
  });

  const badCases: [string, Record<string, string>, number, string][] = [
    ["empty fields", { title: "", background: "", desiredOutcome: "", supervisorName: "" }, 400, "Vul de onderzoeksvraag in."],
    ["a 100,000-character title", { title: "x".repeat(100_000) }, 400, "Deze tekst is te lang."],
    ["an unknown theme", { themeId: "bestaat-niet" }, 400, "Dit thema bestaat niet"],
    ["another school", { schoolId: "" }, 400, "Kies een school"],
    ["a capacity below one", { studentCapacity: "-3" }, 400, "Vul een aantal tussen 1 en 20 in."],
    ["a malformed schooljaar", { schoolYear: "2026-2030" }, 400, "Vul een schooljaar in als 2026-2027."],
    ["nine deelvragen", { subQuestions: Array.from({ length: 9 }, (_, i) => `Deelvraag ${i}`).join("\n") }, 400, "Maximaal 8 deelvragen."],
  ];
  for (const [label, overrides, status, message] of badCases) {
    it(`refuses ${label} with ${status} and stores nothing`, async () => {
      const client = await signedIn("schoolleider@demo.nl");
      const before = questionCount();
      const response = await client.post("/vragen/nieuw", validQuestion(overrides));
      expect(response.status).toBe(status);
      expect(await response.text()).toContain(message);
      expect(questionCount()).toBe(before);
    });
  }

  it("answers an incomplete submission with 400, a summary above it and the field errors, storing nothing", async () => {
    const client = await signedIn("schoolleider@demo.nl");
    const before = questionCount();
    const response = await client.post("/vragen/nieuw", { ...validQuestion(), background: "", desiredOutcome: "", intent: "submit" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('role="alert">Controleer de gemarkeerde velden.');
    expect(html).toContain("Beschrijf de aanleiding.");
    expect(questionCount()).toBe(before);
  });

  it("keeps a half-written concept, and asks for what is missing only when it is submitted", async () => {
    const client = await signedIn("schoolleider@demo.nl");
    const draft = { ...validQuestion(), title: "Hoe maken we het schoolplein een leeromgeving?", background: "", desiredOutcome: "", themeId: "", supervisorName: "" };
    // Submitting straight from the form needs the whole question.
    const before = questionCount();
    expect((await client.post("/vragen/nieuw", { ...draft, intent: "submit" })).status).toBe(400);
    expect(questionCount()).toBe(before);

    const saved = await client.post("/vragen/nieuw", draft);
    expect(saved.status).toBe(302);
    const id = saved.headers.get("location")!.split("/").pop()!;
    expect(t.db.prepare("select status, theme_id, background from questions where id = ?").get(id)).toEqual({ status: "concept", theme_id: null, background: "" });

    const early = await client.post(`/vragen/${id}`, { intent: "transition", to: "ingediend" });
    expect(early.status).toBe(400);
    const earlyHtml = await early.text();
    expect(earlyHtml).toContain("Nog nodig: Aanleiding, Gewenste opbrengst, Thema, Werkplekbegeleider.");
    expect(earlyHtml).toContain('<p class="muted">Nog niet ingevuld.</p>'); // the empty aanleiding, not a bare heading
    expect((t.db.prepare("select status from questions where id = ?").get(id) as { status: string }).status).toBe("concept");

    const { intent: _intent, ...complete } = validQuestion({ title: draft.title });
    expect((await client.post(`/vragen/${id}/bewerken`, complete)).status).toBe(302);
    expect((await client.post(`/vragen/${id}`, { intent: "transition", to: "ingediend" })).status).toBe(302);
    expect((t.db.prepare("select status from questions where id = ?").get(id) as { status: string }).status).toBe("ingediend");
  });

  it("refuses a question for someone else's school with 403", async () => {
    const client = await signedIn("schoolleider@demo.nl");
    const before = questionCount();
    const response = await client.post("/vragen/nieuw", validQuestion({ schoolId: schoolId("Het Rivierencollege") }));
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("Je kunt alleen vragen schrijven voor je eigen school.");
    expect(questionCount()).toBe(before);
  });

  it("refuses students and teachers", async () => {
    for (const email of ["student@demo.nl", "expert@demo.nl"]) {
      const client = await signedIn(email);
      const before = questionCount();
      const response = await client.post("/vragen/nieuw", validQuestion({ schoolId: schoolId("Het Rivierencollege") }));
      expect(response.status).toBe(403);
      expect(questionCount()).toBe(before);
    }
  });

  it("shows script tags as text, never as markup", async () => {
    const client = await signedIn("schoolleider@demo.nl");
    const evil = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const response = await client.post(
      "/vragen/nieuw",
      validQuestion({ title: `Hoe voorkomen we ${evil}?`, background: `${evil} ${"achtergrond ".repeat(3)}`, subQuestions: evil }),
    );
    expect(response.status).toBe(302);
    const html = await (await client.get(response.headers.get("location")!)).text();
    expect(html).not.toContain('<script>alert("x")</script>');
    expect(html).not.toContain("<img src=x onerror=alert(1)>");
    expect(html).toContain("&lt;script&gt;");
  });
});

describe("the status machine through the app", () => {
  let id: string;

  it("submit → open by the programmaleider, with history and notifications", async () => {
    const school = await signedIn("schoolleider@demo.nl");
    const created = await school.post("/vragen/nieuw", validQuestion({ title: "Hoe zetten we coöperatief leren in bij rekenen in groep 7?", intent: "submit" }));
    expect(created.status).toBe(302);
    id = created.headers.get("location")!.split("/").pop()!;
    expect((t.db.prepare("select status from questions where id = ?").get(id) as { status: string }).status).toBe("ingediend");
    const lead = await signedIn("programmaleider@demo.nl");
    const leadId = (t.db.prepare("select id from users where email = 'programmaleider@demo.nl'").get() as { id: string }).id;
    expect(t.db.prepare("select count(*) n from notifications where user_id = ? and link = ?").get(leadId, `/vragen/${id}`)).toEqual({ n: 1 });
    expect(await (await lead.get("/triage")).text()).toContain("coöperatief leren");

    // A school may not open its own question.
    const selfOpen = await school.post(`/vragen/${id}`, { intent: "transition", to: "open" });
    expect(selfOpen.status).toBe(403);
    expect(await selfOpen.text()).toContain("Je mag deze statuswijziging niet doen.");

    const opened = await lead.post(`/vragen/${id}`, { intent: "transition", to: "open" });
    expect(opened.status).toBe(302);
    expect((t.db.prepare("select status from questions where id = ?").get(id) as { status: string }).status).toBe("open");
    const history = t.db.prepare("select from_status, to_status, actor_id from question_events where question_id = ? order by id").all(id);
    expect(history).toEqual([
      expect.objectContaining({ from_status: null, to_status: "concept" }),
      expect.objectContaining({ from_status: "concept", to_status: "ingediend" }),
      expect.objectContaining({ from_status: "ingediend", to_status: "open", actor_id: leadId }),
    ]);
    const jeroen = (t.db.prepare("select id from users where email = 'schoolleider@demo.nl'").get() as { id: string }).id;
    expect(t.db.prepare("select count(*) n from notifications where user_id = ? and link = ?").get(jeroen, `/vragen/${id}`)).toEqual({ n: 1 });
    expect(await (await school.get("/")).text()).toMatch(/Meldingen, \d+ ongelezen/);
  });

  it("refuses a jump the lifecycle does not allow, and stores nothing", async () => {
    const lead = await signedIn("programmaleider@demo.nl");
    const events = (t.db.prepare("select count(*) n from question_events").get() as { n: number }).n;
    const response = await lead.post(`/vragen/${id}`, { intent: "transition", to: "geimplementeerd" });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("niet mogelijk vanuit de huidige status");
    const unknown = await lead.post(`/vragen/${id}`, { intent: "transition", to: "verzonnen" });
    expect(unknown.status).toBe(400);
    expect((t.db.prepare("select count(*) n from question_events").get() as { n: number }).n).toBe(events);
  });

  it("needs written feedback to send back, and shows it to the school", async () => {
    const lead = await signedIn("programmaleider@demo.nl");
    const empty = await lead.post(`/vragen/${id}`, { intent: "transition", to: "teruggestuurd", reason: "  " });
    expect(empty.status).toBe(400);
    const emptyHtml = await empty.text();
    expect(emptyHtml).toContain("Schrijf feedback voor de school");
    // The error sits at the reason field too, which is marked and described by it.
    expect(emptyHtml).toMatch(/<p class="field__error" id="reason-teruggestuurd-error">Schrijf feedback voor de school/);
    expect(emptyHtml).toMatch(/<textarea id="reason-teruggestuurd"[^>]*aria-invalid="true"[^>]*aria-describedby="reason-teruggestuurd-error reason-teruggestuurd-help"/);
    const sent = await lead.post(`/vragen/${id}`, {
      intent: "transition",
      to: "teruggestuurd",
      reason: "Beschrijf welke groepen meedoen en wat jullie al geprobeerd hebben.",
    });
    expect(sent.status).toBe(302);
    const school = await signedIn("schoolleider@demo.nl");
    const page = await (await school.get(`/vragen/${id}`)).text();
    expect(page).toContain("Feedback van het partnerschap");
    expect(page).toContain("Beschrijf welke groepen meedoen");
  });

  it("lets the school edit a sent-back question, but not another school", async () => {
    const other = await signedIn("schoolleider2@demo.nl");
    const theirs = await other.post(`/vragen/${id}/bewerken`, validQuestion({ title: "Overgenomen door een andere school, dit mag niet" }));
    expect(theirs.status).toBe(403);
    const school = await signedIn("schoolleider@demo.nl");
    const ok = await school.post(`/vragen/${id}/bewerken`, validQuestion({ title: "Hoe zetten we coöperatief leren in bij rekenen in groep 7 en 8?" }));
    expect(ok.status).toBe(302);
    expect((t.db.prepare("select title from questions where id = ?").get(id) as { title: string }).title).toContain("groep 7 en 8");
  });

  it("does not let anyone edit a submitted question", async () => {
    const school = await signedIn("schoolleider@demo.nl");
    expect((await school.post(`/vragen/${id}`, { intent: "transition", to: "ingediend" })).status).toBe(302);
    const response = await school.post(`/vragen/${id}/bewerken`, validQuestion({ title: "Nog even snel aanpassen na indienen" }));
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("Trek hem eerst terug");
  });
});

describe("near-duplicates for the programmaleider", () => {
  it("puts a question on the same theme first, not ones that only share words like 'helpen' and 'leren'", async () => {
    const school = await signedIn("schoolleider2@demo.nl");
    const created = await school.post(
      "/vragen/nieuw",
      validQuestion({
        schoolId: schoolId("Het Rivierencollege"),
        title: "Hoe helpen we nieuwkomers sneller Nederlands te leren via spel?",
        themeId: "meertaligheid-nt2",
        subQuestions: "",
        sector: "vo",
        intent: "submit",
      }),
    );
    expect(created.status).toBe(302);
    const lead = await signedIn("programmaleider@demo.nl");
    const html = await (await lead.get(created.headers.get("location")!)).text();
    const section = html.split('id="similar-title"')[1]!.split("</section>")[0]!;
    const titles = [...section.matchAll(/<a [^>]*href="\/vragen\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]!);
    expect(titles[0]).toBe("Hoe kunnen we meertaligheid van leerlingen inzetten als kracht in de klas?");
    // School A1's concept about parents of newcomers shares a word, but it is not the partnership's to see.
    expect(titles.join("\n")).not.toContain("ouders van nieuwkomers");
  });
});

describe("the onderzoeksagenda", () => {
  it("lets the schoolleider move a question up, keeping priorities 1..n", async () => {
    const school = await signedIn("schoolleider@demo.nl");
    const a1 = schoolId("Basisschool De Regenboog");
    const order = () =>
      (t.db.prepare("select id, priority from questions where school_id = ? and school_year = '2026-2027' and status != 'gearchiveerd' order by priority").all(a1) as {
        id: string;
        priority: number;
      }[]);
    const before = order();
    const second = before[1]!.id;
    const response = await school.post("/agenda", { questionId: second, direction: "up" });
    expect(response.status).toBe(302);
    const after = order();
    expect(after[0]!.id).toBe(second);
    expect(after.map((r) => r.priority)).toEqual(after.map((_, i) => i + 1));
    const page = await (await school.get("/agenda")).text();
    expect(page.indexOf(after[0]!.id)).toBeLessThan(page.indexOf(after[1]!.id));
  });

  it("refuses another school's schoolleider and teachers", async () => {
    const a1Question = (t.db.prepare("select id from questions where school_id = ? limit 1").get(schoolId("Basisschool De Regenboog")) as { id: string }).id;
    for (const email of ["schoolleider2@demo.nl", "expert@demo.nl", "student@demo.nl"]) {
      const client = await signedIn(email);
      const response = await client.post("/agenda", { questionId: a1Question, direction: "down" });
      expect(response.status).toBe(403);
    }
    const bad = await (await signedIn("schoolleider@demo.nl")).post("/agenda", { questionId: a1Question, direction: "sideways" });
    expect(bad.status).toBe(400);
  });
});
