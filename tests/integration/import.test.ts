import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { Client } from "../support/http";
import { visibleText } from "../support/html";
import { withServer } from "../support/with-server";
import { INVITATION_LINK, queuedLink } from "../support/mail";

/**
 * Onboarding by import against the real server and a fresh SQLite file:
 * preview, confirm in one transaction, idempotent re-import, bad input, limits
 * and permissions.
 */
const t = withServer();

const PARTNERSHIP_A = "Partnerschap Samen Opleiden Lingedelta";
const partnershipId = (which: "A" | "B") =>
  (
    t.db.prepare(`select id from partnerships where name ${which === "A" ? "=" : "<>"} ? order by name limit 1`).get(PARTNERSHIP_A) as {
      id: string;
    }
  ).id;
const count = (query: string, ...args: unknown[]) => (t.db.prepare(`select count(*) n from (${query})`).get(...args) as { n: number }).n;
const utf8 = (text: string) => new TextEncoder().encode(text);
/** Windows-1252 bytes as Excel on Windows writes a CSV (only Latin-1 letters used here). */
const cp1252 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

type Upload = { kind: string; bytes: Uint8Array; name?: string; partnership?: string };

function uploadBody({ kind, bytes, name = "import.csv", partnership = partnershipId("A") }: Upload) {
  const form = new FormData();
  form.append("kind", kind);
  form.append("partnership", partnership);
  form.append("bestand", new Blob([new Uint8Array(bytes)]), name);
  return form;
}

async function upload(client: Client, input: Upload) {
  return client.request("/beheer/import", { method: "POST", body: uploadBody(input), headers: { origin: t.server.url } });
}

/** Uploads, follows the redirect to the preview and returns its id and HTML. */
async function preview(client: Client, input: Upload) {
  const response = await upload(client, input);
  expect(response.status, await response.clone().text()).toBe(303);
  const location = response.headers.get("location")!;
  expect(location).toMatch(/^\/beheer\/import\?voorbeeld=[A-Za-z0-9_-]{32}$/);
  const page = await client.get(location);
  expect(page.status).toBe(200);
  return { id: location.split("=")[1]!, html: await page.text() };
}

const confirm = (client: Client, id: string) => client.post("/beheer/import", { intent: "confirm", id });

const visible = visibleText;

describe("onboarding by import", () => {
  it("previews and imports schools: new ones created and linked, a changed one updated, Windows-1252 read right", async () => {
    const admin = await t.signedIn("admin@demo.nl");
    const before = { schools: count("select id from schools"), links: count("select * from partnership_schools") };
    const shortage = (t.db.prepare("select vacancy_tenths v from school_shortages sh join schools s on s.id = sh.school_id where s.name = 'Het Rivierencollege'").get() as { v: number }).v;
    const file = cp1252(
      [
        "Naam;Plaats;Sector;Bestuur;Tekort (fte)",
        "Basisschool De Vlieger;Geldermalsen;po;Stichting Kindwijs;1,5",
        "Kindcentrum Eén;Lingestad;Primair onderwijs;Stichting Kindwijs;",
        "Het Rivierencollege;Lingestad;vo;Stichting VO Lingedelta Oost;2",
        "Basisschool De Regenboog;Lingestad;po;Stichting Kindwijs;",
      ].join("\r\n"),
    );
    const { id, html } = await preview(admin, { kind: "scholen", bytes: file, name: "scholen.csv" });
    const text = visible(html);
    expect(text).toContain("Windows-1252 (Excel)");
    expect(text).toContain("puntkomma's");
    expect(text).toContain("Kindcentrum Eén");
    expect(text).toContain("bestuur: Stichting VO Lingedelta → Stichting VO Lingedelta Oost");
    expect(text).toContain(`tekort (fte): ${String(shortage / 10).replace(".", ",")} → 2`);
    expect(text).toMatch(/Nieuw 2 Bijgewerkt 1 Ongewijzigd 1 Fout 0/);
    expect(html).toContain('<th scope="row">3</th>');
    // Nothing is stored before the confirm.
    expect(count("select id from schools")).toBe(before.schools);

    const done = await confirm(admin, id);
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe(`/beheer/import?resultaat=${id}`);
    const result = visible(await (await admin.get(done.headers.get("location")!)).text());
    expect(result).toContain("2 scholen aangemaakt, 1 bijgewerkt");
    // One audit entry for the whole import, in the same transaction.
    const audit = t.db
      .prepare("select detail from audit_log where event = 'import.completed' and json_extract(detail, '$.importId') = ?")
      .all(id) as { detail: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ kind: "scholen", fileName: "scholen.csv", schoolsCreated: 2, schoolsUpdated: 1 });

    expect(count("select id from schools")).toBe(before.schools + 2);
    expect(count("select * from partnership_schools")).toBe(before.links + 2);
    const een = t.db.prepare("select s.sector, s.board, s.city from schools s where s.name = ?").get("Kindcentrum Eén");
    expect(een).toEqual({ sector: "po", board: "Stichting Kindwijs", city: "Lingestad" });
    expect(t.db.prepare("select sh.vacancy_tenths v from school_shortages sh join schools s on s.id = sh.school_id where s.name = ?").get("Basisschool De Vlieger")).toEqual({ v: 15 });
    expect(t.db.prepare("select board from schools where name = 'Het Rivierencollege'").get()).toEqual({ board: "Stichting VO Lingedelta Oost" });
    expect(
      count("select * from partnership_schools ps join schools s on s.id = ps.school_id where s.name = 'Basisschool De Vlieger' and ps.partnership_id = ?", partnershipId("A")),
    ).toBe(1);

    // The same file again: every row unchanged, nothing to confirm, nothing changes.
    const again = await preview(admin, { kind: "scholen", bytes: file, name: "scholen.csv" });
    expect(visible(again.html)).toContain("Alles in dit bestand staat al in Samen Onderzoeken");
    expect(visible(again.html)).toMatch(/Nieuw 0 Bijgewerkt 0 Ongewijzigd 4 Fout 0/);
    expect(again.html).not.toContain('value="confirm"');
    expect(count("select id from schools")).toBe(before.schools + 2);
  });

  it("invites new staff and students once: existing roles and open invitations are left alone on re-import", async () => {
    const admin = await t.signedIn("admin@demo.nl");
    const staff = utf8(
      "\uFEFFnaam,e-mail,rol,organisatie\n" +
        "Nina Nieuw,Nina.Nieuw@import.test,leraar,Het Rivierencollege\n" +
        "Kees Mulder,expert@demo.nl,Leraar,het rivierencollege\n" +
        "Jeroen Bakker,schoolleider@demo.nl,werkplekbegeleider,Basisschool De Regenboog\n" +
        "Ilse Instituut,ilse@import.test,instituutsopleider,Hogeschool Rivierland - Pabo\n",
    );
    const before = count("select id from invitations");
    const first = await preview(admin, { kind: "medewerkers", bytes: staff });
    const text = visible(first.html);
    expect(text).toMatch(/Nieuw 3 Bijgewerkt 0 Ongewijzigd 1 Fout 0/);
    expect(text).toContain("Heeft deze rol al bij Het Rivierencollege");
    expect(text).toContain("Bestaand account; uitnodiging voor deze rol bij Basisschool De Regenboog");

    const done = await confirm(admin, first.id);
    expect(done.status).toBe(303);
    expect(count("select id from invitations")).toBe(before + 3);
    const nina = t.db.prepare("select email, name, role, school_id is not null as atSchool from invitations where email = 'nina.nieuw@import.test'").get();
    expect(nina).toEqual({ email: "nina.nieuw@import.test", name: "Nina Nieuw", role: "leraar", atSchool: 1 });
    expect(count("select id from audit_log where event = 'invitation.created' and json_extract(detail, '$.importId') = ?", first.id)).toBe(3);

    // The result shows the links once; the CSV has them all and each link works.
    const resultHtml = await (await admin.get(done.headers.get("location")!)).text();
    expect(visible(resultHtml)).toContain("3 uitnodigingen");
    const csv = await admin.get(`/beheer/import/${first.id}/uitnodigingen`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines).toHaveLength(4);
    // The links went by mail (issue 21): the overview names who, the queued mail carries the link.
    expect(lines.join("\n")).not.toContain("/uitnodiging/");
    expect(lines.some((l) => l.includes("nina.nieuw@import.test"))).toBe(true);
    const accept = await new (admin.constructor as typeof Client)(t.server.url).get(queuedLink(t.db, "nina.nieuw@import.test", "invitation", INVITATION_LINK));
    expect(accept.status).toBe(200);
    expect(visible(await accept.text())).toContain("Fatima El Idrissi heeft je uitgenodigd als Leraar bij Het Rivierencollege.");

    // Re-import: no second invitation for anyone.
    const again = await preview(admin, { kind: "medewerkers", bytes: staff });
    expect(visible(again.html)).toMatch(/Nieuw 0 Bijgewerkt 0 Ongewijzigd 4 Fout 0/);
    expect(visible(again.html)).toContain("Is al uitgenodigd");
    await confirm(admin, again.id);
    expect(count("select id from invitations")).toBe(before + 3);

    // A new name for an open invitation is an update, not a second invitation.
    const renamed = await preview(admin, {
      kind: "medewerkers",
      bytes: utf8("naam;e-mail;rol;organisatie\nNina de Nieuw;nina.nieuw@import.test;leraar;Het Rivierencollege\n"),
    });
    expect(visible(renamed.html)).toContain("naam: Nina Nieuw → Nina de Nieuw");
    await confirm(admin, renamed.id);
    expect(count("select id from invitations")).toBe(before + 3);
    expect(t.db.prepare("select name from invitations where email = 'nina.nieuw@import.test'").get()).toEqual({ name: "Nina de Nieuw" });

    // Students, tab-separated (Excel's "Unicode-tekst" uses tabs too).
    const students = await preview(admin, {
      kind: "studenten",
      bytes: utf8("naam\te-mail\tinstituut\nSem Student\tsem@student.import.test\tHogeschool Rivierland – Pabo\n"),
    });
    expect(visible(students.html)).toContain("gescheiden door tabs");
    await confirm(admin, students.id);
    expect(t.db.prepare("select role, institute_id is not null as atInstitute from invitations where email = 'sem@student.import.test'").get()).toEqual({
      role: "student",
      atInstitute: 1,
    });
  });

  it("imports nothing from a file with one bad row, and says per row and column what is wrong", async () => {
    const admin = await t.signedIn("admin@demo.nl");
    const file = utf8(
      [
        "naam;e-mail;rol;organisatie",
        "Anna Goed;anna@fout.import.test;leraar;Het Rivierencollege",
        "Bert Goed;bert@fout.import.test;leraar;Het Rivierencollege",
        "Carla Fout;carla-at-fout.import.test;leraar;Het Rivierencollege",
        '=HYPERLINK("http://evil.example","klik");dirk@fout.import.test;leraar;Het Rivierencollege',
        "Eva Dubbel;anna@FOUT.import.test;leraar;Het Rivierencollege",
        "Fred Goed;fred@fout.import.test;leraar;Het Rivierencollege",
      ].join("\n"),
    );
    const before = { invitations: count("select id from invitations"), audit: count("select id from audit_log") };
    const { id, html } = await preview(admin, { kind: "medewerkers", bytes: file });
    const text = visible(html);
    expect(text).toContain("4 rijen met fouten: er wordt niets geïmporteerd");
    expect(text).toMatch(/Nieuw 2 Bijgewerkt 0 Ongewijzigd 0 Fout 4/);
    expect(text).toContain("Rij 4, kolom ‘e-mail’: dit is geen geldig e-mailadres.");
    expect(text).toContain("Rij 5, kolom ‘naam’: formules zijn niet toegestaan");
    expect(text).toContain("Rij 2, kolom ‘e-mail’: dit e-mailadres staat ook op rij 6.");
    expect(text).toContain("Rij 6, kolom ‘e-mail’: dit e-mailadres staat ook op rij 2.");
    expect(html).toContain(`href="?voorbeeld=${id}&amp;toon=fout&amp;pagina=1#rij-4"`);
    expect(html).toContain('id="rij-4"');
    expect(html).not.toContain('value="confirm"');

    // Confirming anyway (a hand-made request) is refused and stores nothing.
    const refused = await confirm(admin, id);
    expect(refused.status).toBe(400);
    expect(visible(await refused.text())).toContain("Dit bestand bevat fouten; er is niets geïmporteerd.");
    expect(count("select id from invitations")).toBe(before.invitations);
    expect(count("select id from audit_log")).toBe(before.audit);

    // The error report escapes the formula, so a spreadsheet shows it as text.
    const report = await admin.get(`/beheer/import/${id}/fouten`);
    expect(report.status).toBe(200);
    const body = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await report.arrayBuffer());
    expect(body.startsWith("\uFEFFrij;kolom;waarde;melding\r\n")).toBe(true);
    expect(body).toContain(`5;naam;"'=HYPERLINK(""http://evil.example"",""klik"")"`);
    expect(body).not.toMatch(/;"?=HYPERLINK/);
  });

  it("answers wrong headers, an empty file, a binary file and an unknown partnership with one Dutch message each", async () => {
    const admin = await t.signedIn("admin@demo.nl");
    const cases: [Upload, number, string][] = [
      [{ kind: "medewerkers", bytes: utf8("naam;mail;functie;school;telefoon\nA;a@x.nl;leraar;X;06") }, 400, "Onbekende kolommen: telefoon."],
      [{ kind: "studenten", bytes: utf8("naam;plaats;sector;bestuur\nA;B;po;C") }, 400, "Dit lijkt een bestand met scholen"],
      [{ kind: "scholen", bytes: utf8("naam,plaats\nA,B") }, 400, "Ontbrekende kolommen: sector, bestuur."],
      [{ kind: "scholen", bytes: utf8("\n\n") }, 400, "Het bestand is leeg."],
      [{ kind: "scholen", bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0]), name: "scholen.csv" }, 400, "Dit is geen CSV- of Excelbestand."],
      [{ kind: "scholen", bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), name: "oud.xls" }, 400, "Het oude Excel-formaat (.xls)"],
      [{ kind: "scholen", bytes: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), name: "kapot.xlsx" }, 400, "Dit Excelbestand kan niet worden gelezen."],
      [{ kind: "scholen", bytes: utf8("naam;plaats;sector;bestuur\nA;B;po;C"), partnership: "bestaat-niet" }, 403, "Je mag niet importeren in dit partnerschap."],
      [{ kind: "docenten", bytes: utf8("naam\nA") }, 400, "Kies wat je importeert"],
    ];
    for (const [input, status, message] of cases) {
      const response = await upload(admin, input);
      expect(response.status, message).toBe(status);
      expect(visible(await response.text())).toContain(message);
    }
    // Without a file.
    const form = new FormData();
    form.append("kind", "scholen");
    form.append("partnership", partnershipId("A"));
    const noFile = await admin.request("/beheer/import", { method: "POST", body: form, headers: { origin: t.server.url } });
    expect(noFile.status).toBe(400);
    expect(visible(await noFile.text())).toContain("Kies een bestand om te importeren.");
  });

  it("refuses more than 10,000 rows with a Dutch message, also where Remix posts with JavaScript (`.data`, not the 1 MB limit)", async () => {
    const admin = await t.signedIn("admin@demo.nl");
    const lines = ["naam;e-mail;instituut", ...Array.from({ length: 10_001 }, (_, i) => `Student met een heel lange naam ${i};student.met.een.nummer.${i}@veel.import.test;Hogeschool Rivierland – Pabo`)];
    const bytes = utf8(lines.join("\n"));
    expect(bytes.byteLength).toBeGreaterThan(1024 * 1024);
    const invitations = count("select id from invitations");
    for (const url of ["/beheer/import", "/beheer/import.data"]) {
      const response = await admin.request(url, { method: "POST", body: uploadBody({ kind: "studenten", bytes }), headers: { origin: t.server.url } });
      expect(response.status, url).toBe(400);
      expect(await response.text()).toContain("Het bestand heeft 10001 rijen; er kunnen er maximaal 10000 in één keer.");
    }
    expect(count("select id from invitations")).toBe(invitations);
  });

  it("lets a programmaleider import only into their own partnership; a leraar not at all", async () => {
    const leader = await t.signedIn("programmaleider@demo.nl");
    const page = await leader.get("/beheer/import");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(PARTNERSHIP_A);
    expect(html).not.toContain(`value="${partnershipId("B")}"`);
    const schools = count("select id from schools");
    const file = utf8("naam;plaats;sector;bestuur\nSchool Van Een Ander;Waalhaven;po;Stichting B\n");
    const refused = await upload(leader, { kind: "scholen", bytes: file, partnership: partnershipId("B") });
    expect(refused.status).toBe(403);
    expect(count("select id from schools")).toBe(schools);

    // A school of partnership B, named in a file for partnership A, is not pulled in.
    const other = await preview(leader, { kind: "scholen", bytes: utf8("naam;plaats;sector;bestuur\nWaalhaven Lyceum;Waalhaven;vo;Stichting Voortgezet Onderwijs Waalrand\n") });
    expect(visible(other.html)).toContain("deze school bestaat al bij een ander partnerschap");
    // Nor can people be added to a school of partnership B.
    const people = await preview(leader, { kind: "medewerkers", bytes: utf8("naam;e-mail;rol;organisatie\nX Y;xy@import.test;leraar;Waalhaven Lyceum\n") });
    expect(visible(people.html)).toContain("‘Waalhaven Lyceum’ hoort niet bij Partnerschap Samen Opleiden Lingedelta.");

    // Someone else's preview does not exist for this user.
    const admin = await t.signedIn("admin@demo.nl");
    expect(visible(await (await admin.get(`/beheer/import?voorbeeld=${other.id}`)).text())).toContain("Dit voorbeeld is verlopen of bestaat niet.");
    expect((await admin.get(`/beheer/import/${other.id}/fouten`)).status).toBe(404);
    expect((await confirm(admin, other.id)).status).toBe(404);

    const teacher = await t.signedIn("expert@demo.nl");
    expect((await teacher.get("/beheer/import")).status).toBe(403);
    expect((await upload(teacher, { kind: "scholen", bytes: file })).status).toBe(403);
    expect((await teacher.get("/beheer/import/sjabloon/scholen")).status).toBe(403);
    expect(count("select id from schools")).toBe(schools);
  });

  it("offers a template per kind with the Dutch headers", async () => {
    const leader = await t.signedIn("programmaleider@demo.nl");
    const template = await leader.get("/beheer/import/sjabloon/medewerkers");
    expect(template.status).toBe(200);
    expect(template.headers.get("content-disposition")).toContain("sjabloon-medewerkers.csv");
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(await template.arrayBuffer())).toBe("\uFEFFnaam;e-mail;rol;organisatie;plaats\r\n");
    expect((await leader.get("/beheer/import/sjabloon/docenten")).status).toBe(404);
  });

  it("reads an .xlsx built with exceljs, values only: a formula cell is refused, never evaluated", async () => {
    const leader = await t.signedIn("programmaleider@demo.nl");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Medewerkers");
    sheet.addRow(["Naam", "E-mailadres", "Rol", "School"]);
    sheet.addRow(["Xander Excel", "xander@xlsx.import.test", "Leraar", "OBS De Vlinderhof"]);
    sheet.addRow(["Yara Excel", "yara@xlsx.import.test", "onderzoekscoördinator", "OBS De Vlinderhof"]);
    const goodBytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const good = await preview(leader, { kind: "medewerkers", bytes: goodBytes, name: "medewerkers.xlsx" });
    expect(visible(good.html)).toContain("Excel-werkmap (eerste werkblad)");
    expect(visible(good.html)).toMatch(/Nieuw 2 Bijgewerkt 0 Ongewijzigd 0 Fout 0/);
    const before = count("select id from invitations");
    expect((await confirm(leader, good.id)).status).toBe(303);
    expect(count("select id from invitations")).toBe(before + 2);
    expect(t.db.prepare("select role from invitations where email = 'yara@xlsx.import.test'").get()).toEqual({ role: "onderzoekscoordinator" });

    sheet.addRow([{ formula: 'HYPERLINK("http://evil.example","klik")', result: "klik" }, "zed@xlsx.import.test", "leraar", "OBS De Vlinderhof"]);
    const bad = await preview(leader, { kind: "medewerkers", bytes: new Uint8Array(await workbook.xlsx.writeBuffer()), name: "medewerkers.xlsx" });
    expect(visible(bad.html)).toContain("Rij 4, kolom ‘naam’: formules zijn niet toegestaan");
    expect(visible(bad.html)).not.toContain(">klik<");
  });

  it("imports exactly what was previewed: a change in between shows a new preview and imports nothing", async () => {
    const admin = await t.signedIn("admin@demo.nl");
    const file = utf8("naam;plaats;sector;bestuur\nOBS De Vlinderhof;Oeverbeek;po;Stichting Kindwijs Noord\n");
    const { id } = await preview(admin, { kind: "scholen", bytes: file });
    // Someone else changes the school's board to something else in the meantime.
    t.db.prepare("update schools set board = 'Stichting Tussendoor' where name = 'OBS De Vlinderhof'").run();
    const response = await confirm(admin, id);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/beheer/import?voorbeeld=${id}`);
    expect(t.db.prepare("select board from schools where name = 'OBS De Vlinderhof'").get()).toEqual({ board: "Stichting Tussendoor" });
    const html = visible(await (await admin.get(response.headers.get("location")!)).text());
    expect(html).toContain("Sinds het voorbeeld is er iets veranderd");
    expect(html).toContain("bestuur: Stichting Tussendoor → Stichting Kindwijs Noord");
    // Confirming the refreshed preview imports it.
    expect((await confirm(admin, id)).headers.get("location")).toBe(`/beheer/import?resultaat=${id}`);
    expect(t.db.prepare("select board from schools where name = 'OBS De Vlinderhof'").get()).toEqual({ board: "Stichting Kindwijs Noord" });
  });

  it("cuts off a chunked upload (no Content-Length) at the limit while it streams", async () => {
    const admin = await t.signedIn("admin@demo.nl");
    const boundary = "----importgrens";
    const head = utf8(
      `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nscholen\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="partnership"\r\n\r\n${partnershipId("A")}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="bestand"; filename="groot.csv"\r\nContent-Type: text/csv\r\n\r\nnaam;plaats;sector;bestuur\r\n`,
    );
    const chunk = utf8("School;Plaats;po;Bestuur\r\n".repeat(40_000)); // ~1 MB
    let sent = 0;
    let index = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (index === 0) controller.enqueue(head);
        else if (index <= 50) controller.enqueue(chunk);
        else controller.close();
        sent += index === 0 ? head.byteLength : chunk.byteLength;
        index++;
      },
    });
    const schools = count("select id from schools");
    let status: number | null = null;
    try {
      const response = await admin.request("/beheer/import", {
        method: "POST",
        body,
        headers: { origin: t.server.url, "content-type": `multipart/form-data; boundary=${boundary}` },
        duplex: "half",
      } as RequestInit);
      status = response.status;
      expect(visible(await response.text())).toContain("Het bestand is te groot: een importbestand mag maximaal 10 MB zijn.");
    } catch {
      // The server may close the socket before the client finished sending; that is a refusal too.
    }
    if (status !== null) expect(status).toBe(413);
    expect(sent).toBeLessThan(40 * 1024 * 1024);
    expect(count("select id from schools")).toBe(schools);
    const health = await fetch(`${t.server.url}/healthz`);
    expect(health.status).toBe(200);
  });

  // Last in the file: the server answers the oversized upload before the client is done.
  it("refuses a 50 MB upload with 413 and a Dutch message, stores nothing, and keeps serving", async () => {
    const admin = await t.signedIn("admin@demo.nl");
    const schools = count("select id from schools");
    const big = new Uint8Array(50 * 1024 * 1024).fill(0x41);
    big.set(utf8("naam;plaats;sector;bestuur\n"));
    const response = await upload(admin, { kind: "scholen", bytes: big, name: "groot.csv" });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("Het bestand is te groot: een importbestand mag maximaal 10 MB zijn.");
    expect(count("select id from schools")).toBe(schools);
    const health = await fetch(`${t.server.url}/healthz`);
    expect(await health.json()).toEqual({ status: "ok" });
    const page = await (await t.signedIn("admin@demo.nl")).get("/beheer/import");
    expect(page.status).toBe(200);
  });
});
