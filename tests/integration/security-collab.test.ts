import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../support/http";
import { startServer, type RunningServer } from "../support/server";
import { demoPlan, signedIn, waitFor, YClient, type DemoPlan } from "./collab-helpers";

/**
 * Attack tests for the collaboration server (issue 18, findings 1 and 6;
 * contract 6.19): forged one-role decisions and denial of service, each
 * tried with real sockets against a real server, as an outsider would.
 */
let server: RunningServer;
let student: Client;
let student2: Client;
let begeleider: Client;
let schoolleider: Client;
let plan: DemoPlan;
const clients: YClient[] = [];

/** Limits small enough to reach in a test; the defaults are in the README. */
const ROOM_SLOTS = 24;
const EDITOR_SLOTS = 6;
const ROOM_AWARENESS_BYTES = 200_000;

function connect(client: Client, target: { url: string; room: string } = { url: server.url, room: plan.room }): YClient {
  const c = new YClient(target.url, target.room, client.cookieHeader());
  clients.push(c);
  return c;
}

function updateFrame(update: Uint8Array): Buffer {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  syncProtocol.writeUpdate(e, update);
  return Buffer.from(encoding.toUint8Array(e));
}

/** A raw awareness frame: one state for `clientId`, as y-protocols encodes it. */
function awarenessFrame(clientId: number, clock: number, state: unknown): Buffer {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return Buffer.from(encoding.toUint8Array(e));
}

/** Bytes of all awareness states a client holds (what the server relayed to it). */
function awarenessBytes(c: YClient): number {
  let total = 0;
  for (const state of c.awareness.getStates().values()) total += JSON.stringify(state).length;
  return total;
}

async function exportMd(client: Client, planId = plan.id): Promise<string> {
  const response = await client.get(`/api/v1/plans/${planId}/export.md`);
  expect(response.status).toBe(200);
  return response.text();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** "open" while the socket stays up for a moment, otherwise the refusal: HTTP status or close code. */
function connectOutcome(url: string, room: string, cookie: string): Promise<{ outcome: number | "open"; ws: WebSocket }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${url.replace(/^http/, "ws")}/collab/${encodeURIComponent(room)}`, { headers: { cookie } });
    let timer: NodeJS.Timeout | null = null;
    ws.on("unexpected-response", (_req, res) => {
      resolve({ outcome: res.statusCode ?? 0, ws });
      ws.terminate();
    });
    ws.on("open", () => {
      timer = setTimeout(() => resolve({ outcome: "open", ws }), 400);
    });
    ws.on("close", (code) => {
      if (timer) clearTimeout(timer);
      resolve({ outcome: code, ws });
    });
    ws.on("error", () => {});
  });
}

beforeAll(async () => {
  server = await startServer({
    env: {
      COLLAB_MAX_CONNECTIONS_PER_ROOM: String(ROOM_SLOTS),
      COLLAB_EDITOR_RESERVED_CONNECTIONS: String(EDITOR_SLOTS),
      COLLAB_MAX_ROOM_AWARENESS_BYTES: String(ROOM_AWARENESS_BYTES),
      COLLAB_UNLOAD_MS: "400",
    },
  });
  student = await signedIn(server.url, "student@demo.nl");
  student2 = await signedIn(server.url, "student2@demo.nl");
  begeleider = await signedIn(server.url, "begeleider@demo.nl");
  schoolleider = await signedIn(server.url, "schoolleider@demo.nl");
  plan = await demoPlan(student);
});

afterAll(async () => {
  for (const c of clients) c.ws.terminate();
  await server?.stop();
});

describe("finding 1: decisions of one role cannot be forged through the document", () => {
  it("a student who writes a sign-off into the checklist map is not shown as signed off anywhere", async () => {
    const forger = connect(student);
    await forger.synced;
    forger.doc.transact(() => {
      const map = forger.doc.getMap("ethiek");
      map.set("pupilsInvolved", "nee");
      map.set("storage", "Beveiligde OneDrive van de hogeschool");
      map.set("retention", "einde-onderzoek");
      map.set("signedOff", { name: "Annelies de Graaf", at: new Date().toISOString() });
    });
    await waitFor(async () => (await exportMd(student)).includes("Beveiligde OneDrive"), 15_000, "answers stored");
    const reader = await signedIn(server.url, "schoolleider@demo.nl");
    const md = await exportMd(reader);
    expect(md).not.toContain("Afgetekend door");
    expect(md).toContain("Nog niet afgetekend door de begeleider.");
    expect(await (await reader.get(`/plannen/${plan.id}`)).text()).not.toContain("Afgetekend door");
    expect(await (await reader.get(`/plannen/${plan.id}/afdrukken`)).text()).not.toContain("Afgetekend door");
    forger.close();
  });

  it("an update that touches the server's sign-off or signals is refused to its sender (4400): nothing applied, stored or relayed", async () => {
    const watcher = connect(student2);
    await watcher.synced;
    const forged: [string, (doc: Y.Doc) => void][] = [
      ["sign-off", (doc) => doc.getMap("ethiek:aftekening").set("signedOff", { name: "Annelies de Graaf", byId: "x", at: new Date().toISOString(), answers: "{}" })],
      ["restored by", (doc) => doc.getMap("signals").set("restored", { at: new Date().toISOString(), byId: "x", byName: "Annelies de Graaf", versionName: "Vals" })],
      ["comments changed", (doc) => doc.getMap("signals").set("comments", { at: new Date().toISOString(), byId: "x", byName: "Annelies de Graaf", sectionId: "doel", intent: "create" })],
    ];
    for (const [what, forge] of forged) {
      const forger = connect(student);
      await forger.synced;
      // Legitimate text in the same update: refused with it, so nothing half-applied.
      forger.doc.transact(() => {
        forger.writeParagraph("planning", `MEE-GEWEIGERD ${what}`);
        forge(forger.doc);
      });
      expect((await forger.closed).code, what).toBe(4400);
    }
    // The watcher stays connected and got none of it.
    watcher.writeParagraph("planning", "Na de vervalsingen.");
    const fresh = connect(student2);
    await fresh.synced;
    await waitFor(() => fresh.text("planning").includes("Na de vervalsingen."), 15_000, "room still served");
    expect(watcher.closeInfo).toBeNull();
    for (const c of [watcher, fresh]) {
      expect(c.text("planning")).not.toContain("MEE-GEWEIGERD");
      expect(c.doc.getMap("ethiek:aftekening").get("signedOff")).toBeUndefined();
      expect((c.doc.getMap("signals").get("restored") as { versionName?: string } | undefined)?.versionName).not.toBe("Vals");
      expect((c.doc.getMap("signals").get("comments") as { byId?: string } | undefined)?.byId).not.toBe("x");
    }
    expect(await exportMd(student)).not.toContain("MEE-GEWEIGERD");
    watcher.close();
    fresh.close();
  });

  it("a client that reconnects after the server overwrote its signals is not refused (its sync step 2 repeats those deletions)", async () => {
    const first = connect(student);
    await first.synced;
    for (const body of ["Eerste vraag?", "Tweede vraag?"]) {
      expect((await begeleider.post(`/plannen/${plan.id}/reacties`, { intent: "create", sectionId: "doel", body, quote: "" })).status).toBe(302);
    }
    await waitFor(() => (first.doc.getMap("signals").get("comments") as { at?: string } | undefined) !== undefined, 15_000, "signals relayed");
    await sleep(200);
    // The same document on a new socket, as after a network blip: it answers the server's step 1 with its whole delete set.
    const again = connect(student);
    Y.applyUpdate(again.doc, Y.encodeStateAsUpdate(first.doc), "server");
    first.close();
    await again.synced;
    again.writeParagraph("planning", "Na het herverbinden.");
    await waitFor(async () => (await exportMd(student)).includes("Na het herverbinden."), 15_000, "stored after reconnect");
    expect(again.closeInfo).toBeNull();
    again.close();
  });

  it("the begeleider's sign-off comes from the server and lapses when an answer changes", async () => {
    const editor = connect(student);
    await editor.synced;
    editor.doc.transact(() => {
      const map = editor.doc.getMap("ethiek");
      map.set("pupilsInvolved", "nee");
      map.set("storage", "Beveiligde OneDrive van de hogeschool");
      map.set("retention", "einde-onderzoek");
    });
    await waitFor(async () => (await exportMd(student)).includes("einde van het onderzoek"), 15_000, "answers stored");
    expect((await begeleider.post(`/plannen/${plan.id}/ethiek`, {})).status).toBe(302);
    await waitFor(async () => (await exportMd(student)).includes("Afgetekend door Annelies de Graaf"), 15_000, "signed off");
    await waitFor(() => editor.doc.getMap("ethiek:aftekening").get("signedOff") !== undefined, 15_000, "sign-off relayed");
    editor.doc.getMap("ethiek").set("retention", "5-jaar");
    await waitFor(async () => (await exportMd(student)).includes("Nog niet afgetekend door de begeleider."), 15_000, "sign-off lapsed");
    editor.close();
  });
});

describe("finding 6: collaboration denial of service", () => {
  it("(a) an awareness state over 64 KiB is refused (4400) and never reaches the others", async () => {
    const peer = connect(student);
    const attacker = connect(schoolleider); // comment access is enough to send presence
    await Promise.all([peer.synced, attacker.synced]);
    attacker.ws.send(awarenessFrame(attacker.doc.clientID, 1, { user: { name: "x", color: "#000" }, blob: "x".repeat(70 * 1024) }));
    expect((await attacker.closed).code).toBe(4400);
    await sleep(300);
    expect(awarenessBytes(peer)).toBeLessThan(64 * 1024);
    expect(peer.closeInfo).toBeNull();
    peer.close();
  });

  it("(a) many mid-size awareness states stay within the room's budget and one socket's byte rate", async () => {
    const peer = connect(student);
    await peer.synced;
    // One socket repeating a 60 kB state: its byte rate runs out (4429).
    const repeater = connect(schoolleider);
    await repeater.synced;
    const mid = (n: number) => ({ user: { name: "x", color: "#000" }, blob: `${n}`.padEnd(60_000, "y") });
    for (let i = 1; i <= 20 && repeater.ws.readyState === WebSocket.OPEN; i++) repeater.ws.send(awarenessFrame(repeater.doc.clientID, i, mid(i)));
    expect((await repeater.closed).code).toBe(4429);
    // Several sockets with one 60 kB state each: the room's budget stops them.
    const senders = Array.from({ length: 6 }, () => connect(begeleider));
    await Promise.all(senders.map((s) => s.synced));
    for (const [i, s] of senders.entries()) {
      s.ws.send(awarenessFrame(s.doc.clientID, 1, mid(i)));
      await sleep(50);
    }
    await waitFor(() => senders.some((s) => s.closeInfo?.code === 4429), 5000, "a sender over the budget refused");
    await sleep(300);
    expect(awarenessBytes(peer)).toBeLessThanOrEqual(ROOM_AWARENESS_BYTES);
    expect(peer.closeInfo).toBeNull();
    for (const s of [peer, ...senders]) s.close();
  });

  it("(b) one person holds at most 10 sockets per room, and readers cannot take the slots kept for editors", async () => {
    const own: WebSocket[] = [];
    try {
      for (let i = 0; i < 10; i++) {
        const { outcome, ws } = await connectOutcome(server.url, plan.room, schoolleider.cookieHeader());
        own.push(ws);
        expect(outcome, `socket ${i + 1}`).toBe("open");
      }
      const eleventh = await connectOutcome(server.url, plan.room, schoolleider.cookieHeader());
      own.push(eleventh.ws);
      expect([429, 4429]).toContain(eleventh.outcome);
      // The begeleider (comment access) fills what is left for non-editors ...
      const nonEditorSlots = ROOM_SLOTS - EDITOR_SLOTS;
      const results: (number | "open")[] = [];
      for (let i = 0; i < 10; i++) {
        const { outcome, ws } = await connectOutcome(server.url, plan.room, begeleider.cookieHeader());
        own.push(ws);
        results.push(outcome);
      }
      expect(results.filter((r) => r === "open")).toHaveLength(nonEditorSlots - 10);
      expect(results.filter((r) => r !== "open").every((r) => r === 503)).toBe(true);
      // ... and editors still get in.
      const editor = connect(student);
      await editor.synced;
      expect(editor.closeInfo).toBeNull();
      editor.close();
    } finally {
      for (const ws of own) ws.terminate();
    }
    await sleep(300);
  });

  it("(c) an update built on unknown changes, or malformed, is refused to its sender alone (4400); the others keep everything", async () => {
    const watcher = connect(student);
    const writer = connect(student2);
    await Promise.all([watcher.synced, writer.synced]);
    writer.writeParagraph("analyse", "Bevestigde tekst voor de aanval.");
    await waitFor(() => watcher.text("analyse").includes("Bevestigde tekst voor de aanval."), 15_000, "acknowledged text relayed");

    const orphanSender = connect(student2);
    await orphanSender.synced;
    const stray = new Y.Doc();
    stray.getXmlFragment("section:analyse").insert(0, [new Y.XmlText("eerste")]);
    const before = Y.encodeStateVector(stray);
    stray.getXmlFragment("section:analyse").insert(0, [new Y.XmlText("WEES-ZONDER-OUDER")]);
    orphanSender.ws.send(updateFrame(Y.encodeStateAsUpdate(stray, before)));
    expect((await orphanSender.closed).code).toBe(4400);

    const garbageSender = connect(student2);
    await garbageSender.synced;
    garbageSender.ws.send(updateFrame(new Uint8Array([1, 1, 0xb5, 0xe3, 0x9c, 0x07, 0, 0x28, 1, 0xff, 0xff, 0x03])));
    expect((await garbageSender.closed).code).toBe(4400);

    await sleep(300);
    expect(watcher.closeInfo).toBeNull();
    expect(writer.closeInfo).toBeNull();
    writer.writeParagraph("analyse", "Na de aanval.");
    await waitFor(() => watcher.text("analyse").includes("Na de aanval."), 15_000, "still relayed");
    const md = await exportMd(student);
    expect(md).toContain("Bevestigde tekst voor de aanval.");
    expect(md).toContain("Na de aanval.");
    expect(md).not.toContain("WEES-ZONDER-OUDER");
    watcher.close();
    writer.close();
    await watcher.closed;
    await writer.closed;
    await sleep(800); // unloaded and compacted: the stored plan still loads
    const fresh = connect(student);
    await fresh.synced;
    expect(fresh.text("analyse")).toContain("Na de aanval.");
    fresh.close();
  });

  it("(d) the document stops growing at its size limit: the update is refused (4413), the text stays intact", async () => {
    const own = await startServer({ env: { COLLAB_MAX_DOC_BYTES: "300000" } });
    try {
      const [s1, s2] = await Promise.all(["student@demo.nl", "student2@demo.nl"].map((e) => signedIn(own.url, e)));
      const ownPlan = await demoPlan(s1!);
      const writer = connect(s1!, { url: own.url, room: ownPlan.room });
      const watcher = connect(s2!, { url: own.url, room: ownPlan.room });
      await Promise.all([writer.synced, watcher.synced]);
      const block = (n: number) => `BLOK-${n} ${"lorem ipsum ".repeat(8_000)}`; // ~96 kB
      for (const n of [1, 2]) {
        writer.writeParagraph("bronnen", block(n));
        await waitFor(() => watcher.text("bronnen").includes(`BLOK-${n}`), 15_000, `block ${n}`);
      }
      for (const n of [3, 4, 5]) if (writer.ws.readyState === WebSocket.OPEN) writer.writeParagraph("bronnen", block(n));
      expect((await writer.closed).code).toBe(4413);
      await sleep(300);
      expect(watcher.closeInfo).toBeNull();
      expect(watcher.text("bronnen")).not.toContain("BLOK-4");
      const md = await exportMd(s2!, ownPlan.id);
      expect(md).toContain("BLOK-1");
      expect(md).toContain("BLOK-2");
      expect(md).not.toContain("BLOK-4");
      expect(md).toContain("samen met het team"); // the rest of the plan is intact
      // Small edits still fit.
      watcher.writeParagraph("planning", "Kleine wijziging past nog.");
      await waitFor(async () => (await exportMd(s2!, ownPlan.id)).includes("Kleine wijziging past nog."), 15_000, "small edit stored");
      watcher.close();
    } finally {
      await own.stop();
    }
  });

  it("read and comment sockets still change nothing", async () => {
    const writer = connect(student);
    const commenter = connect(begeleider);
    const reader = connect(schoolleider);
    await Promise.all([writer.synced, commenter.synced, reader.synced]);
    commenter.writeParagraph("analyse", "COMMENTAAR-SCHRIJFT-NIET");
    reader.doc.getMap("ethiek").set("storage", "LEZER-SCHRIJFT-NIET");
    writer.writeParagraph("analyse", "Schrijver schrijft wel.");
    await waitFor(() => reader.text("analyse").includes("Schrijver schrijft wel."), 15_000, "writer relayed");
    const md = await exportMd(student);
    expect(md).not.toContain("SCHRIJFT-NIET");
    for (const c of [writer, commenter, reader]) c.close();
  });
});
