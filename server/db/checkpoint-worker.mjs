import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

/**
 * Runs in a worker thread (server/db/checkpointer.ts): its own connection to
 * the same SQLite file, copying the WAL into the database every interval. A
 * PASSIVE checkpoint never waits for and never blocks the main connection's
 * writers or readers; the fsyncs it does happen here, off the event loop.
 *
 * Plain JavaScript: the server's tsx loader does not reach worker threads on Node 20.
 */
/** @type {{ file: string; intervalMs: number }} */
const { file, intervalMs } = workerData;
const db = new Database(file);
db.pragma("busy_timeout = 0");
db.pragma("synchronous = NORMAL");
const checkpoint = db.prepare("pragma wal_checkpoint(PASSIVE)");

const timer = setInterval(() => {
  try {
    const [row] = checkpoint.all();
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
