import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import Database from "better-sqlite3";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { Client } from "../support/http";
import { startServer } from "../support/server";
import { percentile, round } from "./stats";

/**
 * Collaboration benchmark (contract 6.7, issue 4): our server (auth, SQLite
 * persist-before-relay, limits) next to the reference @y/websocket-server@0.1.1
 * (in memory, no auth) in the same run. N raw y-websocket clients per room.
 * Env: BENCH_COLLAB_CLIENTS (5), BENCH_COLLAB_EDITS (200), BENCH_COLLAB_DOCS (50).
 */
const root = path.resolve(import.meta.dirname, "../..");

class BenchClient {
  readonly doc = new Y.Doc();
  readonly ws: WebSocket;
  readonly synced: Promise<void>;
  private waiters: (() => void)[] = [];

  constructor(url: string, cookie?: string) {
    this.ws = new WebSocket(url, { headers: cookie ? { cookie } : {} });
    let done: () => void = () => {};
    this.synced = new Promise((r) => (done = r));
    this.ws.on("open", () => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      syncProtocol.writeSyncStep1(e, this.doc);
      this.ws.send(encoding.toUint8Array(e));
    });
    this.ws.on("message", (data: Buffer) => {
      const d = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(d) !== 0) return;
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, 0);
      const kind = syncProtocol.readSyncMessage(d, reply, this.doc, "remote");
      if (kind === syncProtocol.messageYjsSyncStep2) done();
      if (encoding.length(reply) > 1) this.ws.send(encoding.toUint8Array(reply));
      for (const w of this.waiters.splice(0)) w();
    });
    this.doc.on("update", (u: Uint8Array, origin: unknown) => {
      if (origin === "remote") return;
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      syncProtocol.writeUpdate(e, u);
      this.ws.send(encoding.toUint8Array(e));
    });
  }

  clockOf(clientId: number): number {
    return Y.getState(this.doc.store, clientId);
  }

  /** Resolves once this doc holds `clock` of `clientId`. */
  async reach(clientId: number, clock: number): Promise<void> {
    while (this.clockOf(clientId) < clock) await new Promise<void>((r) => this.waiters.push(r));
  }

  type(text: string): void {
    const fragment = this.doc.getXmlFragment("section:methode");
    let p = fragment.get(0) as Y.XmlElement | undefined;
    if (!p) {
      p = new Y.XmlElement("paragraph");
      p.insert(0, [new Y.XmlText()]);
      fragment.insert(0, [p]);
    }
    const t = p.get(0) as Y.XmlText;
    t.insert(t.length, text);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function startReference(): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(root, "node_modules/@y/websocket-server/src/server.js")], {
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("reference server did not start")), 15_000);
    child.stdout!.on("data", (c: Buffer) => {
      if (c.toString().includes("running at")) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return { url: `ws://127.0.0.1:${port}`, process: child };
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

type Target = { name: string; roomUrl: (i: number) => string; cookie?: string; pid: number };

async function measure(target: Target, clients: number, edits: number, docs: number) {
  const conns = Array.from({ length: clients }, () => new BenchClient(target.roomUrl(0), target.cookie));
  await Promise.all(conns.map((c) => c.synced));
  // Warm up.
  for (let i = 0; i < 20; i++) {
    const w = conns[i % clients]!;
    w.type("x");
    const clock = w.clockOf(w.doc.clientID);
    await Promise.all(conns.filter((c) => c !== w).map((c) => c.reach(w.doc.clientID, clock)));
  }
  // Latency: one edit at a time, from the writer's edit until every other client applied it.
  const latencies: number[] = [];
  for (let i = 0; i < edits; i++) {
    const w = conns[i % clients]!;
    const start = performance.now();
    w.type("a");
    const clock = w.clockOf(w.doc.clientID);
    await Promise.all(conns.filter((c) => c !== w).map((c) => c.reach(w.doc.clientID, clock)));
    latencies.push(performance.now() - start);
  }
  // Throughput: everyone types at once; until all clients hold all edits.
  const burst = edits;
  const start = performance.now();
  for (let i = 0; i < burst; i++) for (const c of conns) c.type("b");
  await Promise.all(conns.flatMap((c) => conns.map((w) => c.reach(w.doc.clientID, w.clockOf(w.doc.clientID)))));
  const seconds = (performance.now() - start) / 1000;
  for (const c of conns) c.ws.close();

  // Memory per document: `docs` rooms with one writer each, RSS before and after.
  const before = rssMb(target.pid);
  const writers = Array.from({ length: docs }, (_, i) => new BenchClient(target.roomUrl(i + 1), target.cookie));
  await Promise.all(writers.map((w) => w.synced));
  for (const w of writers) for (let i = 0; i < 100; i++) w.type("Dit is een zin uit het plan. ");
  await new Promise((r) => setTimeout(r, 1500));
  const after = rssMb(target.pid);
  for (const w of writers) w.ws.close();

  const sorted = latencies.sort((a, b) => a - b);
  return {
    medianMs: round(percentile(sorted, 50), 3),
    p95Ms: round(percentile(sorted, 95), 3),
    updatesPerSecond: round((burst * clients) / seconds, 0),
    mbPerDoc: round((after - before) / docs, 3),
  };
}

/** Extra plans for the memory measurement, all writable by student@demo.nl. */
function addBenchPlans(databasePath: string, count: number): string[] {
  const db = new Database(databasePath);
  try {
    const demo = db.prepare("select p.project_id, pr.question_id, pr.school_id from plans p join projects pr on pr.id = p.project_id limit 1").get() as {
      project_id: string;
      question_id: string;
      school_id: string;
    };
    const student = (db.prepare("select id from users where email = 'student@demo.nl'").get() as { id: string }).id;
    const rooms: string[] = [];
    const now = new Date().toISOString();
    db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const projectId = crypto.randomUUID();
        const room = `bench-${crypto.randomUUID()}`;
        db.prepare("insert into projects (id, question_id, school_id, title, created_at) values (?, ?, ?, ?, ?)").run(
          projectId,
          demo.question_id,
          demo.school_id,
          `Bench ${i}`,
          now,
        );
        db.prepare("insert into project_members (project_id, user_id, role, created_at) values (?, ?, 'student', ?)").run(projectId, student, now);
        db.prepare("insert into plans (id, project_id, title, room, created_at) values (?, ?, ?, ?, ?)").run(crypto.randomUUID(), projectId, `Bench ${i}`, room, now);
        rooms.push(room);
      }
    })();
    return rooms;
  } finally {
    db.close();
  }
}

export async function runCollabBench(): Promise<Record<string, string | number>[]> {
  const clients = Number(process.env.BENCH_COLLAB_CLIENTS ?? 5);
  const edits = Number(process.env.BENCH_COLLAB_EDITS ?? 200);
  const docs = Number(process.env.BENCH_COLLAB_DOCS ?? 50);
  const ours = await startServer({
    env: { LOG_LEVEL: "warn", COLLAB_RATE_PER_SECOND: "100000", COLLAB_RATE_BURST: "100000", COLLAB_COMPACT_EVERY: "500" },
  });
  const reference = await startReference();
  try {
    const http = new Client(ours.url);
    await http.login("student@demo.nl");
    const plans = (await (await http.get("/api/v1/plans")).json()) as { plans: { room: string }[] };
    const benchRooms = addBenchPlans(ours.databasePath, docs);
    const ourRooms = [plans.plans[0]!.room, ...benchRooms];
    const wsBase = ours.url.replace(/^http/, "ws");
    const oursResult = await measure(
      { name: "ours", roomUrl: (i) => `${wsBase}/collab/${ourRooms[i]}`, cookie: http.cookieHeader(), pid: ours.process.pid! },
      clients,
      edits,
      docs,
    );
    const refResult = await measure(
      { name: "reference", roomUrl: (i) => `${reference.url}/bench-room-${i}`, pid: reference.process.pid! },
      clients,
      edits,
      docs,
    );
    const metric = (name: string, key: keyof typeof oursResult, unit: string) => ({
      metric: `${name} (${unit})`,
      ours: oursResult[key],
      reference: refResult[key],
      ratioOursToReference: round(oursResult[key] / refResult[key]),
    });
    return [
      metric(`update latency median, ${clients} clients`, "medianMs", "ms"),
      metric(`update latency p95, ${clients} clients`, "p95Ms", "ms"),
      metric(`throughput, ${clients} clients typing at once`, "updatesPerSecond", "updates/s"),
      metric(`memory per document, ${docs} docs`, "mbPerDoc", "MB"),
    ];
  } finally {
    reference.process.kill("SIGTERM");
    await ours.stop();
  }
}

// Run on its own: `npx tsx tests/bench/collab.bench.ts`.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { printTable } = await import("./stats");
  printTable(await runCollabBench());
}
