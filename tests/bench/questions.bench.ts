import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "../../db/client";
import { runMigrations } from "../../db/migrate";
import { seedDemo } from "../../scripts/seed/index";
import { seededRandom } from "../../scripts/seed/people";
import { Client } from "../support/http";
import { startServer } from "../support/server";
import { round, summarise, type Timing } from "./stats";

const SCHOOLS = 500;
const QUESTIONS = 20_000;

const TOPICS = [
  "leesmotivatie", "begrijpend lezen", "rekenvaardigheid", "woordenschat", "ouderbetrokkenheid", "burgerschap",
  "digitale geletterdheid", "formatief evalueren", "differentiatie", "executieve functies", "meertaligheid",
  "loopbaanoriëntatie", "welbevinden", "sociale veiligheid", "eigenaarschap", "samenwerkend leren", "feedback",
  "huiswerkbegeleiding", "techniekonderwijs", "schrijfvaardigheid", "kansengelijkheid", "passend onderwijs",
];
const GROUPS = ["groep 3", "groep 5", "groep 7 en 8", "de brugklas", "havo 4", "mavo 3", "het eerste jaar mbo", "de kleutergroepen"];
const VERBS = ["vergroten", "verbeteren", "versterken", "beter benutten", "zichtbaar maken", "vormgeven"];

/** Builds the benchmark database: the demo region plus 500 schools and 20,000 questions. */
export function buildDatabase(file: string) {
  const db = openDatabase(file);
  runMigrations(db);
  return seedDemo(db).then(() => {
    const sqlite = db.$client;
    const random = seededRandom(42);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const region = (sqlite.prepare("select id from regions limit 1").get() as { id: string }).id;
    const partnership = (sqlite.prepare("select id from partnerships order by name desc limit 1").get() as { id: string }).id;
    const themes = (sqlite.prepare("select id from themes").all() as { id: string }[]).map((t) => t.id);
    const statuses = ["ingediend", "open", "open", "gematcht", "in_uitvoering", "afgerond", "geimplementeerd", "concept"];
    const insertSchool = sqlite.prepare("insert into schools (id, region_id, name, sector, board, city, created_at) values (?, ?, ?, ?, ?, ?, ?)");
    const link = sqlite.prepare("insert into partnership_schools (partnership_id, school_id) values (?, ?)");
    const insertQuestion = sqlite.prepare(
      `insert into questions (id, school_id, title, background, desired_outcome, theme_id, sub_questions, sector, school_year, priority,
        student_capacity, supervisor_name, supervision_capacity, status, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const now = new Date().toISOString();
    sqlite.transaction(() => {
      const schoolIds: string[] = [];
      for (let i = 0; i < SCHOOLS; i++) {
        const id = crypto.randomUUID();
        schoolIds.push(id);
        insertSchool.run(id, region, `Benchmarkschool ${i + 1}`, pick(["po", "vo", "mbo", "so"]), "Stichting Benchmark", `Plaats ${i % 40}`, now);
        // All in the programmaleider's partnership, so every question is in scope.
        link.run(partnership, id);
      }
      for (let i = 0; i < QUESTIONS; i++) {
        const topic = pick(TOPICS);
        const group = pick(GROUPS);
        insertQuestion.run(
          crypto.randomUUID(),
          pick(schoolIds),
          `Hoe kunnen we ${topic} in ${group} ${pick(VERBS)}? (${i})`,
          `Het team ziet dat ${topic} in ${group} achterblijft. Uit gesprekken met leerlingen en ouders blijkt dat ${pick(TOPICS)} ook een rol speelt.`,
          `Een aanpak voor ${topic} die het hele team gebruikt.`,
          pick(themes),
          JSON.stringify([`Wat weten we al over ${topic}?`, `Hoe ervaren leerlingen ${pick(TOPICS)}?`]),
          pick(["po", "vo", "mbo", "so"]),
          pick(["2025-2026", "2026-2027"]),
          i,
          1 + Math.floor(random() * 3),
          "Benchmarkbegeleider",
          2,
          pick(statuses),
          now,
          new Date(Date.now() - Math.floor(random() * 1e10)).toISOString(),
        );
      }
    })();
    sqlite.pragma("optimize");
    db.$client.close();
  });
}

/** Rounds of the whole target list (≥ 5 so a goal is judged on pooled samples). */
const ROUNDS = Math.max(1, Number(process.env.BENCH_QUESTIONS_ROUNDS ?? 5));
const WARMUP = 10;
const REFERENCE = "bare Remix route (reference)";
const NOISE_FLOOR = "bare Remix route, second copy (noise floor)";

/**
 * Server time of /vragen (first page, filtered, full-text) and of
 * /api/v1/questions?q= on 20,000 questions over 500 schools, next to a bare
 * Remix route in the same server and run (ratios, not absolute times).
 *
 * Every round requests each target `iterations / ROUNDS` times in turn, so a
 * burst of load on the shared machine hits all targets alike; samples are
 * pooled over the rounds. The bare route is measured twice: the second copy's
 * ratio to the first is the noise floor a ratio goal is judged against.
 */
export async function runQuestionsBench(options: { iterations: number }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "so-bench-q-"));
  const file = path.join(dir, "bench.db");
  const buildStart = performance.now();
  await buildDatabase(file);
  const buildMs = performance.now() - buildStart;
  // The first start stems all 20,000 new questions into the search index: minutes on a loaded machine.
  const server = await startServer({ databasePath: file, env: { LOG_LEVEL: "warn", ENABLE_BENCH_ROUTES: "true" }, startTimeoutMs: 300_000 });
  try {
    const client = new Client(server.url);
    await client.login("programmaleider@demo.nl");
    const targets: [string, string][] = [
      [REFERENCE, "/bench/kaal"],
      ["/vragen first page", "/vragen"],
      ["/vragen filtered (status+theme+year)", "/vragen?status=open&thema=lezen-en-taal&jaar=2026-2027"],
      ["/vragen full-text q=lezen", "/vragen?q=lezen"],
      ["/vragen full-text q=ouderbetrokkenheid groep", "/vragen?q=ouderbetrokkenheid+groep"],
      ["/api/v1/questions?q=lezen", "/api/v1/questions?q=lezen"],
      ["/api/v1/questions?q=rekenvaardigheid", "/api/v1/questions?q=rekenvaardigheid"],
      // Issue 23: part of a compound (trigram tier), a stem, a school name.
      ["/vragen full-text q=motivatie", "/vragen?q=motivatie"],
      ["/api/v1/questions?q=motivatie", "/api/v1/questions?q=motivatie"],
      ["/api/v1/questions?q=formatief", "/api/v1/questions?q=formatief"],
      ["/api/v1/questions?q=Regenboog", "/api/v1/questions?q=Regenboog"],
      [NOISE_FLOOR, "/bench/kaal"],
    ];
    const perRound = Math.max(10, Math.ceil(options.iterations / ROUNDS));
    const durations = new Map<string, number[]>(targets.map(([name]) => [name, []]));
    const measure = async (url: string) => {
      const start = performance.now();
      const response = await client.get(url);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
      return performance.now() - start;
    };
    for (const [, url] of targets) for (let i = 0; i < WARMUP; i++) await measure(url);
    for (let r = 0; r < ROUNDS; r++) {
      for (const [name, url] of targets) {
        for (let i = 0; i < perRound; i++) durations.get(name)!.push(await measure(url));
      }
    }
    const timings: Timing[] = targets.map(([name]) => summarise(name, durations.get(name)!));
    const reference = timings[0]!;
    const noise = timings.find((t) => t.name === NOISE_FLOOR)!;
    const noiseRatio = noise.p95Ms / reference.p95Ms;
    // A ratio goal holds when it is within the noise floor above 3×.
    const goal = (t: Timing) =>
      t.name.includes("q=") ? (t.p95Ms < 30 && t.p95Ms / reference.p95Ms <= 3 * Math.max(1, noiseRatio) ? "ok" : "MISSED") : "";
    return [
      ...timings.map((t) => ({
        ...t,
        rounds: ROUNDS,
        p95RatioToReference: round(t.p95Ms / reference.p95Ms),
        goal: t === reference || t === noise ? "" : goal(t),
      })),
      { name: `database build (${QUESTIONS} questions, ${SCHOOLS} schools)`, samples: 1, medianMs: round(buildMs), p95Ms: round(buildMs), rounds: 1, p95RatioToReference: "", goal: "" },
    ];
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
