import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../support/server";
import { demoPlan, openDb, signedIn, waitFor, YClient } from "./collab-helpers";

/**
 * `npm run backup` (contract 6.16, record 0021) against a real running server
 * under live typing, then a restore by starting a second server on the copy.
 */
const root = path.resolve(import.meta.dirname, "../..");
const ENV = { COLLAB_RATE_BURST: "5000" };
const PDF = Buffer.from("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const SECTION = "participanten";

const servers: RunningServer[] = [];
const clients: YClient[] = [];
const tempDirs: string[] = [];

afterEach(() => {
  for (const c of clients.splice(0)) c.ws.terminate();
});

afterAll(async () => {
  for (const s of servers) if (s.process.exitCode === null && s.process.signalCode === null) await s.stop();
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "so-backup-test-"));
  tempDirs.push(dir);
  return dir;
}

/** Runs the backup command as an operator would, in its own process. */
function runBackup(target: string, databasePath: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/backup.ts", target], {
      cwd: root,
      env: { ...process.env, DATABASE_PATH: databasePath },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.once("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

function step(what: string) {
  // Where a slow run spent its time, in the test output.
  console.log(`[backup-test] ${new Date().toISOString()} ${what}`);
}

const lines = (client: YClient) => client.text(SECTION).split("\n");

/** Names in `dir` that a backup into `dir/<name>` may have left behind. */
const stagingLeftovers = (dir: string) => fs.readdirSync(dir).filter((name) => name.includes("onvolledig"));

describe("backup of a running installation", () => {
  it("copies a consistent moment under live typing; a server started on the copy serves that plan text and the result's files", async () => {
    const original = await startServer({ env: ENV });
    servers.push(original);
    step("original server up");

    // A result with a file, published before the backup.
    const student = await signedIn(original.url, "student@demo.nl");
    const db = openDb(original.databasePath);
    const projectId = (
      db.prepare("select p.id from projects p join project_members m on m.project_id = p.id join users u on u.id = m.user_id where u.email = 'student@demo.nl'").get() as { id: string }
    ).id;
    const form = new FormData();
    const fields: Record<string, string> = {
      projectId,
      title: "Leesmotivatie: back-up",
      type: "onderzoeksrapport",
      summary: "Leerlingen lezen meer als ze zelf mogen kiezen.",
      conclusions: "Keuzevrijheid werkt.",
      recommendations: "Start elke week een boekgesprek.",
      themeIds: "lezen-en-taal",
      visibility: "school",
      noPupilData: "ja",
    };
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append("files", new Blob([new Uint8Array(PDF)], { type: "application/pdf" }), "verslag.pdf");
    const published = await student.request("/opbrengsten/nieuw", { method: "POST", body: form, headers: { origin: original.url } });
    expect(published.status).toBe(302);
    const resultId = published.headers.get("location")!.split("/").pop()!;
    const file = db.prepare("select id, storage_key from result_files where result_id = ?").get(resultId) as { id: string; storage_key: string };
    db.close();
    step("result published");

    // Live typing: one writer, one watcher; what the watcher has seen was persisted (persist-before-relay).
    const s2 = await signedIn(original.url, "student2@demo.nl");
    const plan = await demoPlan(student);
    const writer = new YClient(original.url, plan.room, student.cookieHeader());
    const watcher = new YClient(original.url, plan.room, s2.cookieHeader());
    clients.push(writer, watcher);
    await Promise.all([writer.synced, watcher.synced]);
    let n = 0;
    const typing = setInterval(() => {
      for (let i = 0; i < 3 && writer.ws.readyState === writer.ws.OPEN; i++) writer.writeParagraph(SECTION, `regel ${++n}`);
    }, 5);
    try {
      await waitFor(() => lines(watcher).length >= 60, 15_000, "watcher received 60 lines");
      const acknowledgedBefore = lines(watcher);
      const target = path.join(tempDir(), "back-up");
      const typedBefore = n;
      step("backup starts");
      const result = await runBackup(target, original.databasePath);
      step("backup done");
      const typedDuring = n - typedBefore;
      const seenAfter = lines(watcher);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/Back-up klaar in .*\n {2}database: samen-onderzoeken\.db, .* MB .*integriteit: ok\n {2}uploads: 1 bestand, .*\n {2}duur: /);
      expect(typedDuring).toBeGreaterThan(0); // the backup really ran under load

      // The original dies hard; only the copy is left.
      original.process.kill("SIGKILL");
      clearInterval(typing);
      await new Promise((r) => original.process.once("exit", r));

      const copyPath = path.join(target, "samen-onderzoeken.db");
      expect(fs.readdirSync(target).sort()).toEqual(["samen-onderzoeken.db", "uploads"]);
      const check = new Database(copyPath, { readonly: true });
      expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
      check.close();
      expect(fs.readFileSync(path.join(target, "uploads", file.storage_key))).toEqual(PDF);

      const restored = await startServer({ env: { ...ENV, SEED_DEMO: "false" }, databasePath: copyPath });
      servers.push(restored);
      step("restored server up");
      const reader = new YClient(restored.url, plan.room, (await signedIn(restored.url, "student2@demo.nl")).cookieHeader());
      clients.push(reader);
      await reader.synced;
      const copy = lines(reader);
      // Everything acknowledged before the backup started is in the copy ...
      expect(copy.slice(0, acknowledgedBefore.length)).toEqual(acknowledgedBefore);
      // ... and the copy is one moment of the plan: a prefix of what was typed, nothing torn.
      expect(copy.length).toBeLessThanOrEqual(seenAfter.length + typedDuring);
      const last = Number(/regel (\d+)$/.exec(copy.at(-1)!)![1]);
      expect(copy.slice(-last).join("\n")).toBe(Array.from({ length: last }, (_, i) => `regel ${i + 1}`).join("\n"));

      // The result's file comes from the copy's uploads folder.
      const again = await signedIn(restored.url, "student@demo.nl");
      const download = await again.get(`/opbrengsten/${resultId}/bestand/${file.id}`);
      expect(download.status).toBe(200);
      expect(Buffer.from(await download.arrayBuffer())).toEqual(PDF);
      await restored.stop();
    } finally {
      clearInterval(typing);
    }
  }, 180_000); // two server starts, logins and a backup on a shared 2-core machine
});

describe("backup failures", () => {
  function smallDatabase(): string {
    const file = path.join(tempDir(), "bron.db");
    const db = new Database(file);
    db.pragma("journal_mode = WAL");
    db.exec("create table t (id integer primary key, body text); insert into t (body) values ('een'), ('twee')");
    db.close();
    return file;
  }

  it("refuses a missing database with a Dutch message, exit 1 and nothing written", async () => {
    const parent = tempDir();
    const target = path.join(parent, "back-up");
    const result = await runBackup(target, path.join(parent, "bestaat-niet", "samen-onderzoeken.db"));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/De database .* bestaat niet\. Controleer DATABASE_PATH\./);
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.existsSync(path.join(parent, "bestaat-niet"))).toBe(false); // not created by opening it
    expect(fs.readdirSync(parent)).toEqual([]);
  });

  it("refuses a target it cannot write (parent is a file, or a read-only file system), leaving nothing", async () => {
    const source = smallDatabase();
    const parent = tempDir();
    const blocker = path.join(parent, "een-bestand");
    fs.writeFileSync(blocker, "geen map");
    const underFile = await runBackup(path.join(blocker, "back-up"), source);
    expect(underFile.code).toBe(1);
    expect(underFile.stderr).toMatch(/Kan niet schrijven in .*een-bestand/);
    expect(fs.readdirSync(parent)).toEqual(["een-bestand"]);

    // Root may write anywhere by permission bits, but not in /proc.
    const readOnly = await runBackup("/proc/so-back-up", source);
    expect(readOnly.code).toBe(1);
    expect(readOnly.stderr).toMatch(/^(Kan niet schrijven in|Kan geen tijdelijke map maken)/);
    expect(fs.existsSync("/proc/so-back-up")).toBe(false);
  });

  it("never overwrites an earlier backup, and a second run into a fresh directory works", async () => {
    const source = smallDatabase();
    const parent = tempDir();
    const target = path.join(parent, "back-up");
    const first = await runBackup(target, source);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/uploads: 0 bestanden/);
    const before = fs.readFileSync(path.join(target, "samen-onderzoeken.db"));

    const second = await runBackup(target, source);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/is niet leeg \(er staat al een back-up\)/);
    expect(fs.readFileSync(path.join(target, "samen-onderzoeken.db"))).toEqual(before);
    expect(stagingLeftovers(parent)).toEqual([]);

    const empty = path.join(parent, "lege-map");
    fs.mkdirSync(empty);
    const third = await runBackup(empty, source);
    expect(third.code).toBe(0);
    const copy = new Database(path.join(empty, "samen-onderzoeken.db"), { readonly: true });
    expect(copy.prepare("select body from t order by id").pluck().all()).toEqual(["een", "twee"]);
    copy.close();
    expect(stagingLeftovers(parent)).toEqual([]);
  });
});
