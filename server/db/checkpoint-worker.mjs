import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import { readFramesNotCheckpointed } from "./wal-index.mjs";

/**
 * Runs in a worker thread (server/db/checkpointer.ts): its own connection to
 * the same SQLite file, copying the WAL into the database. A PASSIVE
 * checkpoint never waits for and never blocks the main connection's writers
 * or readers; the fsyncs it does happen here, off the event loop.
 *
 * It checkpoints only once the WAL holds `minFrames` frames not yet copied
 * (or frames have waited `maxAgeMs`), not on every tick: after a complete
 * checkpoint, the next commit restarts the WAL and fsyncs its header, and
 * that commit runs on the main thread. Once a second, that fsync (0.3–1.5 ms)
 * landed in one of every ten keystrokes when two people type.
 * docs/decisions/0016-checkpoint-when-the-wal-is-full.md.
 *
 * Plain JavaScript: the server's tsx loader does not reach worker threads on Node 20.
 */
/** @type {{ file: string; intervalMs: number; minFrames: number; maxAgeMs: number }} */
const { file, intervalMs, minFrames, maxAgeMs } = workerData;
const db = new Database(file);
db.pragma("busy_timeout = 0");
db.pragma("synchronous = NORMAL");
const checkpoint = db.prepare("pragma wal_checkpoint(PASSIVE)");
let lastCheckpoint = Date.now();

/** Null (header unreadable) counts as due: then it behaves as it did before. */
function due(frames, now) {
  if (frames === null || frames >= minFrames) return true;
  return frames > 0 && now - lastCheckpoint >= maxAgeMs;
}

const timer = setInterval(() => {
  const now = Date.now();
  if (!due(readFramesNotCheckpointed(file), now)) return;
  try {
    const [row] = checkpoint.all();
    lastCheckpoint = now;
    parentPort?.postMessage({ kind: "checkpointed", ...row });
  } catch (error) {
    // SQLITE_BUSY (another checkpoint running) and the like: try again next time.
    parentPort?.postMessage({ kind: "error", message: String(error) });
  }
}, intervalMs);

parentPort?.on("message", (message) => {
  if (message === "stop") {
    clearInterval(timer);
    db.close();
    parentPort?.close(); // nothing left: the thread ends
  }
});
