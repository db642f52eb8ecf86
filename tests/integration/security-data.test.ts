import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { createDeflateRaw, deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { addPlansBeside } from "../support/extra-plans";
import type { Client } from "../support/http";
import { INVITATION_LINK, queuedLink } from "../support/mail";
import { withServer } from "../support/with-server";
import { demoPlan, waitFor, YClient } from "./collab-helpers";

/**
 * Attack tests for issue 18 (findings 4, 7, 9b–9e) against the real server
 * and a fresh demo database.
 */
const t = withServer();

const schoolId = (name: string) => (t.db.prepare("select id from schools where name = ?").get(name) as { id: string }).id;
const visible = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<[^>]+>/g, " ");

describe("finding 4: concept questions stay with the school", () => {
  it("does not show A1's concepts on its agenda to the programmaleider or an admin, page or .data", async () => {
    const a1 = schoolId("Basisschool De Regenboog");
    const concepts = t.db.prepare("select id, school_year from questions where school_id = ? and status = 'concept'").all(a1) as {
      id: string;
      school_year: string;
    }[];
    expect(concepts.length).toBeGreaterThan(0);
    for (const email of ["programmaleider@demo.nl", "admin@demo.nl"]) {
      const client = await t.signedIn(email);
      for (const concept of concepts) {
        const query = `school=${a1}&jaar=${concept.school_year}`;
        const page = await client.get(`/agenda?${query}`);
        expect(page.status).toBe(200);
        // Before the fix: the concept's row (with its id, title and desired outcome) was in both.
        expect(await page.text(), email).not.toContain(concept.id);
        const single = await client.get(`/agenda.data?${query}`);
        expect(single.status).toBe(200);
        expect(await single.text(), email).not.toContain(concept.id);
      }
    }
    // The school's own staff still see them.
    const own = await t.signedIn("schoolleider@demo.nl");
    const concept = concepts[0]!;
    expect(await (await own.get(`/agenda?school=${a1}&jaar=${concept.school_year}`)).text()).toContain(concept.id);
  });
});

/** Sends the head of a multipart upload and holds the rest back; resolves with the answer if one comes. */
function partialUpload(client: Client, parts: { name: string; value?: string; file?: Buffer }[], declaredLength: number) {
  const boundary = "----angriff";
  const url = new URL("/opbrengsten/nieuw", t.server.url);
  let head = "";
  for (const part of parts) {
    head += `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${part.file ? `; filename="groot.pdf"\r\nContent-Type: application/pdf` : ""}\r\n\r\n`;
    if (part.value !== undefined) head += `${part.value}\r\n`;
  }
  return new Promise<{ status: number | null; body: string }>((resolve) => {
    const request = http.request(url, {
      method: "POST",
      headers: {
        cookie: client.cookieHeader(),
        origin: t.server.url,
        "content-type": `multipart/form-data; boundary=${boundary}`,
        "content-length": String(declaredLength),
      },
    });
    const timer = setTimeout(() => {
      request.destroy();
      resolve({ status: null, body: "" });
    }, 4_000);
    request.on("response", (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => {
        clearTimeout(timer);
        request.destroy();
        resolve({ status: response.statusCode ?? null, body });
      });
    });
    request.on("error", () => {});
    request.write(head);
    // A first megabyte of "file"; the other 29 MB never come.
    request.write(Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(1024 * 1024, 0x20)]));
  });
}

const tmpFiles = () => {
  const dir = path.join(t.server.dataDir, "uploads", ".tmp");
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
};

describe("finding 7: uploads are authorised before the body is read", () => {
  it("refuses someone with no project before reading the upload", async () => {
    const stranger = await t.signedIn("student3@demo.nl");
    const project = (t.db.prepare("select id from projects limit 1").get() as { id: string }).id;
    const answer = await partialUpload(stranger, [{ name: "projectId", value: project }, { name: "files", file: Buffer.alloc(0) }], 30 * 1024 * 1024);
    // Before the fix: no answer until all 30 MB had arrived (here: never).
    expect(answer.status).toBe(403);
  });

  it("refuses a project that is not yours as soon as its id arrives, and leaves no temporary file", async () => {
    const student = await t.signedIn("student@demo.nl");
    const mine = t.db
      .prepare("select p.id from projects p join project_members m on m.project_id = p.id join users u on u.id = m.user_id where u.email = 'student@demo.nl'")
      .all() as { id: string }[];
    // A project of other students (student3 has none; it is nobody's business of student@).
    const demoPlanId = (t.db.prepare("select id from plans limit 1").get() as { id: string }).id;
    const [foreign] = addPlansBeside(t.db, demoPlanId, [{ title: "Ander project", room: "security-ander-project" }], ["student3@demo.nl"]).map((p) => ({
      id: p.projectId,
    }));
    expect(mine.some((m) => m.id === foreign!.id)).toBe(false);
    const answer = await partialUpload(student, [{ name: "projectId", value: foreign!.id }, { name: "files", file: Buffer.alloc(0) }], 30 * 1024 * 1024);
    expect(answer.status).toBe(403);
    expect(visible(answer.body)).toContain("alleen opbrengsten publiceren van je eigen projecten");
    // A file part before any project id is refused too: the project comes first.
    const early = await partialUpload(student, [{ name: "files", file: Buffer.alloc(0) }], 30 * 1024 * 1024);
    expect(early.status).toBe(400);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(tmpFiles()).toEqual([]);
  });
});

/** A workbook whose sheet claims 1 kB unpacked but really inflates to `megabytes` MB. */
async function lyingXlsx(megabytes: number): Promise<Buffer> {
  const workbook = Buffer.from('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>');
  const deflater = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflater.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => deflater.on("end", resolve));
  const block = Buffer.alloc(1024 * 1024, 0x20);
  for (let i = 0; i < megabytes; i++) deflater.write(block);
  deflater.end();
  await done;
  const entries = [
    { name: "xl/workbook.xml", data: deflateRawSync(workbook), size: workbook.length },
    { name: "xl/worksheets/sheet1.xml", data: Buffer.concat(chunks), size: 1024 },
  ];
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt32LE(entry.data.length, 18);
    header.writeUInt32LE(entry.size, 22); // the lie
    header.writeUInt16LE(name.length, 26);
    local.push(header, name, entry.data);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(entry.data.length, 20);
    dir.writeUInt32LE(entry.size, 24); // the lie
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += 30 + name.length + entry.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directory, end]);
}

async function importUpload(client: Client, bytes: Uint8Array, name: string) {
  const partnership = (t.db.prepare("select id from partnerships where name = 'Partnerschap Samen Opleiden Lingedelta'").get() as { id: string }).id;
  const form = new FormData();
  form.append("kind", "studenten");
  form.append("partnership", partnership);
  form.append("bestand", new Blob([new Uint8Array(bytes)]), name);
  return client.request("/beheer/import", { method: "POST", body: form, headers: { origin: t.server.url } });
}

describe("finding 9b: no invitation links in plain text on disk", () => {
  it("keeps the links of an import out of the stored result file", async () => {
    const admin = await t.signedIn("admin@demo.nl");
    const csv = new TextEncoder().encode("naam;e-mail;instituut\nSanne Schijf;sanne.schijf@import.test;Hogeschool Rivierland – Pabo\n");
    const uploaded = await importUpload(admin, csv, "studenten.csv");
    expect(uploaded.status).toBe(303);
    const id = uploaded.headers.get("location")!.split("=")[1]!;
    const done = await admin.post("/beheer/import", { intent: "confirm", id });
    expect(done.status).toBe(303);
    // The links travel only by mail (issue 21): the overview names who was invited, never a link.
    const links = await (await admin.get(`/beheer/import/${id}/uitnodigingen`)).text();
    expect(links).toContain("sanne.schijf@import.test");
    expect(links).not.toContain("/uitnodiging/");
    const token = queuedLink(t.db, "sanne.schijf@import.test", "invitation", INVITATION_LINK).split("/").pop()!;
    const stored = fs.readFileSync(path.join(t.server.dataDir, "imports", `${id}.json`), "utf8");
    // Before the fix: the whole link, token and all, sat in this file for an hour.
    expect(stored).not.toContain(token);
    expect(stored).not.toContain("/uitnodiging/");
    // The mailed link works.
    expect((await fetch(`${t.server.url}/uitnodiging/${token}`)).status).toBe(200);
  });
});

describe("finding 9c: the zip-bomb check counts real inflated bytes", () => {
  it("refuses an XLSX whose directory lies about its unpacked size", async () => {
    const admin = await t.signedIn("admin@demo.nl");
    const bomb = await lyingXlsx(160);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const response = await importUpload(admin, bomb, "studenten.xlsx");
    // Before the fix: the declared 1 kB passed the check and exceljs unpacked all 160 MB.
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("uitgepakt te groot");
    expect((await fetch(`${t.server.url}/healthz`)).status).toBe(200);
  });
});

describe("finding 9d: the consent form escapes the storage answer", () => {
  it("puts a Markdown link and heading in the storage answer as text, not as Markdown", async () => {
    const student = await t.signedIn("student@demo.nl");
    const plan = await demoPlan(student);
    const live = new YClient(t.server.url, plan.room, student.cookieHeader());
    await live.synced;
    const hostile = "[Klik hier](https://evil.example/ouders)\n\n# Nieuwe kop";
    try {
      live.doc.getMap("ethiek").set("storage", hostile);
      let text = "";
      await waitFor(
        async () => {
          text = await (await student.get(`/plannen/${plan.id}/toestemmingsformulier.md`)).text();
          return text.includes("Klik hier");
        },
        15_000,
        "storage answer persisted",
      );
      // Before the fix: a live link and a new heading in the parents' form.
      expect(text).not.toContain("[Klik hier](https://evil.example/ouders)");
      expect(text).not.toMatch(/^# Nieuwe kop/m);
      expect(text).toContain("\\[Klik hier\\]");
    } finally {
      live.close();
    }
  });
});

describe("finding 9e: schoolleiders see placements, not students' ranks and explanations", () => {
  it("sends the school no rank or explanation in the loader data", async () => {
    const round = () => t.db.prepare("select * from matching_rounds order by created_at desc limit 1").get() as { id: string };
    const lead = await t.signedIn("programmaleider@demo.nl");
    expect((await lead.post("/matching", { intent: "run", roundId: round().id })).status).toBe(302);
    expect((await lead.post("/matching", { intent: "publish", roundId: round().id, confirm: "ja" })).status).toBe(302);
    const placed = t.db
      .prepare(
        `select a.explanation, u.email from round_assignments a join questions q on q.id = a.question_id
         join memberships m on m.school_id = q.school_id and m.role = 'schoolleider' join users u on u.id = m.user_id
         where a.round_id = ? and u.email like '%demo.nl' limit 1`,
      )
      .get(round().id) as { explanation: string; email: string } | undefined;
    expect(placed).toBeDefined();
    const school = await t.signedIn(placed!.email);
    const page = await (await school.get("/matching")).text();
    expect(page).toContain('id="school-proposals"');
    const data = await (await school.get("/matching.data")).text();
    // Before the fix: every assignment of the school carried `rank` and `explanation`.
    expect(data).not.toContain(placed!.explanation.slice(0, 40));
    expect(data).not.toContain('"explanation"');
    expect(data).not.toContain('"rank"');
  });
});
