import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../support/http";
import { startServer, type RunningServer } from "../support/server";
import { demoPlan, openDb, signedIn, type DemoPlan } from "./collab-helpers";

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
    expect(created.headers.get("location")).toBe(`/plannen/${plan.id}#sectie-onderzoeksvraag`);
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
    const reader = await signedIn(server.url, "schoolleider@demo.nl");
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
});
