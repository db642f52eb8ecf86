import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseImport } from "../../app/domain/import/parse";
import { readCsv } from "../../app/domain/import/read-text";
import { openDatabase } from "../../db/client";
import { runMigrations } from "../../db/migrate";
import { seedDemo } from "../../scripts/seed/index";
import { seededRandom } from "../../scripts/seed/people";
import { Client } from "../support/http";
import { startServer } from "../support/server";
import { round, summarise, type Timing } from "./stats";

const ROWS = 5_000;
const GOAL_MS = 2_000;

const FIRST = ["Sanne", "Daan", "Lotte", "Sem", "Noor", "Finn", "Emma", "Bram", "Julia", "Luuk", "Fleur", "Milan", "Iris", "Ruben", "Yara", "Thijs", "Anouk", "Mohamed", "Esra", "Joris", "Ilse", "Koen", "Saar", "Ayoub", "Femke", "Stijn", "Zoë", "Jesse", "Liv", "Ömer"];
const LAST = ["de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "El Amrani", "Yılmaz", "Öztürk", "van der Linden", "Kramer"];

/** A realistic students file: Dutch names with accents, BOM and semicolons as Excel's "CSV UTF-8" writes it, a few known students. */
function studentsFile(institutes: string[], existing: { email: string; name: string }[]): Uint8Array {
  const random = seededRandom(7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const lines = ["naam;e-mail;instituut"];
  for (let i = 0; i < ROWS; i++) {
    const known = i < existing.length ? existing[i]! : null;
    const name = known?.name ?? `${pick(FIRST)} ${pick(LAST)}`;
    const email = known?.email ?? `${name.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z]+/g, ".")}.${i}@student.bench.test`;
    lines.push(`${name};${email};${pick(institutes)}`);
  }
  return new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`);
}

/**
 * Preview of a 5,000-row students file through the real server: the upload
 * (read, check, compare with the database, store the preview) and the preview
 * page, next to the bare Remix route and to parsing alone in the same run.
 * Goal: upload + first preview page under 2 s (p95).
 */
export async function runImportBench(options: { iterations: number }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "so-bench-import-"));
  const file = path.join(dir, "bench.db");
  const db = openDatabase(file);
  runMigrations(db);
  await seedDemo(db);
  const sqlite = db.$client;
  const partnership = (sqlite.prepare("select id from partnerships where name = 'Partnerschap Samen Opleiden Lingedelta'").get() as { id: string }).id;
  const institutes = (
    sqlite
      .prepare("select i.name from institutes i join partnership_institutes pi on pi.institute_id = i.id where pi.partnership_id = ?")
      .all(partnership) as { name: string }[]
  ).map((r) => r.name);
  const existing = sqlite
    .prepare("select u.email, u.name from users u join memberships m on m.user_id = u.id where m.role = 'student' order by u.email")
    .all() as { email: string; name: string }[];
  sqlite.close();
  const bytes = studentsFile(institutes, existing);

  const server = await startServer({ databasePath: file, env: { LOG_LEVEL: "warn", ENABLE_BENCH_ROUTES: "true" } });
  try {
    const client = new Client(server.url);
    await client.login("programmaleider@demo.nl");
    const timings: Timing[] = [];
    const measure = async (name: string, runs: number, once: () => Promise<void>) => {
      const durations: number[] = [];
      for (let i = 0; i < runs + 3; i++) {
        const start = performance.now();
        await once();
        if (i >= 3) durations.push(performance.now() - start);
      }
      const timing = summarise(name, durations);
      timings.push(timing);
      return durations;
    };

    await measure("bare Remix route (reference)", options.iterations, async () => {
      const response = await client.get("/bench/kaal");
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`/bench/kaal answered ${response.status}`);
    });
    // Parsing alone runs in this process; measured after the HTTP runs so that
    // no keep-alive connection idles out in between (undici does not retry a POST).

    let location = "";
    const upload = async () => {
      const form = new FormData();
      form.append("kind", "studenten");
      form.append("partnership", partnership);
      form.append("bestand", new Blob([new Uint8Array(bytes)]), "studenten.csv");
      const response = await client.request("/beheer/import", { method: "POST", body: form, headers: { origin: server.url } });
      await response.arrayBuffer();
      if (response.status !== 303) throw new Error(`upload answered ${response.status}`);
      location = response.headers.get("location")!;
    };
    const page = async () => {
      const response = await client.get(location);
      const html = await response.text();
      if (response.status !== 200 || !html.includes("Voorbeeld: studenten.csv")) throw new Error(`preview page answered ${response.status}`);
    };
    const uploads = await measure(`upload → stored preview (${ROWS} rows)`, options.iterations, upload);
    const pages = await measure("preview page (first 100 rows)", options.iterations, page);
    const totals: number[] = [];
    await measure(`upload + preview page, total (${ROWS} rows)`, options.iterations, async () => {
      const start = performance.now();
      await upload();
      await page();
      totals.push(performance.now() - start);
    });
    void uploads;
    void pages;

    await measure(`parse + check only, in process (${ROWS} rows)`, options.iterations, async () => {
      const table = readCsv(bytes);
      if ("code" in table) throw new Error(table.code);
      const parsed = parseImport("studenten", table);
      if ("code" in parsed) throw new Error(parsed.code);
    });

    // One confirm: 5,000 invitations (minus the known students) in one transaction.
    const id = location.split("=")[1]!;
    const confirmStart = performance.now();
    const confirmed = await client.post("/beheer/import", { intent: "confirm", id });
    const confirmMs = performance.now() - confirmStart;
    if (confirmed.status !== 303 || !confirmed.headers.get("location")?.includes("resultaat")) throw new Error(`confirm answered ${confirmed.status}`);

    const reference = timings[0]!;
    const total = timings.find((t) => t.name.startsWith("upload + preview page"))!;
    return [
      ...timings.map((t) => ({
        ...t,
        p95RatioToReference: round(t.p95Ms / reference.p95Ms),
        goal: t === total ? (t.p95Ms < GOAL_MS ? `ok (< ${GOAL_MS} ms)` : "MISSED") : "",
      })),
      { name: `confirm: ${ROWS - existing.length} invitations in one transaction`, samples: 1, medianMs: round(confirmMs), p95Ms: round(confirmMs), p95RatioToReference: "", goal: "" },
      { name: "file size (kB)", samples: 1, medianMs: round(bytes.byteLength / 1024), p95Ms: round(bytes.byteLength / 1024), p95RatioToReference: "", goal: "" },
    ];
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
