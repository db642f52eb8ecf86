import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Client } from "../support/http";
import { withServer } from "../support/with-server";

const t = withServer();

const signedIn = (email: string) => t.signedIn(email);

const demoProject = () => (t.db.prepare("select p.id from projects p join project_members m on m.project_id = p.id join users u on u.id = m.user_id where u.email = 'student@demo.nl'").get() as { id: string }).id;
const count = (table: string) => (t.db.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;
const PDF = Buffer.from("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

function publishForm(fields: Record<string, string | string[]>, files: { name: string; bytes: Buffer; type?: string }[] = []) {
  const form = new FormData();
  const base: Record<string, string | string[]> = {
    projectId: demoProject(),
    title: "Leesmotivatie in groep 6-8: wat werkt",
    type: "onderzoeksrapport",
    summary: "Leerlingen lezen meer als ze zelf mogen kiezen en er in de klas over praten.",
    conclusions: "Keuzevrijheid en boekgesprekken werken.",
    recommendations: "Start elke week een boekgesprek.\nRicht een leeshoek in met keuzeboeken.",
    themeIds: ["lezen-en-taal"],
    visibility: "region",
    noPupilData: "ja",
    ...fields,
  };
  for (const [key, value] of Object.entries(base)) {
    for (const v of Array.isArray(value) ? value : [value]) form.append(key, v);
  }
  for (const file of files) form.append("files", new Blob([new Uint8Array(file.bytes)], { type: file.type ?? "application/octet-stream" }), file.name);
  return form;
}

async function post(client: Client, form: FormData) {
  return client.request("/opbrengsten/nieuw", { method: "POST", body: form, headers: { origin: t.server.url } });
}

describe("publishing a result", () => {
  it("offers 'Opbrengst publiceren' only to people with a project they may publish from; the others get a way back", async () => {
    const student = await (await signedIn("student@demo.nl")).get("/opbrengsten");
    expect(await student.text()).toContain('href="/opbrengsten/nieuw"');
    for (const email of ["begeleider@demo.nl", "programmaleider@demo.nl", "student3@demo.nl"]) {
      const client = await signedIn(email);
      expect(await (await client.get("/opbrengsten")).text(), email).not.toContain('href="/opbrengsten/nieuw"');
      // Typed by hand: the page says why and links back, instead of ending there.
      const page = await (await client.get("/opbrengsten/nieuw")).text();
      expect(page, email).toContain("Je kunt alleen een opbrengst publiceren van een project waarin je student bent");
      expect(page, email).toContain("Naar de opbrengsten van je partnerschap en regio");
    }
  });

  let resultId: string;

  it("stores a result with a content-checked file, visible to the school until everyone consents", async () => {
    const student = await signedIn("student@demo.nl");
    const response = await post(student, publishForm({}, [{ name: "../../verslag leesmotivatie.pdf", bytes: PDF }]));
    expect(response.status).toBe(302);
    resultId = response.headers.get("location")!.split("/").pop()!;
    const row = t.db.prepare("select visibility from results where id = ?").get(resultId);
    expect(row).toEqual({ visibility: "school" });
    const file = t.db.prepare("select file_name, mime_type, storage_key from result_files where result_id = ?").get(resultId) as Record<string, string>;
    expect(file.file_name).toBe("verslag leesmotivatie.pdf");
    expect(file.mime_type).toBe("application/pdf");
    const stored = path.join(path.dirname(t.server.databasePath), "uploads", file.storage_key!);
    expect(fs.readFileSync(stored)).toEqual(PDF);

    // Not yet visible at another school.
    const other = await signedIn("schoolleider2@demo.nl");
    expect((await other.get(`/opbrengsten/${resultId}`)).status).toBe(404);
  });

  it("becomes visible in the region once the other student and the schoolleider consent", async () => {
    const outsider = await signedIn("student3@demo.nl");
    expect((await outsider.post(`/opbrengsten/${resultId}`, { intent: "consent" })).status).toBe(404);
    const student2 = await signedIn("student2@demo.nl");
    expect(await (await student2.get(`/opbrengsten/${resultId}`)).text()).toContain("Ik geef toestemming");
    expect((await student2.post(`/opbrengsten/${resultId}`, { intent: "consent" })).status).toBe(302);
    expect(t.db.prepare("select visibility from results where id = ?").get(resultId)).toEqual({ visibility: "school" });
    const leader = await signedIn("schoolleider@demo.nl");
    expect((await leader.post(`/opbrengsten/${resultId}`, { intent: "consent" })).status).toBe(302);
    expect(t.db.prepare("select visibility from results where id = ?").get(resultId)).toEqual({ visibility: "region" });

    const other = await signedIn("schoolleider2@demo.nl");
    expect((await other.get(`/opbrengsten/${resultId}`)).status).toBe(200);
    const search = (await (await other.get("/api/v1/results?q=leesmotivatie")).json()) as { results: { id: string }[] };
    expect(search.results.map((r) => r.id)).toContain(resultId);
  });

  it("serves files only to those who may see the result", async () => {
    const fileId = (t.db.prepare("select id from result_files where result_id = ?").get(resultId) as { id: string }).id;
    const other = await signedIn("schoolleider2@demo.nl");
    const download = await other.get(`/opbrengsten/${resultId}/bestand/${fileId}`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("content-disposition")).toContain("attachment");
    expect(Buffer.from(await download.arrayBuffer())).toEqual(PDF);
    const anonymous = await fetch(`${t.server.url}/opbrengsten/${resultId}/bestand/${fileId}`);
    expect(anonymous.status).toBe(404);
    const schoolOnly = (t.db.prepare("select r.id, f.id fid from results r left join result_files f on f.result_id = r.id where r.visibility = 'school' limit 1").get() as { id: string }).id;
    expect((await other.get(`/opbrengsten/${schoolOnly}/bestand/whatever`)).status).toBe(404);
  });

  const bad: [string, Record<string, string | string[]>, { name: string; bytes: Buffer }[], number, string][] = [
    ["an .exe renamed .pdf", {}, [{ name: "verslag.pdf", bytes: Buffer.from("MZ\x90\x00 this is a program") }], 415, "geen PDF, DOCX, PPTX, PNG of JPG"],
    ["no confirmation about pupil data", { noPupilData: "" }, [], 400, "Bevestig dat er geen persoonsgegevens"],
    ["a likely pupil name without a check", { summary: "Interview met Noah Jansen uit groep 7 over lezen en boeken." }, [], 400, "Noah Jansen"],
    ["someone else's project", { projectId: "bestaat-niet" }, [], 403, "eigen projecten"],
    ["a link that is not http(s)", { links: "klik | javascript:alert(1)" }, [], 400, "http:// of https://"],
    ["an empty title", { title: "" }, [], 400, "Geef de opbrengst een titel"],
  ];
  for (const [label, fields, files, status, message] of bad) {
    it(`refuses ${label} with ${status} and stores nothing`, async () => {
      const student = await signedIn("student@demo.nl");
      const [results, files_] = [count("results"), count("result_files")];
      const response = await post(student, publishForm(fields, files));
      expect(response.status).toBe(status);
      expect(await response.text()).toContain(message);
      expect([count("results"), count("result_files")]).toEqual([results, files_]);
    });
  }

  it("shows HTML in a summary as text", async () => {
    const student = await signedIn("student@demo.nl");
    const response = await post(student, publishForm({ visibility: "school", summary: '<script>alert("x")</script> en verder een gewone samenvatting.' }));
    expect(response.status).toBe(302);
    const html = await (await student.get(response.headers.get("location")!)).text();
    expect(html).not.toContain('<script>alert("x")</script>');
    expect(html).toContain("&lt;script&gt;");
  });

  it("refuses publishing by someone without a project", async () => {
    const outsider = await signedIn("expert@demo.nl");
    const response = await post(outsider, publishForm({}));
    expect(response.status).toBe(403);
  });
  // Last in the file: the server answers before reading the whole upload, which leaves that
  // keep-alive connection unusable for the client (the server itself keeps serving; see the
  // durability and security tests).
  it("refuses a file over 20 MB with 413 and stores nothing", async () => {
    const student = await signedIn("student@demo.nl");
    const [results, files] = [count("results"), count("result_files")];
    const big = Buffer.concat([PDF, Buffer.alloc(21 * 1024 * 1024, 32)]);
    const response = await post(student, publishForm({}, [{ name: "groot.pdf", bytes: big }]));
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("te groot");
    expect([count("results"), count("result_files")]).toEqual([results, files]);
  });

});
