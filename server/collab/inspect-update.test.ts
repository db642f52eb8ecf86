import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { inspectUpdate } from "./inspect-update";

const SERVER_ONLY = new Set(["signals", "ethiek:aftekening"]);

/** A server doc with text, a checklist and server-owned maps, and a client synced with it. */
function setup() {
  const server = new Y.Doc();
  server.transact(() => {
    const p = new Y.XmlElement("paragraph");
    p.insert(0, [new Y.XmlText("Aanleiding van het onderzoek.")]);
    server.getXmlFragment("section:aanleiding").insert(0, [p]);
    server.getMap("ethiek").set("storage", "OneDrive");
    server.getMap("signals").set("comments", { at: "x" });
    server.getMap("ethiek:aftekening").set("signedOff", { name: "A" });
  });
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

/** The update `change` makes on the client, inspected against the server doc. */
function verdict(change: (doc: Y.Doc) => void) {
  const { server, client } = setup();
  const updates: Uint8Array[] = [];
  client.on("update", (u: Uint8Array) => updates.push(u));
  client.transact(() => change(client));
  return inspectUpdate(server, Y.mergeUpdates(updates), SERVER_ONLY);
}

describe("inspectUpdate", () => {
  it("passes ordinary edits: typing, new paragraphs, deletions, checklist answers", () => {
    const text = (doc: Y.Doc) => (doc.getXmlFragment("section:aanleiding").get(0) as Y.XmlElement).get(0) as Y.XmlText;
    expect(verdict((d) => text(d).insert(5, "x"))).toEqual({ ok: true, grows: true });
    expect(verdict((d) => text(d).delete(0, 4))).toEqual({ ok: true, grows: false });
    expect(verdict((d) => d.getXmlFragment("section:doel").insert(0, [new Y.XmlElement("paragraph")]))).toEqual({ ok: true, grows: true });
    expect(verdict((d) => d.getMap("ethiek").set("storage", "SURFdrive"))).toEqual({ ok: true, grows: true });
    expect(verdict((d) => d.getMap("ethiek").set("signedOff", { name: "Vals" }))).toEqual({ ok: true, grows: true });
  });

  it("refuses anything under a server-only root: new keys, overwrites, deletions, nested types", () => {
    const forbidden = { ok: false, reason: "forbidden" };
    expect(verdict((d) => d.getMap("signals").set("restored", { byName: "Vals" }))).toEqual(forbidden);
    expect(verdict((d) => d.getMap("signals").set("comments", { byName: "Vals" }))).toEqual(forbidden);
    expect(verdict((d) => d.getMap("ethiek:aftekening").set("signedOff", { name: "Vals" }))).toEqual(forbidden);
    expect(verdict((d) => d.getMap("ethiek:aftekening").delete("signedOff"))).toEqual(forbidden);
    expect(verdict((d) => d.getMap("signals").set("nested", new Y.Map()))).toEqual(forbidden);
    // Hidden among legitimate text.
    expect(
      verdict((d) => {
        d.getXmlFragment("section:doel").insert(0, [new Y.XmlText("tekst")]);
        d.getMap("signals").set("restored", {});
      }),
    ).toEqual(forbidden);
  });

  it("refuses an update built on changes the document lacks, and one that does not decode", () => {
    const { server } = setup();
    const stray = new Y.Doc();
    stray.getXmlFragment("section:analyse").insert(0, [new Y.XmlText("eerste")]);
    const before = Y.encodeStateVector(stray);
    stray.getXmlFragment("section:analyse").insert(0, [new Y.XmlText("tweede")]);
    expect(inspectUpdate(server, Y.encodeStateAsUpdate(stray, before), SERVER_ONLY)).toEqual({ ok: false, reason: "missing" });
    expect(inspectUpdate(server, new Uint8Array([1, 1, 0xb5, 0xe3, 0x9c, 0x07, 0, 0x28, 1, 0xff, 0xff, 0x03]), SERVER_ONLY)).toEqual({
      ok: false,
      reason: "malformed",
    });
    // Deleting what nobody has.
    const ghost = new Y.Doc();
    ghost.getXmlFragment("section:analyse").insert(0, [new Y.XmlText("spook")]);
    const sv = Y.encodeStateVector(ghost);
    ghost.getXmlFragment("section:analyse").delete(0, 1);
    expect(inspectUpdate(server, Y.encodeStateAsUpdate(ghost, sv), SERVER_ONLY)).toEqual({ ok: false, reason: "missing" });
  });

  it("passes a full resync (sync step 2 of everything) and an update that repeats known structs", () => {
    const { server, client } = setup();
    client.getXmlFragment("section:doel").insert(0, [new Y.XmlText("nieuw")]);
    expect(inspectUpdate(server, Y.encodeStateAsUpdate(client), SERVER_ONLY)).toEqual({ ok: true, grows: true });
    expect(inspectUpdate(server, Y.encodeStateAsUpdate(server), SERVER_ONLY)).toEqual({ ok: true, grows: false });
  });

  it("passes a reconnecting client's sync step 2, which repeats the server's own deletions in server-only maps", () => {
    const { server, client } = setup();
    // The server overwrites a signal (deleting the old value) and the client receives that.
    const serverUpdates: Uint8Array[] = [];
    server.on("update", (u: Uint8Array) => serverUpdates.push(u));
    server.getMap("signals").set("comments", { at: "y" });
    server.getMap("ethiek:aftekening").delete("signedOff");
    for (const u of serverUpdates) Y.applyUpdate(client, u);
    // Offline, the client types; on reconnect it answers the server's step 1 with everything the server lacks.
    client.getXmlFragment("section:doel").insert(0, [new Y.XmlText("offline getypt")]);
    const step2 = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    expect(Y.decodeUpdate(step2).ds.clients.size).toBeGreaterThan(0); // the whole delete set rides along
    expect(inspectUpdate(server, step2, SERVER_ONLY)).toEqual({ ok: true, grows: true });
  });

  it("costs about what applying the keystroke costs, not a walk over the document", () => {
    const { server, client } = setup();
    const fragment = client.getXmlFragment("section:methode");
    for (let i = 0; i < 2000; i++) {
      const p = new Y.XmlElement("paragraph");
      p.insert(0, [new Y.XmlText(`Alinea ${i} van het plan met wat tekst.`)]);
      fragment.insert(fragment.length, [p]);
    }
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    const keystrokes: Uint8Array[] = [];
    client.on("update", (u: Uint8Array) => keystrokes.push(u));
    for (let round = 0; round < 3; round++) for (let i = 0; i < 2000; i++) ((fragment.get(i) as Y.XmlElement).get(0) as Y.XmlText).insert(3, "k");
    // Relative to Y.applyUpdate in the same loop: absolute times mean little on a shared machine.
    let inspecting = 0;
    let applying = 0;
    for (const u of keystrokes) {
      let start = performance.now();
      const result = inspectUpdate(server, u, SERVER_ONLY);
      inspecting += performance.now() - start;
      expect(result.ok).toBe(true);
      start = performance.now();
      Y.applyUpdate(server, u);
      applying += performance.now() - start;
    }
    const us = (ms: number) => ((ms / keystrokes.length) * 1000).toFixed(1);
    console.log(`per keystroke: inspectUpdate ${us(inspecting)} µs, Y.applyUpdate ${us(applying)} µs`);
    expect(inspecting).toBeLessThan(3 * applying);
  });
});
