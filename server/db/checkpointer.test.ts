import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type DB } from "../../db/client";
import { BACKSTOP_PAGES, startBackgroundCheckpoints } from "./checkpointer";

const dirs: string[] = [];
const dbs: DB[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.$client.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function freshDb(): { db: DB; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "so-ckpt-"));
  dirs.push(dir);
  const file = path.join(dir, "t.db");
  const db = openDatabase(file);
  dbs.push(db);
  db.$client.exec("create table t (id integer primary key, body blob)");
  return { db, file };
}

/** Writes about 4 MB in many small commits, as live editing does. */
function write(db: DB, commits: number) {
  const insert = db.$client.prepare("insert into t (body) values (?)");
  for (let i = 0; i < commits; i++) insert.run(Buffer.alloc(2000, i % 251));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("background checkpoints", () => {
  it("copy the WAL into the database from the worker, with the commit's own checkpoint only as a backstop", async () => {
    const { db, file } = freshDb();
    const checkpoints = startBackgroundCheckpoints(db, file, 50);
    try {
      expect(db.$client.pragma("wal_autocheckpoint", { simple: true })).toBe(BACKSTOP_PAGES);
      write(db, 2000); // ~1,000 pages per commit batch would have checkpointed inline before
      // The main connection alone would leave everything in the WAL (far below the backstop).
      const deadline = Date.now() + 10_000;
      while (fs.statSync(file).size < 3_000_000 && Date.now() < deadline) await sleep(50);
      expect(fs.statSync(file).size).toBeGreaterThan(3_000_000);
      expect(db.$client.prepare("select count(*) as n from t").get()).toEqual({ n: 2000 });
    } finally {
      await checkpoints.stop();
    }
  });

  it("stops cleanly, and a stopped worker no longer touches the file", async () => {
    const { db, file } = freshDb();
    const checkpoints = startBackgroundCheckpoints(db, file, 50);
    await checkpoints.stop();
    await checkpoints.stop(); // twice is harmless
    const before = fs.statSync(file).size;
    write(db, 500);
    await sleep(300);
    expect(fs.statSync(file).size).toBe(before);
  });

  it("is off for an in-memory database and with interval 0, leaving SQLite's own checkpoint", async () => {
    const db = openDatabase(":memory:");
    dbs.push(db);
    await startBackgroundCheckpoints(db, ":memory:").stop();
    const { db: fileDb, file } = freshDb();
    await startBackgroundCheckpoints(fileDb, file, 0).stop();
    expect(fileDb.$client.pragma("wal_autocheckpoint", { simple: true })).toBe(1000);
  });
});
