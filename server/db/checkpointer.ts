import { Worker } from "node:worker_threads";
import type { DB } from "../../db/client";
import { logger } from "../../app/utils/logger.server";

const log = logger.child({ module: "checkpoint" });

/**
 * SQLite's automatic checkpoint runs inside whichever commit crosses 1,000 WAL
 * pages, on the event loop, with an fsync of the WAL and of the database: a
 * stall of 5–30 ms every few seconds under live editing, which every peer of
 * that moment waits for. The server moves it to a worker thread and keeps the
 * automatic one only as a backstop at a much larger WAL (should the worker
 * fall behind or die). docs/decisions/0012-background-checkpoint.md.
 */
export const BACKSTOP_PAGES = 20_000; // about 80 MB of WAL
/**
 * The worker copies the WAL once it holds this many frames (SQLite's own
 * default threshold, about 4 MB), or once frames have waited MAX_AGE_MS: the
 * database file is never more than a minute behind. Record 0016.
 */
export const CHECKPOINT_AT_FRAMES = 1000;
export const CHECKPOINT_MAX_AGE_MS = 60_000;

export function startBackgroundCheckpoints(
  db: DB,
  file: string,
  intervalMs = 1000,
  { minFrames = CHECKPOINT_AT_FRAMES, maxAgeMs = CHECKPOINT_MAX_AGE_MS } = {},
): { stop: () => Promise<void> } {
  if (file === ":memory:" || intervalMs <= 0) return { stop: async () => {} };
  db.$client.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  const worker = new Worker(new URL("./checkpoint-worker.mjs", import.meta.url), {
    workerData: { file, intervalMs, minFrames, maxAgeMs },
  });
  worker.unref(); // never what keeps the process alive
  let exited = false;
  worker.once("exit", () => (exited = true));
  let failures = 0;
  worker.on("message", (m: { kind: string; message?: string }) => {
    if (m.kind === "error" && ++failures % 60 === 1) log.warn({ error: m.message, failures }, "checkpoint mislukt; volgende poging");
    if (m.kind === "checkpointed") failures = 0;
  });
  worker.on("error", (error) => {
    // The backstop checkpoint takes over; the app keeps running.
    log.error({ err: error }, "checkpoint-worker gestopt; SQLite checkpoint valt terug op automatisch");
    db.$client.pragma("wal_autocheckpoint = 1000");
  });
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        const done = setTimeout(() => void worker.terminate().then(() => resolve()), 1000);
        worker.once("exit", () => {
          clearTimeout(done);
          resolve();
        });
        worker.postMessage("stop");
      }),
  };
}
