import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type DB } from "../../db/client";
import { BACKSTOP_PAGES, startBackgroundCheckpoints } from "./checkpointer";
import { framesNotCheckpointed, readFramesNotCheckpointed } from "./wal-index.mjs";

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

  it("leaves a small WAL alone until it holds minFrames frames or they have waited maxAgeMs", async () => {
    // Every complete checkpoint makes the next commit (a keystroke, on the
    // event loop) restart the WAL with an fsync; a few frames are not worth that.
    const { db, file } = freshDb();
    const waiting = startBackgroundCheckpoints(db, file, 20, { minFrames: 1000, maxAgeMs: 60_000 });
    try {
      write(db, 30);
      const before = fs.statSync(file).size;
      await sleep(400); // 20 ticks
      expect(readFramesNotCheckpointed(file)).toBeGreaterThanOrEqual(30);
      expect(fs.statSync(file).size).toBe(before);
    } finally {
      await waiting.stop();
    }
    const aging = startBackgroundCheckpoints(db, file, 20, { minFrames: 1000, maxAgeMs: 200 });
    try {
      const deadline = Date.now() + 5000;
      while (readFramesNotCheckpointed(file) !== 0 && Date.now() < deadline) await sleep(20);
      expect(readFramesNotCheckpointed(file)).toBe(0);
      expect(db.$client.prepare("select count(*) as n from t").get()).toEqual({ n: 30 });
    } finally {
      await aging.stop();
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

describe("frames not checkpointed, from the wal-index header", () => {
  it("agrees with what SQLite's own checkpoint reports, before and after it and after the WAL restarts", () => {
    const { db, file } = freshDb();
    db.$client.pragma("wal_autocheckpoint = 0");
    write(db, 25);
    const pending = readFramesNotCheckpointed(file);
    const [result] = db.$client.pragma("wal_checkpoint(PASSIVE)") as { busy: number; log: number; checkpointed: number }[];
    expect(result!.busy).toBe(0);
    expect(pending).toBe(result!.log); // nothing had been copied before
    expect(pending).toBeGreaterThanOrEqual(25);
    expect(readFramesNotCheckpointed(file)).toBe(result!.log - result!.checkpointed);
    expect(readFramesNotCheckpointed(file)).toBe(0);
    write(db, 1); // restarts the WAL from its first frame
    const afterRestart = readFramesNotCheckpointed(file)!;
    expect(afterRestart).toBeGreaterThan(0);
    expect(afterRestart).toBeLessThan(5);
  });

  it.runIf(fs.existsSync("/proc/locks"))("keeps SQLite's lock on the -shm: reading the header closes no descriptor of it (record 0021)", () => {
    // Closing one would drop the lock, and the next process to open the database would rebuild the -shm under us (SIGBUS).
    const { db, file } = freshDb();
    write(db, 3);
    const ino = fs.statSync(`${file}-shm`).ino;
    const held = () =>
      fs
        .readFileSync("/proc/locks", "utf8")
        .split("\n")
        .some((line) => line.includes(` ${process.pid} `) && line.includes(`:${ino} `));
    expect(held()).toBe(true);
    expect(readFramesNotCheckpointed(file)).toBeGreaterThan(0);
    expect(readFramesNotCheckpointed(file)).toBeGreaterThan(0);
    expect(held()).toBe(true);
  });

  it("is unknown (null), never a made-up zero, for a missing file, a short or torn header and garbage", () => {
    expect(readFramesNotCheckpointed(path.join(os.tmpdir(), "does-not-exist.db"))).toBeNull();
    expect(framesNotCheckpointed(Buffer.alloc(10))).toBeNull();
    expect(framesNotCheckpointed(Buffer.alloc(100))).toBeNull(); // zeros: not initialised
    const { db, file } = freshDb();
    db.$client.pragma("wal_autocheckpoint = 0");
    write(db, 3);
    const header = fs.readFileSync(`${file}-shm`).subarray(0, 100);
    expect(framesNotCheckpointed(header)).toBeGreaterThan(0);
    const torn = Buffer.from(header);
    torn[16] = torn[16]! ^ 0xff; // first copy's mxFrame changed, second not yet
    expect(framesNotCheckpointed(torn)).toBeNull();
    expect(framesNotCheckpointed(Buffer.from(header.toString("hex").split("").reverse().join(""), "hex"))).toBeNull();
  });
});
