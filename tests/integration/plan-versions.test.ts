import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../support/http";
import { startServer, type RunningServer } from "../support/server";
import { zipEntry } from "../support/zip";
import { demoPlan, openDb, signedIn, waitFor, YClient, type DemoPlan } from "./collab-helpers";

/** Named versions: freeze, list, view with a diff, restore as a new change through the live room. */
let server: RunningServer;
let student: Client;
let plan: DemoPlan;
const clients: YClient[] = [];

beforeAll(async () => {
  server = await startServer();
  student = await signedIn(server.url, "student@demo.nl");
  plan = await demoPlan(student);
});

afterAll(async () => {
  for (const c of clients) c.ws.terminate();
  await server?.stop();
});

describe("plan versions", () => {
  it("freezes, shows a diff against the current text and restores as a new change that live clients receive", async () => {
    const empty = await student.post(`/plannen/${plan.id}/versies`, { name: "   " });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Geef de versie een naam.");

    const frozen = await student.post(`/plannen/${plan.id}/versies`, { name: "Ingediend ter beoordeling" });
    expect(frozen.status).toBe(302);
    expect(frozen.headers.get("location")).toBe(`/plannen/${plan.id}/versies`);
    const list = await (await student.get(`/plannen/${plan.id}/versies`)).text();
    expect(list).toContain("Ingediend ter beoordeling");
    expect(list).toContain("Lotte Jansen");
    const versionId = /\/versies\/([0-9a-f-]{36})/.exec(list)![1]!;

    const live = new YClient(server.url, plan.room, student.cookieHeader());
    const watcher = new YClient(server.url, plan.room, (await signedIn(server.url, "student2@demo.nl")).cookieHeader());
    clients.push(live, watcher);
    await Promise.all([live.synced, watcher.synced]);
    live.writeParagraph("doel", "NIEUWE ZIN NA DE VERSIE");
    await waitFor(() => watcher.text("doel").includes("NIEUWE ZIN"), 15_000, "relayed");

    const view = await (await student.get(`/plannen/${plan.id}/versies/${versionId}`)).text();
    expect(view).toMatch(/<ins><span class="visually-hidden">toegevoegd:(<!-- -->)? <\/span>[^<]*NIEUWE ZIN NA DE VERSIE<\/ins>/);

    const db = openDb(server.databasePath);
    try {
      const rowsBefore = (db.prepare("select count(*) as n from plan_updates where plan_id = ?").get(plan.id) as { n: number }).n;
      const restored = await student.post(`/plannen/${plan.id}/versies/${versionId}`, {});
      expect(restored.status).toBe(302);
      expect(restored.headers.get("location")).toBe(`/plannen/${plan.id}`);
      await waitFor(() => !watcher.text("doel").includes("NIEUWE ZIN"), 15_000, "restore relayed to live clients");
      expect(watcher.text("doel")).toContain("samen met het team");
      expect(live.text("doel")).not.toContain("NIEUWE ZIN");
      const rowsAfter = (db.prepare("select count(*) as n from plan_updates where plan_id = ?").get(plan.id) as { n: number }).n;
      expect(rowsAfter).toBeGreaterThan(rowsBefore); // a new change, not a rewrite
      // The text from just before was frozen first, so the restore can be undone.
      const versions = db.prepare("select id, name from plan_versions where plan_id = ? order by created_at").all(plan.id) as { id: string; name: string }[];
      expect(versions.map((v) => v.name)).toEqual(["Ingediend ter beoordeling", "Vóór terugzetten van “Ingediend ter beoordeling”"]);
      const safety = await (await student.get(`/plannen/${plan.id}/versies/${versions[1]!.id}`)).text();
      expect(safety).toContain("NIEUWE ZIN NA DE VERSIE");
      // Live co-authors are told who restored which version, in the same change as the text.
      const signal = watcher.doc.getMap("signals").get("restored") as { byName?: string; versionName?: string } | undefined;
      expect(signal).toMatchObject({ byName: "Lotte Jansen", versionName: "Ingediend ter beoordeling" });
    } finally {
      db.close();
    }
    const md = await (await student.get(`/api/v1/plans/${plan.id}/export.md`)).text();
    expect(md).not.toContain("NIEUWE ZIN");
    expect(md).toContain("Het doel van dit onderzoek");
  });

  it("lets only editors freeze or restore and hides versions from strangers", async () => {
    const begeleider = await signedIn(server.url, "begeleider@demo.nl");
    expect((await begeleider.get(`/plannen/${plan.id}/versies`)).status).toBe(200);
    expect((await begeleider.post(`/plannen/${plan.id}/versies`, { name: "Poging" })).status).toBe(403);
    const list = await (await student.get(`/plannen/${plan.id}/versies`)).text();
    const versionId = /\/versies\/([0-9a-f-]{36})/.exec(list)![1]!;
    expect((await begeleider.post(`/plannen/${plan.id}/versies/${versionId}`, {})).status).toBe(403);
    const stranger = await signedIn(server.url, "schoolleider2@demo.nl");
    expect((await stranger.get(`/plannen/${plan.id}/versies`)).status).toBe(404);
    expect((await stranger.get(`/plannen/${plan.id}/versies/${versionId}`)).status).toBe(404);
    expect((await student.get(`/plannen/${plan.id}/versies/00000000-0000-0000-0000-000000000000`)).status).toBe(404);
  });

  it("exports the persisted plan as DOCX and as a print page, with the same access rules", async () => {
    const response = await student.get(`/api/v1/plans/${plan.id}/export.docx`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const xml = zipEntry(Buffer.from(await response.arrayBuffer()), "word/document.xml");
    for (const text of [plan.title, "Probleemanalyse", "Ethiek en AVG", "Basisschool De Regenboog", "Hoe ervaren leerlingen"]) {
      expect(xml).toContain(text);
    }
    expect(xml).toContain("<w:b/>"); // the bold sentence stays bold
    const stranger = await signedIn(server.url, "schoolleider2@demo.nl");
    expect((await stranger.get(`/api/v1/plans/${plan.id}/export.docx`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/v1/plans/${plan.id}/export.docx`)).status).toBe(401);

    const print = await student.get(`/plannen/${plan.id}/afdrukken`);
    expect(print.status).toBe(200);
    const html = await print.text();
    expect(html).toContain("<h2 id=\"print-probleem\">Probleemanalyse</h2>");
    expect(html).toContain("zelfdeterminatietheorie");
    expect((await stranger.get(`/plannen/${plan.id}/afdrukken`)).status).toBe(404);
  });
});
