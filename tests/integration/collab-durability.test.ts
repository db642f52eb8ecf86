import { afterAll, afterEach, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../support/server";
import { addPlansBeside } from "../support/extra-plans";
import { demoPlan, openDb, signedIn, waitFor, YClient } from "./collab-helpers";

/**
 * Durability of the collaboration server: kill -9, SIGTERM, compaction, damaged
 * storage. To save boots, each test continues on the server the previous one
 * left running (on the same SQLite file); run alone, a test boots its own.
 */
const ENV = { COLLAB_RATE_BURST: "5000", COLLAB_COMPACT_EVERY: "20", COLLAB_UNLOAD_MS: "100" };
let current: RunningServer | null = null;
const clients: YClient[] = [];

afterEach(() => {
  for (const c of clients.splice(0)) c.ws.terminate();
});

afterAll(async () => {
  // stop() would wait forever for a process that a signal already ended.
  if (current && current.process.exitCode === null && current.process.signalCode === null) await current.stop();
});

async function boot(databasePath?: string): Promise<RunningServer> {
  current = await startServer({ env: ENV, databasePath });
  return current;
}

async function running(): Promise<RunningServer> {
  return current && current.process.exitCode === null && current.process.signalCode === null ? current : boot();
}

function exitOf(server: RunningServer): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    if (server.process.exitCode !== null || server.process.signalCode !== null) {
      resolve({ code: server.process.exitCode, signal: server.process.signalCode });
    } else server.process.once("exit", (code, signal) => resolve({ code, signal }));
  });
}

/**
 * Waits until the earlier tests' rooms have left memory (each compacting on
 * unload), so a test starts from a plan with an empty update log: otherwise a
 * room still loaded with a log just under COLLAB_COMPACT_EVERY compacts on
 * this test's first keystroke.
 */
async function allUnloaded(server: RunningServer): Promise<void> {
  const admin = await signedIn(server.url, "admin@demo.nl");
  await waitFor(async () => /^collab_docs_loaded 0$/m.test(await (await admin.get("/metrics")).text()), 15_000, "rooms unloaded");
}

/** Two students signed in on the demo plan, both synced: one writes, one watches. */
async function writerAndWatcher(server: RunningServer) {
  const [s1, s2] = await Promise.all([signedIn(server.url, "student@demo.nl"), signedIn(server.url, "student2@demo.nl")]);
  const plan = await demoPlan(s1);
  const writer = new YClient(server.url, plan.room, s1.cookieHeader());
  const watcher = new YClient(server.url, plan.room, s2.cookieHeader());
  clients.push(writer, watcher);
  await Promise.all([writer.synced, watcher.synced]);
  return { s1, s2, plan, writer, watcher };
}

describe("durability", () => {
  it("kill -9 never loses an update that another client has received", async () => {
    const server = await running();
    const { plan, writer, watcher } = await writerAndWatcher(server);

    // Keep typing while the server is killed, so the kill lands mid-stream.
    let n = 0;
    const typing = setInterval(() => {
      for (let i = 0; i < 5 && writer.ws.readyState === writer.ws.OPEN; i++) writer.writeParagraph("participanten", `regel ${++n}`);
    }, 2);
    await waitFor(() => watcher.text("participanten").split("\n").length >= 120, 10_000, "watcher received 120 lines");
    server.process.kill("SIGKILL");
    const seen = watcher.text("participanten").split("\n");
    clearInterval(typing);
    expect((await exitOf(server)).signal).toBe("SIGKILL");
    expect(n).toBeGreaterThan(seen.length - 1); // the writer was still sending

    const restarted = await boot(server.databasePath);
    const reader = await signedIn(restarted.url, "student2@demo.nl");
    const md = await (await reader.get(`/api/v1/plans/${plan.id}/export.md`)).text();
    const section = md.split("## Participanten\n\n")[1]!.split("\n\n## ")[0]!.split("\n\n");
    for (const line of seen) expect(section).toContain(line);
    // And the live server serves the same text after the restart.
    const again = new YClient(restarted.url, plan.room, reader.cookieHeader());
    clients.push(again);
    await again.synced;
    expect(again.text("participanten").startsWith(seen.join("\n"))).toBe(true);
  });

  it("SIGTERM folds the log into the snapshot and exits cleanly", async () => {
    const server = await running();
    await allUnloaded(server);
    const s1 = await signedIn(server.url, "student@demo.nl");
    const plan = await demoPlan(s1);
    const writer = new YClient(server.url, plan.room, s1.cookieHeader());
    clients.push(writer);
    await writer.synced;
    writer.writeParagraph("planning", "Week 1: literatuur.");
    const db = openDb(server.databasePath);
    try {
      const rows = () => (db.prepare("select count(*) as n from plan_updates where plan_id = ?").get(plan.id) as { n: number }).n;
      await waitFor(() => rows() > 0, 15_000, "logged");
      const closed = writer.closed;
      server.process.kill("SIGTERM");
      expect((await exitOf(server)).code).toBe(0);
      expect((await closed).code).toBe(1001);
      expect(rows()).toBe(0);
    } finally {
      db.close();
    }
    const restarted = await boot(server.databasePath);
    const reader = await signedIn(restarted.url, "student@demo.nl");
    expect(await (await reader.get(`/api/v1/plans/${plan.id}/export.md`)).text()).toContain("Week 1: literatuur.");
  });

  it("compacts the log when it grows past the threshold without losing text", async () => {
    const server = await running();
    const { s1, plan, writer, watcher } = await writerAndWatcher(server);
    for (let i = 1; i <= 95; i++) writer.writeParagraph("dataverzameling", `meting ${i}`);
    await waitFor(() => watcher.text("dataverzameling").includes("meting 95"), 15_000, "all relayed");
    const db = openDb(server.databasePath);
    try {
      const rows = (db.prepare("select count(*) as n from plan_updates where plan_id = ?").get(plan.id) as { n: number }).n;
      expect(rows).toBeLessThan(20);
      const through = (db.prepare("select through_update_id as t from plan_snapshots where plan_id = ?").get(plan.id) as { t: number }).t;
      expect(through).toBeGreaterThan(0);
    } finally {
      db.close();
    }
    const md = await (await s1.get(`/api/v1/plans/${plan.id}/export.md`)).text();
    for (let i = 1; i <= 95; i++) expect(md).toContain(`meting ${i}\n`);
  });

  it("a store that refuses an update closes the room (4501) before anyone receives it; the server keeps serving", async () => {
    const server = await running();
    await allUnloaded(server);
    const { s1, s2, plan, writer, watcher } = await writerAndWatcher(server);
    const db = openDb(server.databasePath);
    try {
      db.exec("create trigger refuse_updates before insert on plan_updates begin select raise(abort, 'schijf vol'); end");
      writer.writeParagraph("analyse", "NIET-OPGESLAGEN");
      expect((await watcher.closed).code).toBe(4501);
      expect((await writer.closed).code).toBe(4501);
      expect(watcher.text("analyse")).not.toContain("NIET-OPGESLAGEN");
    } finally {
      db.exec("drop trigger if exists refuse_updates");
      db.close();
    }
    // Once the store works again, the plan opens from what was stored and takes edits.
    const again = new YClient(server.url, plan.room, s2.cookieHeader());
    clients.push(again);
    await again.synced;
    expect(again.text("analyse")).not.toContain("NIET-OPGESLAGEN");
    again.writeParagraph("analyse", "Weer opgeslagen.");
    await waitFor(async () => (await (await s1.get(`/api/v1/plans/${plan.id}/export.md`)).text()).includes("Weer opgeslagen."), 15_000, "stored");
    // The log line travels through a pipe and may trail the socket traffic.
    await waitFor(() => server.logs().includes("update kon niet worden opgeslagen"), 5000, "the log line");
  });

  it("a refused update closes only its own room: another room's edits, sent alongside, are stored and relayed", async () => {
    const server = await running();
    await allUnloaded(server);
    const { s1, s2, plan, writer, watcher } = await writerAndWatcher(server);
    const db = openDb(server.databasePath);
    const other = addPlansBeside(db, plan.id, [{ title: "Tweede plan", room: `tweede-${crypto.randomUUID()}` }], ["student@demo.nl", "student2@demo.nl"])[0]!;
    const otherWriter = new YClient(server.url, other.room, s1.cookieHeader());
    const otherWatcher = new YClient(server.url, other.room, s2.cookieHeader());
    clients.push(otherWriter, otherWatcher);
    await Promise.all([otherWriter.synced, otherWatcher.synced]);
    try {
      // Only the demo plan's updates that carry "VERLOREN" are refused.
      db.exec(
        `create trigger refuse_one_plan before insert on plan_updates when new.plan_id = '${plan.id}' ` +
          `and instr(new."update", cast('VERLOREN' as blob)) > 0 begin select raise(abort, 'schijf vol'); end`,
      );
      // Sent back to back: while the server works through the first, the rest
      // queue up, and it reads both sockets in one poll phase. So one end-of-turn
      // flush (turn.ts) holds a working and a failing room.
      for (let i = 1; i <= 40; i++) {
        writer.writeParagraph("analyse", i < 30 ? `opgeslagen ${i}` : `VERLOREN ${i}`);
        otherWriter.writeParagraph("analyse", `bewaard ${i}`);
      }
      expect((await watcher.closed).code).toBe(4501);
      await waitFor(() => otherWatcher.text("analyse").includes("bewaard 40"), 15_000, "the other room relayed");
      expect(watcher.text("analyse")).not.toContain("VERLOREN");
      expect(otherWriter.closeInfo).toBeNull();
      expect(otherWatcher.closeInfo).toBeNull();
    } finally {
      db.exec("drop trigger if exists refuse_one_plan");
      db.close();
    }
    const stored = await (await s1.get(`/api/v1/plans/${other.id}/export.md`)).text();
    for (let i = 1; i <= 40; i++) expect(stored).toContain(`bewaard ${i}\n`);
    expect(await (await s1.get(`/api/v1/plans/${plan.id}/export.md`)).text()).not.toContain("VERLOREN");
    expect(server.process.exitCode).toBeNull();
  });

  it("a failing compaction keeps the plan editable and loses nothing; the next one folds the log", async () => {
    const server = await running();
    await allUnloaded(server);
    const { s1, plan, writer, watcher } = await writerAndWatcher(server);
    const db = openDb(server.databasePath);
    const rows = () => (db.prepare("select count(*) as n from plan_updates where plan_id = ?").get(plan.id) as { n: number }).n;
    try {
      db.exec("create trigger refuse_snapshot before update on plan_snapshots begin select raise(abort, 'schijf vol'); end");
      // Past COLLAB_COMPACT_EVERY (20) twice over: every compaction attempt fails.
      for (let i = 1; i <= 45; i++) writer.writeParagraph("bronnen", `afspraak ${i}`);
      await waitFor(() => watcher.text("bronnen").includes("afspraak 45"), 15_000, "all relayed");
      expect(rows()).toBeGreaterThanOrEqual(45);
      expect(writer.closeInfo).toBeNull();
      // The log line travels through a pipe and may trail the socket traffic.
      await waitFor(() => server.logs().includes("compactie mislukt"), 5000, "the log line");
      db.exec("drop trigger refuse_snapshot");
      // The next try waits for another 20 rows, not for the next keystroke.
      for (let i = 46; i <= 70; i++) writer.writeParagraph("bronnen", `afspraak ${i}`);
      await waitFor(() => rows() < 20, 15_000, "log folded once compaction works again");
    } finally {
      db.exec("drop trigger if exists refuse_snapshot");
      db.close();
    }
    const md = await (await s1.get(`/api/v1/plans/${plan.id}/export.md`)).text();
    for (let i = 1; i <= 70; i++) expect(md).toContain(`afspraak ${i}\n`);
    expect(server.process.exitCode).toBeNull();
  });

  it("a damaged snapshot is an error (4500), never an empty document that overwrites it", async () => {
    const server = await running(); // last: it damages the stored plan
    const s1 = await signedIn(server.url, "student@demo.nl");
    const plan = await demoPlan(s1);
    // Earlier tests' rooms must have left memory (and compacted) before we damage the store.
    await allUnloaded(server);
    const db = openDb(server.databasePath);
    const damaged = Buffer.from([0x01, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x03, 0x99]);
    try {
      db.prepare("update plan_snapshots set state = ? where plan_id = ?").run(damaged, plan.id);
      const client = new YClient(server.url, plan.room, s1.cookieHeader());
      clients.push(client);
      let synced = false;
      void client.synced.then(() => (synced = true));
      expect((await client.closed).code).toBe(4500);
      expect(synced).toBe(false);
      await new Promise((r) => setTimeout(r, 300));
      const stored = db.prepare("select state from plan_snapshots where plan_id = ?").get(plan.id) as { state: Buffer };
      expect(Buffer.compare(stored.state, damaged)).toBe(0);
      expect((await s1.get(`/api/v1/plans/${plan.id}/export.md`)).status).toBe(500);
      expect(server.logs()).toContain("plan kon niet worden geladen");
    } finally {
      db.close();
    }
  });
});
