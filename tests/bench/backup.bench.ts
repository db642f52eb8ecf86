import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "../../db/client";
import { startBackgroundCheckpoints } from "../../server/db/checkpointer";
import { buildDatabase } from "./questions.bench";
import { percentile, round } from "./stats";

/**
 * `npm run bench -- backup` (contract 6.16, record 0021): `npm run backup` of the
 * demo database grown to 20,000 questions (plus uploads), while a writer with
 * the server's pragmas and background checkpoints commits small inserts in a
 * loop. A stall is one commit's duration. The reference is the same writer
 * without a backup, for as long as the backup took, in the same round; a
 * second such window is the noise floor (how far two backup-free windows
 * differ). The contract's bound: no writer held more than 100 ms.
 * BENCH_BACKUP_ROUNDS (5: the figures are pooled over at least five rounds), BENCH_BACKUP_FILES (40 files of 256 KB).
 */
const ROUNDS = Number(process.env.BENCH_BACKUP_ROUNDS ?? 5);
const FILES = Number(process.env.BENCH_BACKUP_FILES ?? 40);
const root = path.resolve(import.meta.dirname, "../..");

type Window = { commits: number; maxMs: number; p99Ms: number; p50Ms: number; busy: number };
type Writes = { durations: number[]; busy: number };

function summary({ durations, busy }: Writes): Window {
  const sorted = [...durations].sort((a, b) => a - b);
  return { commits: sorted.length, maxMs: sorted.at(-1) ?? NaN, p99Ms: percentile(sorted, 99), p50Ms: percentile(sorted, 50), busy };
}

/** Gives the result files rows and bytes, so the backup copies uploads too. */
function addUploads(file: string) {
  const db = openDatabase(file);
  const sqlite = db.$client;
  const resultId = (sqlite.prepare("select id from results limit 1").get() as { id: string }).id;
  const dir = path.join(path.dirname(file), "uploads", resultId);
  fs.mkdirSync(dir, { recursive: true });
  const insert = sqlite.prepare(
    "insert into result_files (id, result_id, file_name, mime_type, size, storage_key, sha256, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  for (let i = 0; i < FILES; i++) {
    const id = crypto.randomUUID();
    const bytes = Buffer.alloc(256 * 1024, i % 251);
    fs.writeFileSync(path.join(dir, id), bytes);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    insert.run(id, resultId, `bijlage-${i}.pdf`, "application/pdf", bytes.byteLength, `${resultId}/${id}`, sha256, new Date().toISOString());
  }
  sqlite.exec("create table if not exists bench_writes (id integer primary key, at text not null, body text not null)");
  sqlite.close();
}

/**
 * Commits small inserts one by one until `done()` says stop, yielding between
 * commits so it can notice. The writer's busy_timeout is 0 and a refused
 * commit (SQLITE_BUSY) is retried at once and counted: a lock held by the
 * backup shows up there, apart from the machine's own stalls (CPU, disk).
 */
async function writeUntil(insert: () => void, done: () => boolean): Promise<Writes> {
  const durations: number[] = [];
  let busy = 0;
  while (!done()) {
    const start = performance.now();
    for (;;) {
      try {
        insert();
        break;
      } catch (error) {
        // SQLITE_BUSY and its extended codes (e.g. _RECOVERY while another connection rebuilds the WAL index).
        if (!(error as { code?: string }).code?.startsWith("SQLITE_BUSY")) throw error;
        busy++;
      }
    }
    durations.push(performance.now() - start);
    // A short pause: a steady stream of keystroke-sized commits, not a flat-out load test.
    await new Promise((r) => setTimeout(r, 1));
  }
  return { durations, busy };
}

function runBackupCommand(target: string, databasePath: string): { exit: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/backup.ts", target], {
    cwd: root,
    env: { ...process.env, DATABASE_PATH: databasePath },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  return { exit: new Promise((resolve) => child.once("exit", (code) => resolve({ code, stdout, stderr }))) };
}

export async function runBackupBench(): Promise<Record<string, string | number>[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "so-bench-backup-"));
  const file = path.join(dir, "data", "samen-onderzoeken.db");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await buildDatabase(file);
  addUploads(file);

  const db = openDatabase(file);
  const checkpoints = startBackgroundCheckpoints(db, file, 1000);
  db.$client.pragma("busy_timeout = 0");
  const statement = db.$client.prepare("insert into bench_writes (at, body) values (?, ?)");
  const insert = () => statement.run(new Date().toISOString(), "een toetsaanslag");

  const rows: Record<string, string | number>[] = [];
  const row = (measure: string, value: number, reference: number, note: string) =>
    rows.push({ measure, value: round(value, 2), reference: round(reference, 2), ratio: round(value / reference, 2), note });
  // Pooled over the rounds: one figure per measure, so a lucky or unlucky round does not decide.
  const pool = { backupMs: [] as number[], stallMs: [] as number[], referenceMs: [] as number[], noiseMs: [] as number[], p99: [] as number[], p99Ref: [] as number[] };
  try {
    for (let round_ = 1; round_ <= ROUNDS; round_++) {
      const target = path.join(dir, `back-up-${round_}`);
      let finished = false;
      const started = performance.now();
      const backup = runBackupCommand(target, file);
      const during = writeUntil(insert, () => finished);
      const result = await backup.exit;
      finished = true;
      const wallMs = performance.now() - started;
      const withBackup = summary(await during);
      if (result.code !== 0) throw new Error(`backup failed (${result.code}): ${result.stderr}`);
      const reportedMs = Number(/duur: ([\d,]+) s/.exec(result.stdout)![1]!.replace(",", ".")) * 1000;
      const size = /database: .*?, ([\d,]+ MB) \((\d+) pagina's in (\d+) stappen\)/.exec(result.stdout)!;

      // Reference and noise floor: the same writer, no backup, for as long as the backup took.
      const windowMs = wallMs;
      const until = (ms: number) => {
        const end = performance.now() + ms;
        return () => performance.now() >= end;
      };
      const reference = summary(await writeUntil(insert, until(windowMs)));
      const second = summary(await writeUntil(insert, until(windowMs)));

      pool.backupMs.push(reportedMs);
      pool.stallMs.push(withBackup.maxMs);
      pool.referenceMs.push(reference.maxMs);
      pool.noiseMs.push(second.maxMs);
      pool.p99.push(withBackup.p99Ms);
      pool.p99Ref.push(reference.p99Ms);
      const tag = `round ${round_}`;
      rows.push({ measure: `${tag}: backup (in the command)`, value: round(reportedMs, 0), reference: "", ratio: "", note: `${size[1]}, ${size[2]} pages in ${size[3]} steps, ${FILES} files` });
      rows.push({ measure: `${tag}: backup (wall, with node start)`, value: round(wallMs, 0), reference: "", ratio: "", note: "" });
      row(`${tag}: writer max stall`, withBackup.maxMs, reference.maxMs, `${withBackup.commits} commits vs ${reference.commits}`);
      row(`${tag}: writer p99`, withBackup.p99Ms, reference.p99Ms, "");
      row(`${tag}: writer p50`, withBackup.p50Ms, reference.p50Ms, "");
      rows.push({ measure: `${tag}: commits refused (SQLITE_BUSY)`, value: withBackup.busy, reference: reference.busy, ratio: "", note: `noise floor: ${second.busy}` });
      row(`${tag}:   noise floor: max`, second.maxMs, reference.maxMs, "no backup twice");
      row(`${tag}:   noise floor: p99`, second.p99Ms, reference.p99Ms, "no backup twice");
      if (withBackup.maxMs > 100) rows.push({ measure: `${tag}: OVER 100 ms`, value: round(withBackup.maxMs, 1), reference: "", ratio: "", note: "contract 6.16" });
      fs.rmSync(target, { recursive: true, force: true });
    }
    const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);
    const max = (xs: number[]) => Math.max(...xs);
    const tag = `pooled (${ROUNDS} rounds)`;
    rows.push({ measure: `${tag}: backup median`, value: round(median(pool.backupMs), 0), reference: "", ratio: "", note: `max ${round(max(pool.backupMs), 0)} ms` });
    row(`${tag}: longest writer stall`, max(pool.stallMs), max(pool.referenceMs), `noise floor (no backup twice): ${round(max(pool.noiseMs), 2)} ms`);
    row(`${tag}: median of round max stalls`, median(pool.stallMs), median(pool.referenceMs), `noise floor median: ${round(median(pool.noiseMs), 2)} ms`);
    row(`${tag}: writer p99 (median of rounds)`, median(pool.p99), median(pool.p99Ref), "");
  } finally {
    await checkpoints.stop();
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
