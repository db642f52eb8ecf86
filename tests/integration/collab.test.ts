import fs from "node:fs";
import type { Socket } from "node:net";
import WebSocket from "ws";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../support/server";
import type { Client } from "../support/http";
import { demoPlan, openDb, signedIn, upgradeStatus, waitFor, YClient, type DemoPlan } from "./collab-helpers";

/** The collaboration server (contract 6.6) with real `ws` clients on a real server. */
let server: RunningServer;
let student: Client;
let student2: Client;
let begeleider: Client;
let schoolleider: Client;
let plan: DemoPlan;
const clients: YClient[] = [];

function connect(client: Client | null, headers: Record<string, string> = {}): YClient {
  const c = new YClient(server.url, plan.room, client ? client.cookieHeader() : null, headers);
  clients.push(c);
  return c;
}

function serverRssMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;
}

async function exportMd(client: Client): Promise<string> {
  const response = await client.get(`/api/v1/plans/${plan.id}/export.md`);
  expect(response.status).toBe(200);
  return response.text();
}

beforeAll(async () => {
  server = await startServer({
    env: { COLLAB_UNLOAD_MS: "400", COLLAB_ACCESS_CHECK_MS: "250", COLLAB_RATE_BURST: "200", COLLAB_RATE_PER_SECOND: "100" },
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

describe("upgrade authentication", () => {
  it("refuses without a session (401), from a foreign origin (403), and hides unknown rooms and other schools' plans (403)", async () => {
    expect(await upgradeStatus(server.url, plan.room, {})).toBe(401);
    expect(await upgradeStatus(server.url, plan.room, { cookie: "so_session=bogus" })).toBe(401);
    expect(await upgradeStatus(server.url, plan.room, { cookie: student.cookieHeader(), origin: "https://evil.example" })).toBe(403);
    expect(await upgradeStatus(server.url, "plan-does-not-exist", { cookie: student.cookieHeader() })).toBe(403);
    const other = await signedIn(server.url, "schoolleider2@demo.nl");
    expect(await upgradeStatus(server.url, plan.room, { cookie: other.cookieHeader() })).toBe(403);
    expect(await upgradeStatus(server.url, plan.room, { cookie: student.cookieHeader(), origin: server.url })).toBe("open");
  });
});

describe("plans API", () => {
  it("lists plans with room and access per role, 401 without session", async () => {
    expect(plan.access).toBe("edit");
    expect((await demoPlan(begeleider)).access).toBe("comment");
    // Contract 6.5 as amended by issue 20: the school's leadership comments.
    expect((await demoPlan(schoolleider)).access).toBe("comment");
    const other = await signedIn(server.url, "student3@demo.nl");
    const body = (await (await other.get("/api/v1/plans")).json()) as { plans: unknown[] };
    expect(body.plans).toEqual([]);
    const anonymous = await fetch(`${server.url}/api/v1/plans`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toHaveProperty("error");
  });

  it("export.md is Markdown of the persisted plan; 404 without access or for unknown ids; 401 without session", async () => {
    const md = await exportMd(student);
    expect(md.startsWith(`# ${plan.title}\n`)).toBe(true);
    for (const heading of ["Aanleiding", "Probleemanalyse", "Onderzoeksvraag en deelvragen", "Ethiek en AVG", "Bronnen"]) {
      expect(md).toContain(`\n## ${heading}\n`);
    }
    expect(md).toContain("**De school wil weten welke aanpak in de eigen klassen werkt**");
    expect(md).toContain("- het aanbod in de klassenbibliotheek");
    expect(md).toContain("1. Hoe ervaren leerlingen");
    const response = await student.get(`/api/v1/plans/${plan.id}/export.md`);
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    const other = await signedIn(server.url, "schoolleider2@demo.nl");
    const hidden = await other.get(`/api/v1/plans/${plan.id}/export.md`);
    const unknown = await other.get(`/api/v1/plans/00000000-0000-0000-0000-000000000000/export.md`);
    expect(hidden.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(await hidden.json()).toEqual(await unknown.json());
    expect((await fetch(`${server.url}/api/v1/plans/${plan.id}/export.md`)).status).toBe(401);
  });
});

describe("live editing", () => {
  it("loads the stored plan before syncing, relays edits between editors and persists them", async () => {
    const a = connect(student);
    const b = connect(student2);
    await Promise.all([a.synced, b.synced]);
    // Our clients offer permessage-deflate (as browsers do); the server must decline
    // it, because Room.broadcast writes ready-made frames (decision 0015).
    expect(a.ws.extensions).toBe("");
    expect(a.text("aanleiding")).toContain("Basisschool De Regenboog");
    a.writeParagraph("methode", "We kiezen voor ontwerpgericht onderzoek in drie cycli.");
    await waitFor(() => b.text("methode").includes("drie cycli"), 15_000, "b sees a's edit");
    b.writeParagraph("methode", "Daan vult aan.");
    await waitFor(() => a.text("methode").includes("Daan vult aan."), 15_000, "a sees b's edit");
    const md = await exportMd(student2);
    expect(md).toMatch(/## Methode en onderzoeksontwerp\n\nWe kiezen voor ontwerpgericht onderzoek in drie cycli\.\n\nDaan vult aan\./);
    a.close();
    b.close();
  });

  it("sends a caret after the text it points into, even when both arrive in one read", async () => {
    const writer = connect(student);
    const watcher = connect(student2);
    await Promise.all([writer.synced, watcher.synced]);
    let textWhenCaretArrived: boolean | null = null;
    watcher.awareness.on("change", () => {
      if (textWhenCaretArrived === null && watcher.awareness.getStates().get(writer.doc.clientID)?.user) {
        textWhenCaretArrived = watcher.text("planning").includes("De cursor volgt de tekst.");
      }
    });
    // Typing and the caret move of one keystroke leave the browser together:
    // one TCP write here (ws offers no public cork), so one server read.
    const raw = (writer.ws as unknown as { _socket: Socket })._socket;
    raw.cork();
    writer.writeParagraph("planning", "De cursor volgt de tekst.");
    writer.setPresence("Sanne");
    process.nextTick(() => raw.uncork());
    await waitFor(() => textWhenCaretArrived !== null, 15_000, "the caret reaches the watcher");
    expect(textWhenCaretArrived).toBe(true);
    writer.close();
    watcher.close();
  });

  it("drops document updates from comment and read connections but lets them sync and share presence", async () => {
    const writer = connect(student);
    const commenter = connect(begeleider);
    const reader = connect(schoolleider);
    await Promise.all([writer.synced, commenter.synced, reader.synced]);
    expect(reader.text("doel")).toContain("samen met het team");
    commenter.writeParagraph("analyse", "BEGELEIDER-SCHRIJFT-NIET");
    reader.writeParagraph("analyse", "LEZER-SCHRIJFT-NIET");
    // Presence shows the signed-in name, whatever the client claims.
    reader.setPresence("Iemand Anders");
    await waitFor(() => [...writer.awareness.getStates().values()].some((s) => s.user?.name === "Jeroen Bakker"), 15_000, "presence");
    expect([...writer.awareness.getStates().values()].some((s) => s.user?.name === "Iemand Anders")).toBe(false);
    writer.writeParagraph("analyse", "Thematische analyse.");
    await waitFor(() => reader.text("analyse").includes("Thematische analyse."), 15_000, "reader sees the writer");
    expect(writer.text("analyse")).not.toContain("NIET");
    expect(await exportMd(student)).not.toContain("SCHRIJFT-NIET");
    // A fresh client gets the server's state: without the dropped updates.
    const fresh = connect(student2);
    await fresh.synced;
    expect(fresh.text("analyse")).toBe("Thematische analyse.");
    for (const c of [writer, commenter, reader, fresh]) c.close();
  });
});

describe("limits and bad input", () => {
  it("closes a socket that sends a malformed frame and keeps serving the others", async () => {
    const good = connect(student);
    const bad = connect(student2);
    const textSender = connect(student2);
    await Promise.all([good.synced, bad.synced, textSender.synced]);
    bad.ws.send(Buffer.from([0, 2, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]));
    expect((await bad.closed).code).toBe(4400);
    textSender.ws.send("hallo");
    expect((await textSender.closed).code).toBe(4400);
    const garbage = connect(student2);
    await garbage.synced;
    garbage.ws.send(Buffer.from([42, 1, 2, 3]));
    expect((await garbage.closed).code).toBe(4400);
    good.writeParagraph("planning", "Nog steeds bereikbaar.");
    const check = connect(student2);
    await check.synced;
    await waitFor(() => check.text("planning").includes("Nog steeds bereikbaar."), 15_000, "server still serves");
    expect(server.process.exitCode).toBeNull();
    good.close();
    check.close();
  });

  it("accepts the largest fixture (a 1 MB paste) and closes with 1009 above the 4 MB message limit", async () => {
    const a = connect(student);
    const b = connect(student2);
    await Promise.all([a.synced, b.synced]);
    const big = "Lorem ipsum dolor sit amet. ".repeat(40_000); // ~1.1 MB
    a.writeParagraph("bronnen", big);
    await waitFor(() => b.text("bronnen").length >= big.length, 10_000, "large update relayed");
    a.ws.send(Buffer.alloc(4 * 1024 * 1024 + 10, 1));
    expect((await a.closed).code).toBe(1009);
    b.close();
  });

  it("refuses a 64 MiB frame by its header (1009) without buffering it, and keeps serving the room", async () => {
    const watcher = connect(student);
    const giant = connect(student2);
    await Promise.all([watcher.synced, giant.synced]);
    const rssBefore = serverRssMb(server.process.pid!);
    giant.ws.send(Buffer.alloc(64 * 1024 * 1024, 7));
    expect((await giant.closed).code).toBe(1009);
    // The server read the length from the frame header and stopped there.
    expect(serverRssMb(server.process.pid!) - rssBefore).toBeLessThan(48);
    watcher.writeParagraph("analyse", "Na het reuzenbericht.");
    const check = connect(student2);
    await check.synced;
    await waitFor(() => check.text("analyse").includes("Na het reuzenbericht."), 15_000, "room still served");
    expect(server.process.exitCode).toBeNull();
    watcher.close();
    check.close();
  });

  it("closes a socket that stops reading (4508) once its unsent data passes the cap, and keeps serving the others", async () => {
    // Its own server and database: a 1 MB cap, and megabytes of text the other tests should not sync.
    const own = await startServer({ env: { COLLAB_MAX_BUFFERED_BYTES: String(1024 * 1024), COLLAB_RATE_BURST: "1000" } });
    try {
      const [s1, s2, admin] = await Promise.all(["student@demo.nl", "student2@demo.nl", "admin@demo.nl"].map((e) => signedIn(own.url, e)));
      const ownPlan = await demoPlan(s1!);
      const writer = new YClient(own.url, ownPlan.room, s1!.cookieHeader());
      const reader = new YClient(own.url, ownPlan.room, s2!.cookieHeader());
      const stalled = new YClient(own.url, ownPlan.room, s2!.cookieHeader());
      clients.push(writer, reader, stalled);
      await Promise.all([writer.synced, reader.synced, stalled.synced]);
      stalled.ws.pause(); // a laptop that stopped reading: the kernel's buffers fill, then ours
      const slowCloses = async () => Number(/^collab_closes_total\{reason="4508"\} (\d+)/m.exec(await (await admin!.get("/metrics")).text())?.[1] ?? 0);
      const chunk = "traag ".repeat(40_000); // 240 kB per paragraph
      let written = 0;
      while ((await slowCloses()) === 0) {
        expect(written).toBeLessThan(150); // 36 MB: far beyond any socket buffer
        writer.writeParagraph("bronnen", `${++written} ${chunk}`);
        await waitFor(() => reader.text("bronnen").includes(`${written} traag`), 15_000, `reader has paragraph ${written}`);
      }
      expect(writer.closeInfo).toBeNull();
      expect(reader.closeInfo).toBeNull();
      writer.writeParagraph("planning", "Na de trage lezer.");
      await waitFor(() => reader.text("planning").includes("Na de trage lezer."), 15_000, "others still served");
      expect(own.process.exitCode).toBeNull();
    } finally {
      await own.stop();
    }
  });

  it("drops an update built on changes the server never had, so the stored plan keeps loading", async () => {
    const a = connect(student);
    const b = connect(student2);
    await Promise.all([a.synced, b.synced]);
    // A second doc with two changes; only the second (which needs the first) is sent.
    const stray = new Y.Doc();
    stray.getXmlFragment("section:analyse").insert(0, [new Y.XmlText("eerste")]);
    const before = Y.encodeStateVector(stray);
    stray.getXmlFragment("section:analyse").insert(0, [new Y.XmlText("WEES-ZONDER-OUDER")]);
    const orphan = Y.encodeStateAsUpdate(stray, before);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    syncProtocol.writeUpdate(e, orphan);
    a.ws.send(encoding.toUint8Array(e));
    expect((await a.closed).code).toBe(4400);
    // Refused before it was applied: the others stay connected (they got 1012 and
    // resynced before record 0018). Unrefused, the next compaction wrote the
    // unplaceable parts into the snapshot, and the plan never loaded again (4500).
    await new Promise((r) => setTimeout(r, 200));
    expect(b.closeInfo).toBeNull();
    const c = connect(student2);
    await c.synced;
    c.writeParagraph("analyse", "Na de verweesde wijziging.");
    await waitFor(() => b.text("analyse").includes("Na de verweesde wijziging."), 15_000, "the others keep receiving");
    b.close();
    await waitFor(async () => (await exportMd(student)).includes("Na de verweesde wijziging."), 15_000, "stored");
    c.close();
    await c.closed;
    await new Promise((r) => setTimeout(r, 800)); // unloaded (COLLAB_UNLOAD_MS 400), so compacted
    const fresh = connect(student2);
    await fresh.synced;
    expect(fresh.text("analyse")).toContain("Na de verweesde wijziging.");
    expect(fresh.text("analyse")).not.toContain("WEES-ZONDER-OUDER");
    fresh.close();
  });

  it("closes a connection that floods messages with 4429", async () => {
    const flooder = connect(student);
    await flooder.synced;
    const query = Buffer.from([3]);
    for (let i = 0; i < 1000 && flooder.ws.readyState === WebSocket.OPEN; i++) flooder.ws.send(query);
    expect((await flooder.closed).code).toBe(4429);
  });

  it("closes a live socket within a second when access is revoked", async () => {
    const victim = connect(student2);
    await victim.synced;
    const db = openDb(server.databasePath);
    const userId = (db.prepare("select id from users where email = ?").get("student2@demo.nl") as { id: string }).id;
    const projectId = (db.prepare("select project_id from plans where id = ?").get(plan.id) as { project_id: string }).project_id;
    const row = db.prepare("select * from project_members where project_id = ? and user_id = ?").get(projectId, userId) as Record<string, string>;
    const revokedAt = Date.now();
    db.prepare("delete from project_members where project_id = ? and user_id = ?").run(projectId, userId);
    try {
      const { code } = await victim.closed;
      expect(code).toBe(4403);
      expect(Date.now() - revokedAt).toBeLessThan(1000);
      expect(await upgradeStatus(server.url, plan.room, { cookie: student2.cookieHeader() })).toBe(403);
    } finally {
      db.prepare("insert into project_members (project_id, user_id, role, created_at) values (?, ?, ?, ?)").run(
        row.project_id,
        row.user_id,
        row.role,
        row.created_at,
      );
      db.close();
    }
  });

  it("closes live sockets when access cannot be checked any more, instead of assuming it still holds", async () => {
    const socket = connect(student2);
    await socket.synced;
    const db = openDb(server.databasePath);
    const failedAt = Date.now();
    // Renaming makes every room's epoch read fail; SQLite rewrites the triggers along with it.
    db.exec("alter table access_epoch rename to access_epoch_weg");
    try {
      const { code } = await socket.closed;
      expect(code).toBe(1011);
      expect(Date.now() - failedAt).toBeLessThan(3000); // four failed checks of 250 ms
      // The log line travels through a pipe and may trail the socket traffic.
      await waitFor(() => server.logs().includes("toegangscontrole mislukt"), 5000, "the log line");
    } finally {
      db.exec("alter table access_epoch_weg rename to access_epoch");
      db.close();
    }
    const again = connect(student2);
    await again.synced;
    again.close();
  });

  it("runs the full access check only when something that decides access changed; a sign-out closes the socket within a second", async () => {
    const admin = await signedIn(server.url, "admin@demo.nl");
    const fullChecks = async () => Number(/^collab_access_checks_total (\d+)/m.exec(await (await admin.get("/metrics")).text())![1]);
    const leaver = await signedIn(server.url, "student2@demo.nl");
    const socket = connect(leaver);
    await socket.synced;
    await new Promise((r) => setTimeout(r, 600)); // the join's own check (checks every 250 ms here)
    const before = await fullChecks();
    await new Promise((r) => setTimeout(r, 1000)); // four ticks, nothing changed
    expect(await fullChecks()).toBe(before);

    // A change elsewhere in the access tables moves the epoch: one full check, access unchanged.
    const db = openDb(server.databasePath);
    try {
      db.prepare("update users set name = name where email = ?").run("schoolleider@demo.nl");
    } finally {
      db.close();
    }
    await waitFor(async () => (await fullChecks()) > before, 3000, "a full check after the change");
    expect(socket.closeInfo).toBeNull();

    const signedOutAt = Date.now();
    expect((await leaver.post("/logout", {})).status).toBeLessThan(400);
    const { code } = await socket.closed;
    expect(code).toBe(4401);
    expect(Date.now() - signedOutAt).toBeLessThan(1000);
  });

  it("unloads the document after the last client leaves, folding the log into the snapshot", async () => {
    const a = connect(student);
    await a.synced;
    a.writeParagraph("implementatie", "Aanbevelingen gaan naar de MR.");
    const db = openDb(server.databasePath);
    const logRows = () => (db.prepare("select count(*) as n from plan_updates where plan_id = ?").get(plan.id) as { n: number }).n;
    try {
      await waitFor(() => logRows() > 0, 15_000, "update logged");
      a.close();
      await a.closed;
      await waitFor(() => logRows() === 0, 15_000, "log folded on unload");
      const snapshot = db.prepare("select state from plan_snapshots where plan_id = ?").get(plan.id) as { state: Buffer };
      const doc = new Y.Doc();
      Y.applyUpdate(doc, snapshot.state);
      expect(doc.getXmlFragment("section:implementatie").toString()).toContain("Aanbevelingen gaan naar de MR.");
      const admin = await signedIn(server.url, "admin@demo.nl");
      const metrics = await (await admin.get("/metrics")).text();
      expect(metrics).toMatch(/^collab_docs_loaded 0$/m);
      expect(metrics).toMatch(/^collab_compactions_total [1-9]/m);
      expect(metrics).toContain("nodejs_eventloop_lag_seconds");
      expect((await student.get("/metrics")).status).toBe(403);
      expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    } finally {
      db.close();
    }
  });
});
