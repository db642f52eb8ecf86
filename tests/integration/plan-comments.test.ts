import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../support/http";
import { startServer, type RunningServer } from "../support/server";
import { demoPlan, openDb, signedIn, waitFor, YClient, type DemoPlan } from "./collab-helpers";
import { zipEntry } from "../support/zip";

/** Feedback on a plan: begeleiders comment, students answer and resolve, readers only read. */
let server: RunningServer;
let begeleider: Client;
let student: Client;
let plan: DemoPlan;

beforeAll(async () => {
  server = await startServer();
  begeleider = await signedIn(server.url, "begeleider@demo.nl");
  student = await signedIn(server.url, "student@demo.nl");
  plan = await demoPlan(student);
});

afterAll(async () => {
  await server?.stop();
});

const anchor = JSON.stringify({ from: { type: null, tname: null, item: { client: 1, clock: 2 }, assoc: 0 }, to: { type: null, tname: null, item: { client: 1, clock: 9 }, assoc: 0 } });

describe("plan comments", () => {
  it("a begeleider comments on selected text; a student answers and resolves; everyone with access sees it", async () => {
    const created = await begeleider.post(`/plannen/${plan.id}/reacties`, {
      intent: "create",
      sectionId: "onderzoeksvraag",
      body: "Kun je de hoofdvraag nog iets concreter maken?",
      quote: "Hoe kunnen leerkrachten",
      anchor,
    });
    expect(created.status).toBe(302);
    expect(created.headers.get("location")).toBe(`/plannen/${plan.id}#onderzoeksvraag`);
    const db = openDb(server.databasePath);
    const thread = db.prepare("select id, anchor, quote from plan_comments where plan_id = ? and parent_id is null").get(plan.id) as {
      id: string;
      anchor: string;
      quote: string;
    };
    db.close();
    expect(JSON.parse(thread.anchor)).toEqual(JSON.parse(anchor));
    expect(thread.quote).toBe("Hoe kunnen leerkrachten");

    expect((await student.post(`/plannen/${plan.id}/reacties`, { intent: "reply", threadId: thread.id, body: "Goed punt, passen we aan." })).status).toBe(302);
    const page = await (await (await signedIn(server.url, "schoolleider@demo.nl")).get(`/plannen/${plan.id}`)).text();
    expect(page).toContain("Kun je de hoofdvraag nog iets concreter maken?");
    expect(page).toContain("Goed punt, passen we aan.");
    expect(page).toContain("Annelies de Graaf");

    expect((await student.post(`/plannen/${plan.id}/reacties`, { intent: "resolve", threadId: thread.id })).status).toBe(302);
    const after = await (await student.get(`/plannen/${plan.id}`)).text();
    expect(after).toContain("Afgehandeld door Lotte Jansen");
    expect((await begeleider.post(`/plannen/${plan.id}/reacties`, { intent: "reopen", threadId: thread.id })).status).toBe(302);
    expect(await (await student.get(`/plannen/${plan.id}`)).text()).not.toContain("Afgehandeld door");

    // The page's script posts with via=script: data and a toast, no redirect (the page stays put).
    const scripted = await student.post(`/plannen/${plan.id}/reacties`, { intent: "reply", threadId: thread.id, body: "Staat erin.", via: "script" });
    expect(scripted.status).toBe(200);
    expect(await scripted.json()).toEqual({ ok: true });
    expect(scripted.headers.get("set-cookie")).toMatch(/so_toast=/);
    expect(await (await student.get(`/plannen/${plan.id}`)).text()).toContain("Staat erin.");
  });

  it("new feedback reaches every live client at once, readers included, through the plan's signals map", async () => {
    const reader = await signedIn(server.url, "schoolleider@demo.nl");
    const live = new YClient(server.url, plan.room, reader.cookieHeader());
    await live.synced;
    try {
      const signals = live.doc.getMap("signals");
      const seen: { byName: string; sectionId: string; intent: string }[] = [];
      signals.observe(() => seen.push(signals.get("comments") as (typeof seen)[number]));
      // Refused input announces nothing.
      expect((await begeleider.post(`/plannen/${plan.id}/reacties`, { intent: "create", sectionId: "doel", body: " " })).status).toBe(400);
      const created = await begeleider.post(`/plannen/${plan.id}/reacties`, {
        intent: "create",
        sectionId: "methode",
        body: "Hoe kies je de klassen?",
        quote: "",
      });
      expect(created.status).toBe(302);
      await waitFor(() => seen.length > 0, 3000, "the comments signal");
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({ byName: "Annelies de Graaf", sectionId: "methode", intent: "create" });
      // The page a live client reloads on that signal carries the new thread.
      expect(await (await reader.get(`/plannen/${plan.id}`)).text()).toContain("Hoe kies je de klassen?");
    } finally {
      live.close();
    }
  });

  it("refuses readers (403), strangers (404), empty or bad input (400) and unknown threads (404), storing nothing", async () => {
    const count = () => {
      const db = openDb(server.databasePath);
      try {
        return (db.prepare("select count(*) as n from plan_comments").get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    const before = count();
    // The programmaleider reads (contract 6.5); the schoolleider comments since issue 20.
    const reader = await signedIn(server.url, "programmaleider@demo.nl");
    const stranger = await signedIn(server.url, "schoolleider2@demo.nl");
    const body = { intent: "create", sectionId: "doel", body: "Mag ik ook?" };
    expect((await reader.post(`/plannen/${plan.id}/reacties`, body)).status).toBe(403);
    expect((await stranger.post(`/plannen/${plan.id}/reacties`, body)).status).toBe(404);
    const empty = await begeleider.post(`/plannen/${plan.id}/reacties`, { ...body, body: "   " });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Schrijf eerst je reactie.");
    expect((await begeleider.post(`/plannen/${plan.id}/reacties`, { ...body, sectionId: "bestaat-niet" })).status).toBe(400);
    expect((await begeleider.post(`/plannen/${plan.id}/reacties`, { ...body, anchor: "{kapot" })).status).toBe(400);
    expect((await begeleider.post(`/plannen/${plan.id}/reacties`, { intent: "wis-alles" })).status).toBe(400);
    expect((await begeleider.post(`/plannen/${plan.id}/reacties`, { intent: "reply", threadId: "nope", body: "x" })).status).toBe(404);
    expect(count()).toBe(before);
  });

  it("the Ethiek & AVG checklist: students answer live, the consent form follows, only the begeleider signs off", async () => {
    expect((await begeleider.post(`/plannen/${plan.id}/ethiek`, {})).status).toBe(400); // not filled in yet
    const live = new YClient(server.url, plan.room, student.cookieHeader());
    await live.synced;
    try {
      const map = live.doc.getMap("ethiek");
      live.doc.transact(() => {
        map.set("pupilsInvolved", "ja");
        map.set("ageGroups", ["onder-12"]);
        map.set("dataMinimisation", "Alleen antwoorden op de leesvragenlijst, zonder namen.");
        map.set("storage", "Beveiligde OneDrive van de hogeschool");
        map.set("retention", "einde-onderzoek");
      });
      // The answers reach SQLite through the socket; poll the persisted form.
      let text = "";
      for (let i = 0; i < 50 && !text.includes("OneDrive"); i++) {
        const form = await student.get(`/plannen/${plan.id}/toestemmingsformulier.md`);
        expect(form.status).toBe(200);
        text = await form.text();
        if (!text.includes("OneDrive")) await new Promise((r) => setTimeout(r, 50));
      }
      expect(text).toContain("ouder/verzorger van");
      expect(text).toContain("Beveiligde OneDrive van de hogeschool");
      expect(text).toContain("Basisschool De Regenboog");

      expect((await student.post(`/plannen/${plan.id}/ethiek`, {})).status).toBe(403);
      expect((await (await signedIn(server.url, "schoolleider@demo.nl")).post(`/plannen/${plan.id}/ethiek`, {})).status).toBe(403);
      const signed = await begeleider.post(`/plannen/${plan.id}/ethiek`, {});
      expect(signed.status).toBe(302);
      // The server writes the sign-off into its own map (record 0018), not into the students' answers.
      const signOffs = live.doc.getMap("ethiek:aftekening");
      await waitFor(() => (signOffs.get("signedOff") as { name?: string } | undefined)?.name === "Annelies de Graaf", 15_000, "sign-off relayed");
      expect(map.get("signedOff")).toBeUndefined();
      const page = await (await student.get(`/plannen/${plan.id}`)).text();
      expect(page).toContain("Afgetekend door Annelies de Graaf");
      // The exports carry the checklist and its sign-off under Ethiek & AVG, for whoever reads the plan on paper.
      const reader = await signedIn(server.url, "schoolleider@demo.nl");
      const md = await (await reader.get(`/api/v1/plans/${plan.id}/export.md`)).text();
      const ethics = md.slice(md.indexOf("## Ethiek"), md.indexOf("## Planning"));
      expect(ethics).toContain("### Checklist Ethiek en AVG");
      expect(ethics).toContain("**Doen er leerlingen mee aan het onderzoek?** Ja");
      expect(ethics).toContain("Actieve toestemming van ouders of verzorgers");
      expect(ethics).toContain("Beveiligde OneDrive van de hogeschool");
      expect(ethics).toContain("Afgetekend door Annelies de Graaf op");
      const print = await (await reader.get(`/plannen/${plan.id}/afdrukken`)).text();
      expect(print).toContain("Checklist Ethiek en AVG");
      expect(print).toContain("Afgetekend door Annelies de Graaf op");
      const docx = await reader.get(`/api/v1/plans/${plan.id}/export.docx`);
      expect(docx.status).toBe(200);
      const xml = zipEntry(Buffer.from(await docx.arrayBuffer()), "word/document.xml");
      expect(xml).toContain("Checklist Ethiek en AVG");
      expect(xml).toContain("Afgetekend door Annelies de Graaf op");
    } finally {
      live.close();
    }
    const stranger = await signedIn(server.url, "schoolleider2@demo.nl");
    expect((await stranger.get(`/plannen/${plan.id}/toestemmingsformulier.md`)).status).toBe(404);
  });
});
