import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../support/http";
import { startServer, type RunningServer } from "../support/server";
import { zipEntry } from "../support/zip";
import { demoPlan, signedIn, waitFor, YClient, type DemoPlan } from "./collab-helpers";

/** Issue 24: exports with a cover, the consent form as Word and PDF, suggestions, presence and the page's contract. */
let server: RunningServer;
let student: Client;
let begeleider: Client;
let plan: DemoPlan;
const clients: YClient[] = [];

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

beforeAll(async () => {
  server = await startServer();
  student = await signedIn(server.url, "student@demo.nl");
  begeleider = await signedIn(server.url, "begeleider@demo.nl");
  plan = await demoPlan(student);
});

afterAll(async () => {
  for (const c of clients) c.ws.terminate();
  await server?.stop();
});

async function pdfText(response: Response): Promise<string> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/pdf");
  const parser = new PDFParse({ data: new Uint8Array(await response.arrayBuffer()) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

describe("plan exports", () => {
  it("the Word export, the PDF and the print view carry a cover with students, school, begeleiders, date and version", async () => {
    const frozen = await student.post(`/plannen/${plan.id}/versies`, { name: "Ingediend ter beoordeling" });
    expect(frozen.status).toBe(302);
    const today = new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Amsterdam" }).format(new Date());
    const cover = ["Onderzoeksplan", plan.title, "Lotte Jansen", "Daan Visser", "Annelies de Graaf", today, "Ingediend ter beoordeling"];

    const docx = await student.get(`/api/v1/plans/${plan.id}/export.docx`);
    expect(docx.headers.get("content-type")).toBe(DOCX);
    const xml = zipEntry(Buffer.from(await docx.arrayBuffer()), "word/document.xml");
    for (const text of [...cover, "Studenten", "Begeleiders", "Versie", "Probleemanalyse"]) expect(xml).toContain(text);

    const pdf = await pdfText(await student.get(`/plannen/${plan.id}/onderzoeksplan.pdf`));
    for (const text of [...cover, "Probleemanalyse", "Ethiek en AVG"]) expect(pdf).toContain(text);
    // The cover is a page of its own: the plan's first heading is not on page 1.
    expect(pdf.split(/-- 1 of \d+ --/)[0]).not.toContain("Probleemanalyse");

    const print = await (await student.get(`/plannen/${plan.id}/afdrukken`)).text();
    for (const text of cover) expect(print).toContain(text);
  });

  it("the consent form comes as Word (6.18) and as PDF with the plan and school, under the same access rules", async () => {
    const docx = await student.get(`/plannen/${plan.id}/toestemmingsformulier.docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get("content-type")).toBe(DOCX);
    const xml = zipEntry(Buffer.from(await docx.arrayBuffer()), "word/document.xml");
    for (const text of ["Toestemmingsformulier (concept)", plan.title, "Basisschool De Regenboog", "Handtekening"]) expect(xml).toContain(text);

    const pdf = await pdfText(await begeleider.get(`/plannen/${plan.id}/toestemmingsformulier.pdf`));
    for (const text of ["Toestemmingsformulier (concept)", plan.title, "Basisschool De Regenboog", "Handtekening"]) expect(pdf).toContain(text);
    // The Markdown's hard line break keeps "School:" on a line of its own (not run into the title).
    expect(pdf).toMatch(/Onderzoek:[^\n]*\n\s*School:/);

    const stranger = await signedIn(server.url, "schoolleider2@demo.nl");
    for (const path of ["toestemmingsformulier.docx", "toestemmingsformulier.pdf", "onderzoeksplan.pdf"]) {
      expect((await stranger.get(`/plannen/${plan.id}/${path}`)).status).toBe(404);
      const anonymous = await fetch(`${server.url}/plannen/${plan.id}/${path}`, { redirect: "manual" });
      expect([302, 303]).toContain(anonymous.status);
    }
  });
});

describe("the plan page", () => {
  it("has an element per section id and a nav linking to each (6.18)", async () => {
    const html = await (await student.get(`/plannen/${plan.id}`)).text();
    const ids = ["aanleiding", "probleem", "doel", "onderzoeksvraag", "theoretisch-kader", "methode", "participanten", "dataverzameling", "analyse", "ethiek", "planning", "implementatie", "bronnen"];
    const nav = /<nav[^>]*aria-label="Inhoud van het plan"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? "";
    for (const id of ids) {
      expect(html).toContain(`id="${id}"`);
      expect(nav).toContain(`href="#${id}"`);
    }
    // The persisted text is in the HTML itself, before any script runs.
    expect(html).toContain("Basisschool De Regenboog");
  });
});

describe("suggestions", () => {
  it("a begeleider suggests new text for a selection; only an author can accept it, once", async () => {
    const withoutText = await begeleider.post(`/plannen/${plan.id}/reacties`, {
      intent: "create",
      sectionId: "doel",
      body: "Korter?",
      suggestion: "Een kortere zin.",
      via: "script",
    });
    expect(withoutText.status).toBe(400);
    expect(((await withoutText.json()) as { error: string }).error).toBe("Selecteer eerst de tekst die je voorstel moet vervangen.");

    const made = await begeleider.post(`/plannen/${plan.id}/reacties`, {
      intent: "create",
      sectionId: "doel",
      body: "Korter?",
      quote: "samen met het team",
      suggestion: "met het hele team",
      via: "script",
    });
    expect(made.status).toBe(200);
    const html = await (await student.get(`/plannen/${plan.id}`)).text();
    expect(html).toContain("met het hele team");
    expect(html).toContain("Voorstel overnemen");
    const threadId = /name="threadId" value="([^"]+)"/.exec(html.slice(html.indexOf("met het hele team")))![1]!;

    const byBegeleider = await begeleider.post(`/plannen/${plan.id}/reacties`, { intent: "accept", threadId, via: "script" });
    expect(byBegeleider.status).toBe(403);
    expect(((await byBegeleider.json()) as { error: string }).error).toBe("Alleen de auteurs van het plan kunnen een voorstel overnemen.");

    expect((await student.post(`/plannen/${plan.id}/reacties`, { intent: "accept", threadId, via: "script" })).status).toBe(200);
    expect((await student.post(`/plannen/${plan.id}/reacties`, { intent: "accept", threadId, via: "script" })).status).toBe(409);
    const after = await (await student.get(`/plannen/${plan.id}`)).text();
    expect(after).toContain("Voorstel overgenomen");
  });
});

describe("presence", () => {
  it("the server stamps each awareness state with the person's id and role, whatever the client claims", async () => {
    const lotte = new YClient(server.url, plan.room, student.cookieHeader());
    const annelies = new YClient(server.url, plan.room, begeleider.cookieHeader());
    clients.push(lotte, annelies);
    await Promise.all([lotte.synced, annelies.synced]);
    annelies.awareness.setLocalStateField("user", { name: "Iemand anders", id: "vervalst", role: "student", color: "#123456" });
    annelies.setPresence("Iemand anders");
    const stateOf = () =>
      [...lotte.awareness.getStates().values()].map((s) => (s as { user?: { name: string; id: string; role: string } }).user).find((u) => u?.role === "begeleider");
    await waitFor(() => stateOf() !== undefined, 5000, "begeleider's presence relayed");
    expect(stateOf()).toMatchObject({ name: "Annelies de Graaf", role: "begeleider" });
    expect(stateOf()!.id).not.toBe("vervalst");
  });
});
