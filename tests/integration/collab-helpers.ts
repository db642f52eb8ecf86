import Database from "better-sqlite3";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { Client } from "../support/http";

/**
 * A real y-websocket protocol client on `ws` for the collaboration tests: it
 * answers the server's sync step 1, applies what it receives and sends every
 * local change, exactly as the browser's WebsocketProvider does.
 */
export class YClient {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly ws: WebSocket;
  readonly synced: Promise<void>;
  readonly closed: Promise<{ code: number; reason: string }>;
  closeInfo: { code: number; reason: string } | null = null;

  constructor(baseUrl: string, room: string, cookie: string | null, headers: Record<string, string> = {}) {
    const url = `${baseUrl.replace(/^http/, "ws")}/collab/${encodeURIComponent(room)}`;
    this.ws = new WebSocket(url, { headers: { ...(cookie ? { cookie } : {}), ...headers } });
    this.ws.binaryType = "nodebuffer";
    let markSynced: () => void = () => {};
    this.synced = new Promise((resolve) => (markSynced = resolve));
    this.closed = new Promise((resolve) =>
      this.ws.on("close", (code, reason) => {
        this.closeInfo = { code, reason: reason.toString() };
        resolve(this.closeInfo);
      }),
    );
    this.ws.on("error", () => {});
    this.ws.on("open", () => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      syncProtocol.writeSyncStep1(e, this.doc);
      this.ws.send(encoding.toUint8Array(e));
    });
    this.ws.on("message", (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      const type = decoding.readVarUint(decoder);
      if (type === 0) {
        const reply = encoding.createEncoder();
        encoding.writeVarUint(reply, 0);
        const sub = syncProtocol.readSyncMessage(decoder, reply, this.doc, "server");
        if (sub === syncProtocol.messageYjsSyncStep2) markSynced();
        if (encoding.length(reply) > 1) this.ws.send(encoding.toUint8Array(reply));
      } else if (type === 1) {
        awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), "server");
      }
    });
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === "server" || this.ws.readyState !== WebSocket.OPEN) return;
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      syncProtocol.writeUpdate(e, update);
      this.ws.send(encoding.toUint8Array(e));
    });
  }

  /** Text of a section (all paragraphs, joined by newlines). */
  text(sectionId: string): string {
    return this.doc
      .getXmlFragment(`section:${sectionId}`)
      .toArray()
      .map((n) => (n instanceof Y.XmlElement ? n.toArray().map((c) => (c instanceof Y.XmlText ? c.toString() : "")).join("") : ""))
      .join("\n");
  }

  /** Appends a paragraph with `text` to a section, as Tiptap would. */
  writeParagraph(sectionId: string, text: string): void {
    const fragment = this.doc.getXmlFragment(`section:${sectionId}`);
    const p = new Y.XmlElement("paragraph");
    p.insert(0, [new Y.XmlText(text)]);
    fragment.insert(fragment.length, [p]);
  }

  setPresence(name: string): void {
    this.awareness.setLocalStateField("user", { name, color: "#0b6e4f" });
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]));
    this.ws.send(encoding.toUint8Array(e));
  }

  close(): void {
    this.awareness.destroy();
    this.ws.close();
  }
}

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 3000, what = "condition"): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The HTTP status of a refused upgrade, or "open" when it was accepted. */
export function upgradeStatus(baseUrl: string, room: string, headers: Record<string, string>): Promise<number | "open"> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, "ws")}/collab/${encodeURIComponent(room)}`, { headers });
    ws.on("unexpected-response", (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on("open", () => {
      resolve("open");
      ws.close();
    });
    ws.on("error", () => {});
  });
}

export async function signedIn(baseUrl: string, email: string): Promise<Client> {
  const client = new Client(baseUrl);
  await client.login(email);
  return client;
}

export type DemoPlan = { id: string; room: string; title: string; access: string };

export async function demoPlan(client: Client): Promise<DemoPlan> {
  const response = await client.get("/api/v1/plans");
  const body = (await response.json()) as { plans: DemoPlan[] };
  const plan = body.plans.find((p) => p.title.includes("leesmotivatie"));
  if (!plan) throw new Error(`demo plan not visible: ${JSON.stringify(body)}`);
  return plan;
}

export function openDb(path: string) {
  const db = new Database(path);
  db.pragma("busy_timeout = 5000");
  return db;
}
