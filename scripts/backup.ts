import "dotenv/config";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

/**
 * `npm run backup -- <dir>`: a consistent copy of a running installation in
 * <dir>/samen-onderzoeken.db plus <dir>/uploads/ (contract 6.16, record 0021).
 *
 * The database goes through SQLite's online backup API in small steps, all
 * inside one read transaction on the source: in WAL mode that snapshot never
 * blocks the server's writers, and holding it keeps the copy consistent
 * (without it, every commit of the server would restart the backup). The
 * uploads follow from the copy's own result_files rows, so the copy holds
 * exactly the files its rows reference. Everything is built in a staging
 * directory beside <dir> and renamed into place at the end: <dir> is either a
 * complete, checked backup or absent.
 */

export const BACKUP_DB_NAME = "samen-onderzoeken.db";
/** Pages per backup step: 64 × 4 KiB, well under a millisecond each. */
export const STEP_PAGES = 64;

export class BackupError extends Error {}

export type BackupSummary = {
  targetDir: string;
  databaseBytes: number;
  pages: number;
  steps: number;
  files: number;
  fileBytes: number;
  missingFiles: string[];
  durationMs: number;
};

export function defaultDatabasePath(): string {
  return process.env.DATABASE_PATH || "./data/samen-onderzoeken.db";
}

/** The same rule as the app (app/models/result-publish.server.ts): uploads live beside the database. */
export function uploadsBeside(databasePath: string): string {
  return path.resolve(path.dirname(path.resolve(databasePath)), "uploads");
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Refuses early, before any work, for every failure that can be seen up front. */
function checkTarget(targetDir: string): void {
  if (fs.existsSync(targetDir)) {
    const stat = fs.statSync(targetDir);
    if (!stat.isDirectory()) throw new BackupError(`${targetDir} bestaat al en is geen map. Kies een nieuwe map voor de back-up.`);
    if (fs.readdirSync(targetDir).length > 0) {
      throw new BackupError(
        `${targetDir} is niet leeg${fs.existsSync(path.join(targetDir, BACKUP_DB_NAME)) ? " (er staat al een back-up)" : ""}. ` +
          "Een back-up overschrijft nooit iets: kies een nieuwe of lege map, bijvoorbeeld met de datum in de naam.",
      );
    }
  }
  const parent = path.dirname(targetDir);
  try {
    if (!fs.statSync(parent).isDirectory()) throw new Error("geen map");
    fs.accessSync(parent, fs.constants.W_OK);
  } catch {
    throw new BackupError(`Kan niet schrijven in ${parent} (bestaat niet of geen schrijfrechten). Er is geen back-up gemaakt.`);
  }
}

async function copyDatabase(source: string, destination: string): Promise<{ pages: number; steps: number }> {
  if (!fs.existsSync(source)) throw new BackupError(`De database ${source} bestaat niet. Controleer DATABASE_PATH.`);
  let db: Database.Database;
  try {
    db = new Database(source, { fileMustExist: true });
  } catch (error) {
    throw new BackupError(`Kan de database ${source} niet openen: ${describe(error)}`);
  }
  try {
    db.pragma("busy_timeout = 5000");
    // Only in WAL mode does an open read transaction leave the writers alone;
    // in another mode the small steps alone keep each lock short.
    const wal = db.pragma("journal_mode", { simple: true }) === "wal";
    if (wal) {
      db.exec("begin");
      db.prepare("select count(*) from sqlite_master").get(); // takes the snapshot now
    }
    let steps = 0;
    let pages = 0;
    try {
      const result = await db.backup(destination, {
        progress: ({ totalPages }) => {
          steps++;
          pages = totalPages;
          return STEP_PAGES;
        },
      });
      pages = result.totalPages;
    } finally {
      if (wal) db.exec("commit");
    }
    return { pages, steps: steps + 1 };
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`Het kopiëren van de database is mislukt: ${describe(error)}`);
  } finally {
    db.close();
  }
}

function checkCopy(file: string): { storageKey: string; sha256: string }[] {
  const copy = new Database(file, { fileMustExist: true });
  try {
    const rows = copy.pragma("integrity_check") as { integrity_check: string }[];
    const verdict = rows.map((r) => r.integrity_check).join("; ");
    if (verdict !== "ok") throw new BackupError(`De kopie van de database is niet in orde (integrity_check: ${verdict}). Er is geen back-up gemaakt.`);
    const hasFiles = copy.prepare("select 1 from sqlite_master where type = 'table' and name = 'result_files'").get();
    return hasFiles
      ? (copy.prepare("select storage_key as storageKey, sha256 from result_files order by storage_key").all() as { storageKey: string; sha256: string }[])
      : [];
  } finally {
    copy.close(); // the last connection: SQLite folds the copy's WAL in and removes it
  }
}

/** Copies each file a row of the copy references; a file written after the snapshot has no row there and stays out. */
function copyUploads(rows: { storageKey: string; sha256: string }[], fromDir: string, toDir: string) {
  fs.mkdirSync(toDir, { recursive: true });
  let files = 0;
  let bytes = 0;
  const missing: string[] = [];
  for (const row of rows) {
    const from = path.resolve(fromDir, row.storageKey);
    const to = path.resolve(toDir, row.storageKey);
    // Storage keys are the app's own, but a backup never reads or writes outside these two folders.
    if (!from.startsWith(fromDir + path.sep) || !to.startsWith(toDir + path.sep)) {
      missing.push(row.storageKey);
      continue;
    }
    fs.mkdirSync(path.dirname(to), { recursive: true });
    try {
      fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        missing.push(row.storageKey);
        continue;
      }
      throw new BackupError(`Kan ${from} niet kopiëren: ${describe(error)}`);
    }
    const content = fs.readFileSync(to);
    if (createHash("sha256").update(content).digest("hex") !== row.sha256) {
      throw new BackupError(`Het bestand ${row.storageKey} wijkt af van wat de database erover vastlegt (sha256). Er is geen back-up gemaakt.`);
    }
    files++;
    bytes += content.byteLength;
  }
  return { files, bytes, missing };
}

export async function backup(options: { targetDir: string; databasePath?: string }): Promise<BackupSummary> {
  const started = performance.now();
  const targetDir = path.resolve(options.targetDir);
  const databasePath = path.resolve(options.databasePath ?? defaultDatabasePath());
  checkTarget(targetDir);
  if (!fs.existsSync(databasePath)) throw new BackupError(`De database ${databasePath} bestaat niet. Controleer DATABASE_PATH.`);

  // Beside the target, so the final rename stays on one file system and is atomic.
  let staging: string;
  try {
    staging = fs.mkdtempSync(path.join(path.dirname(targetDir), `.${path.basename(targetDir)}.onvolledig-`));
  } catch (error) {
    throw new BackupError(`Kan geen tijdelijke map maken naast ${targetDir}: ${describe(error)}`);
  }
  try {
    const stagedDb = path.join(staging, BACKUP_DB_NAME);
    const { pages, steps } = await copyDatabase(databasePath, stagedDb);
    const rows = checkCopy(stagedDb);
    const uploads = copyUploads(rows, uploadsBeside(databasePath), path.join(staging, "uploads"));
    for (const leftover of ["-wal", "-shm", "-journal"]) fs.rmSync(stagedDb + leftover, { force: true });
    const databaseBytes = fs.statSync(stagedDb).size;
    try {
      // rename(2) replaces an empty directory in one step, and fails on a non-empty one.
      fs.renameSync(staging, targetDir);
    } catch (error) {
      throw new BackupError(`Kan de back-up niet op ${targetDir} zetten: ${describe(error)}`);
    }
    return {
      targetDir,
      databaseBytes,
      pages,
      steps,
      files: uploads.files,
      fileBytes: uploads.bytes,
      missingFiles: uploads.missing,
      durationMs: performance.now() - started,
    };
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toLocaleString("nl-NL", { maximumFractionDigits: 1 })} MB`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const target = process.argv[2];
  if (!target || process.argv.length > 3) {
    console.error("Gebruik: npm run backup -- <map>\nDe map moet nieuw of leeg zijn; de database komt uit DATABASE_PATH.");
    process.exit(64); // EX_USAGE
  }
  try {
    // The running server comes first: the copy may take its time on a busy machine.
    os.setPriority(os.constants.priority.PRIORITY_LOW);
  } catch {
    // Not allowed here: run at normal priority.
  }
  try {
    const s = await backup({ targetDir: target });
    const seconds = (s.durationMs / 1000).toLocaleString("nl-NL", { maximumFractionDigits: 2 });
    console.log(
      [
        `Back-up klaar in ${s.targetDir}`,
        `  database: ${BACKUP_DB_NAME}, ${megabytes(s.databaseBytes)} (${s.pages} pagina's in ${s.steps} stappen), integriteit: ok`,
        `  uploads: ${s.files} ${s.files === 1 ? "bestand" : "bestanden"}, ${megabytes(s.fileBytes)}`,
        `  duur: ${seconds} s`,
      ].join("\n"),
    );
    if (s.missingFiles.length > 0) {
      console.error(
        `Let op: ${s.missingFiles.length} bestand(en) die de database noemt, ontbreken ook in de lopende installatie en zitten dus niet in de back-up:\n  ${s.missingFiles.join("\n  ")}`,
      );
    }
  } catch (error) {
    console.error(error instanceof BackupError ? error.message : `Back-up mislukt: ${describe(error)}`);
    process.exitCode = 1;
  }
}
