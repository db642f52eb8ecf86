import { monitorEventLoopDelay } from "node:perf_hooks";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";

/**
 * The client side of the collab benchmark, run as a separate process (forked
 * by collab.bench.ts, commands over IPC) so the servers never share an event
 * loop or CPU accounting with their clients.
 *
 * Each connection is a raw y-websocket protocol client with its own Y.Doc for
 * its own edits. Latency: a writer stores the send time of every keystroke
 * under (clientID, clock) in this process's memory; a receiver reads client
 * and clock from the header of the relayed update (no full decode, no
 * apply: 100 clients in one process would otherwise make the client process
 * the bottleneck) and takes now − send time. Both clocks are this process's
 * performance.now().
 */

type Cmd =
  | { id: number; op: "connect"; urls: string[]; cookies: (string | null)[] }
  | { id: number; op: "start"; keystrokeMs: number; awarenessMs: number }
  | { id: number; op: "mark" }
  | { id: number; op: "stop"; drainTimeoutMs: number }
  | { id: number; op: "ingest"; urls: string[]; cookies: (string | null)[]; perClient: number; chunk: number; inFlight: number }
  | { id: number; op: "idle"; urls: string[]; cookies: (string | null)[]; content: string }
  | { id: number; op: "closeIdle" }
  | { id: number; op: "exit" };

/** Send times per writer: sendTimes.get(clientID)[clock]. */
const sendTimes = new Map<number, number[]>();
const window = { active: false, start: Infinity, end: Infinity };
const stats = { latencies: [] as number[], messages: 0, updates: 0, delivered: 0, windowSends: 0 };
/** This process's own event-loop delay: when it is high, latencies include client queueing. */
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();

function updateHeader(update: Uint8Array): { client: number; clock: number } | null {
  const d = decoding.createDecoder(update);
  const clients = decoding.readVarUint(d);
  if (clients === 0) return null;
  decoding.readVarUint(d); // number of structs
  return { client: decoding.readVarUint(d), clock: decoding.readVarUint(d) };
}

class Conn {
  readonly doc = new Y.Doc();
  readonly text = this.doc.getText("t");
  readonly ws: WebSocket;
  readonly synced: Promise<void>;
  private ackWaiters: (() => void)[] = [];
  private awarenessClock = 0;
  sending = true;
  closed = false;
  timers: NodeJS.Timeout[] = [];

  constructor(url: string, cookie: string | null) {
    this.ws = new WebSocket(url, { headers: cookie ? { cookie } : {}, perMessageDeflate: false });
    this.ws.binaryType = "nodebuffer";
    let markSynced: () => void = () => {};
    let fail: (e: Error) => void = () => {};
    this.synced = new Promise((resolve, reject) => {
      markSynced = resolve;
      fail = reject;
    });
    this.ws.on("unexpected-response", (_req, res) => fail(new Error(`upgrade refused: HTTP ${res.statusCode}`)));
    this.ws.on("error", (e) => fail(e));
    this.ws.on("close", (code) => {
      this.closed = true;
      fail(new Error(`closed ${code}`));
    });
    this.ws.on("open", () => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      syncProtocol.writeSyncStep1(e, this.doc);
      this.ws.send(encoding.toUint8Array(e));
    });
    this.ws.on("message", (data: Buffer) => this.onMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
    this.doc.on("update", (update: Uint8Array) => {
      if (!this.sending || this.ws.readyState !== WebSocket.OPEN) return;
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      syncProtocol.writeUpdate(e, update);
      this.ws.send(encoding.toUint8Array(e));
    });
    this.synced.catch(() => {});
    // Fired once the sync step 2 arrives; later step 2s are acknowledgements.
    this.ackWaiters.push(() => markSynced());
  }

  private onMessage(bytes: Uint8Array): void {
    const now = performance.now();
    if (window.active) stats.messages++;
    const d = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(d);
    if (type !== 0) return; // awareness: counted, not applied
    const sub = decoding.readVarUint(d);
    if (sub === syncProtocol.messageYjsSyncStep1) {
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, 0);
      syncProtocol.writeSyncStep2(reply, this.doc, decoding.readVarUint8Array(d));
      this.ws.send(encoding.toUint8Array(reply));
    } else if (sub === syncProtocol.messageYjsSyncStep2) {
      this.ackWaiters.shift()?.();
    } else if (sub === syncProtocol.messageYjsUpdate) {
      const header = updateHeader(decoding.readVarUint8Array(d));
      if (!header || header.client === this.doc.clientID) return; // the reference echoes to the author
      const sent = sendTimes.get(header.client)?.[header.clock];
      if (sent === undefined || sent < window.start || sent > window.end) return;
      stats.latencies.push(now - sent);
      stats.delivered++;
    }
  }

  /** Sync step 1 → step 2: the server handled (and, ours, stored) everything sent before. */
  ack(): Promise<void> {
    const p = new Promise<void>((r) => this.ackWaiters.push(r));
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    syncProtocol.writeSyncStep1(e, this.doc);
    this.ws.send(encoding.toUint8Array(e));
    return p;
  }

  keystroke(): void {
    const clock = Y.getState(this.doc.store, this.doc.clientID);
    let times = sendTimes.get(this.doc.clientID);
    if (!times) sendTimes.set(this.doc.clientID, (times = []));
    const now = performance.now();
    times[clock] = now;
    if (window.active && now >= window.start) stats.windowSends++;
    this.text.insert(this.text.length, String.fromCharCode(97 + (clock % 26)));
  }

  awareness(): void {
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, this.doc.clientID);
    encoding.writeVarUint(inner, ++this.awarenessClock);
    const pos = this.text.length;
    encoding.writeVarString(inner, JSON.stringify({ user: { name: "bench", color: "#0b6e4f" }, cursor: { anchor: pos, head: pos } }));
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
    this.ws.send(encoding.toUint8Array(e));
  }

  close(): void {
    for (const t of this.timers) clearInterval(t);
    this.ws.close();
  }
}

let typists: Conn[] = [];
let idlers: Conn[] = [];

async function connectAll(urls: string[], cookies: (string | null)[]): Promise<Conn[]> {
  const conns: Conn[] = [];
  // A few at a time: a thundering herd of upgrades is not what we measure.
  for (let i = 0; i < urls.length; i += 10) {
    const batch = urls.slice(i, i + 10).map((u, j) => new Conn(u, cookies[i + j] ?? null));
    await Promise.all(batch.map((c) => c.synced));
    conns.push(...batch);
  }
  return conns;
}

function sorted(values: number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

function pct(s: number[], p: number): number {
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function handle(cmd: Cmd): Promise<unknown> {
  switch (cmd.op) {
    case "connect":
      typists = await connectAll(cmd.urls, cmd.cookies);
      return { connected: typists.length };
    case "start":
      for (const c of typists) {
        // Staggered, as real typists are: 5 keystrokes/s and one awareness update/s each.
        const k = setTimeout(() => c.timers.push(setInterval(() => c.keystroke(), cmd.keystrokeMs)), Math.random() * cmd.keystrokeMs);
        const a = setTimeout(() => c.timers.push(setInterval(() => c.awareness(), cmd.awarenessMs)), Math.random() * cmd.awarenessMs);
        c.timers.push(k, a);
      }
      return {};
    case "mark":
      Object.assign(stats, { latencies: [], messages: 0, updates: 0, delivered: 0, windowSends: 0 });
      loopDelay.reset();
      window.start = performance.now();
      window.end = Infinity;
      window.active = true;
      return {};
    case "stop": {
      window.end = performance.now();
      const seconds = (window.end - window.start) / 1000;
      const messages = stats.messages;
      const clientLoopP99 = loopDelay.percentile(99) / 1e6;
      for (const c of typists) for (const t of c.timers) clearInterval(t);
      // Every writer's updates handled by the server (ours: stored), then late
      // deliveries of window sends, which still count, up to a timeout.
      const deadline = performance.now() + cmd.drainTimeoutMs;
      await Promise.race([Promise.all(typists.filter((c) => !c.closed).map((c) => c.ack())), sleep(cmd.drainTimeoutMs)]);
      const expected = stats.windowSends * (typists.length - 1);
      while (stats.delivered < expected && performance.now() < deadline) await sleep(50);
      const drainSeconds = (performance.now() - window.end) / 1000;
      window.active = false;
      const s = sorted(stats.latencies);
      const clocks = typists.map((c) => [c.doc.clientID, Y.getState(c.doc.store, c.doc.clientID)] as const);
      const closedEarly = typists.filter((c) => c.closed).length;
      for (const c of typists) c.close();
      typists = [];
      sendTimes.clear();
      return {
        seconds,
        p50: pct(s, 50),
        p99: pct(s, 99),
        max: s.at(-1) ?? NaN,
        samples: s.length,
        messagesPerSecond: messages / seconds,
        sentPerSecond: stats.windowSends / seconds,
        missed: expected - stats.delivered,
        closedEarly,
        drainSeconds,
        clientLoopP99,
        clocks,
        latencies: s, // sorted; the bench pools the rounds of one N
      };
    }
    case "ingest": {
      const conns = await connectAll(cmd.urls, cmd.cookies);
      // Pre-generate the updates (one keystroke each) so only sending is timed.
      const updates = conns.map((c) => {
        const out: Uint8Array[] = [];
        c.sending = false;
        const grab = (u: Uint8Array) => {
          const e = encoding.createEncoder();
          encoding.writeVarUint(e, 0);
          syncProtocol.writeUpdate(e, u);
          out.push(encoding.toUint8Array(e));
        };
        c.doc.on("update", grab);
        for (let i = 0; i < cmd.perClient; i++) c.text.insert(c.text.length, "x");
        c.doc.off("update", grab);
        return out;
      });
      const start = performance.now();
      await Promise.all(
        conns.map(async (c, ci) => {
          const list = updates[ci]!;
          const acks: Promise<void>[] = [];
          for (let i = 0; i < list.length; i += cmd.chunk) {
            for (const m of list.slice(i, i + cmd.chunk)) c.ws.send(m);
            acks.push(c.ack());
            if (acks.length >= cmd.inFlight) await acks.shift();
          }
          await Promise.all(acks);
        }),
      );
      const seconds = (performance.now() - start) / 1000;
      const clocks = conns.map((c) => [c.doc.clientID, Y.getState(c.doc.store, c.doc.clientID)] as const);
      const closedEarly = conns.filter((c) => c.closed).length;
      for (const c of conns) c.close();
      return { updatesPerSecond: (cmd.perClient * conns.length) / seconds, seconds, clocks, closedEarly };
    }
    case "idle": {
      const content = new Uint8Array(Buffer.from(cmd.content, "base64"));
      idlers.push(...(await connectAll(cmd.urls, cmd.cookies)));
      const fresh = idlers.slice(-cmd.urls.length);
      for (const c of fresh) Y.applyUpdate(c.doc, content, "content"); // sent as one update
      await Promise.all(fresh.map((c) => c.ack()));
      return { open: idlers.length };
    }
    case "closeIdle":
      for (const c of idlers) c.close();
      idlers = [];
      return {};
    case "exit":
      setTimeout(() => process.exit(0), 10);
      return {};
  }
}

process.on("message", (cmd: Cmd) => {
  handle(cmd).then(
    (result) => process.send!({ id: cmd.id, ok: true, result }),
    (error: unknown) => process.send!({ id: cmd.id, ok: false, error: String(error) }),
  );
});
process.send!({ ready: true });
