import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../support/http";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let db: Database.Database;

beforeAll(async () => {
  server = await startServer();
  db = new Database(server.databasePath);
});
afterAll(async () => {
  db?.close();
  await server?.stop();
});

async function signedIn(email: string) {
  const client = new Client(server.url);
  await client.login(email);
  return client;
}

const partnershipId = (name: string) => (db.prepare("select id from partnerships where name = ?").get(name) as { id: string }).id;
const PARTNERSHIP_A = "Partnerschap Samen Opleiden Lingedelta";
const PARTNERSHIP_B = "Opleidingsschool Waalrand";

describe("/regio dashboard", () => {
  it("shows only the caller's partnership to a programmaleider", async () => {
    const client = await signedIn("programmaleider@demo.nl");
    const html = await (await client.get("/regio")).text();
    expect(html).toContain("Basisschool De Regenboog");
    expect(html).not.toContain("Waalhaven Lyceum");
    expect(html).toContain("Studenten per school tegenover het lerarentekort");
    expect(html).toMatch(/van \d+ ingediende vragen zijn gematcht/);
    // Another partnership is refused, on the page and in the CSV.
    expect((await client.get(`/regio?partnerschap=${partnershipId(PARTNERSHIP_B)}`)).status).toBe(403);
    expect((await client.get(`/regio.csv?tabel=status&partnerschap=${partnershipId(PARTNERSHIP_B)}`)).status).toBe(403);
  });

  it("gives a schoolleider the view of their own school only", async () => {
    const client = await signedIn("schoolleider@demo.nl");
    const html = await (await client.get("/regio")).text();
    expect(html).toContain("Dashboard van je school");
    expect(html).toContain("Basisschool De Regenboog");
    expect(html).not.toContain("Het Rivierencollege");
    const csv = await (await client.get("/regio.csv?tabel=studenten")).text();
    expect(csv.trim().split("\r\n")).toHaveLength(2);
    expect(csv).toContain("Basisschool De Regenboog;");
    const a2 = (db.prepare("select id from schools where name = 'Het Rivierencollege'").get() as { id: string }).id;
    expect((await client.get(`/regio?school=${a2}`)).status).toBe(403);
    expect((await client.get(`/regio.csv?tabel=status&school=${a2}`)).status).toBe(403);
  });

    it("shows every partnership to the admin", async () => {
    const client = await signedIn("admin@demo.nl");
    const html = await (await client.get("/regio")).text();
    expect(html).toContain("Waalhaven Lyceum");
    expect(html).toContain("Basisschool De Regenboog");
  });

  it("counts questions by status exactly as the database does", async () => {
    const client = await signedIn("programmaleider@demo.nl");
    const response = await client.get("/regio.csv?tabel=status");
    const text = await response.text();
    const expected = db
      .prepare(
        `select count(*) n from questions q join partnership_schools ps on ps.school_id = q.school_id
         join partnerships p on p.id = ps.partnership_id where p.name = ? and q.status = 'ingediend'`,
      )
      .get(PARTNERSHIP_A) as { n: number };
    expect(text).toContain(`Ingediend;${expected.n}\r\n`);
  });

  it("shows how questions moved on per month, from the history, as chart, table and CSV", async () => {
    const client = await signedIn("programmaleider@demo.nl");
    const html = await (await client.get("/regio")).text();
    expect(html).toContain('<h2 id="verloop">Verloop van de vragen per maand</h2>');
    expect(html).toContain('aria-label="Tabel: Verloop van de vragen per maand"');
    const csv = (await (await client.get("/regio.csv?tabel=verloop")).text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(csv[0]).toBe("Maand;Ingediend;Open voor matching;Gematcht;Afgerond;Geïmplementeerd");
    const expected = db
      .prepare(
        `select substr(e.at, 1, 7) month, sum(e.to_status = 'ingediend') submitted, sum(e.to_status = 'geimplementeerd') implemented
         from question_events e join questions q on q.id = e.question_id
         join partnership_schools ps on ps.school_id = q.school_id join partnerships p on p.id = ps.partnership_id
         where p.name = ? and e.to_status in ('ingediend', 'open', 'gematcht', 'afgerond', 'geimplementeerd')
         group by month order by month`,
      )
      .all(PARTNERSHIP_A) as { month: string; submitted: number; implemented: number }[];
    expect(expected.length).toBeGreaterThan(1); // the demo history spans several months
    expect(csv.slice(1).map((line) => line.split(";")).map((c) => [c[0], Number(c[1]), Number(c[5])])).toEqual(
      expected.map((r) => [r.month, r.submitted, r.implemented]),
    );
  });

  it("offers the matched share as its own CSV, the same figures as the page", async () => {
    const client = await signedIn("programmaleider@demo.nl");
    const html = await (await client.get("/regio")).text();
    expect(html).toContain('href="/regio.csv?tabel=gematcht');
    const response = await client.get("/regio.csv?tabel=gematcht");
    expect(response.headers.get("content-disposition")).toContain("dashboard-gematcht.csv");
    const [header, row] = (await response.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(header).toBe("Gematcht;Vragen (zonder concepten);Aandeel (%)");
    const [matched, total] = row!.split(";").map(Number);
    const expected = db
      .prepare(
        `select sum(q.status in ('gematcht', 'in_uitvoering', 'afgerond', 'geimplementeerd')) m, count(*) n from questions q
         join partnership_schools ps on ps.school_id = q.school_id join partnerships p on p.id = ps.partnership_id
         where p.name = ? and q.status <> 'concept'`,
      )
      .get(PARTNERSHIP_A) as { m: number; n: number };
    expect([matched, total]).toEqual([expected.m, expected.n]);
  });

  it("CSV: BOM, UTF-8, Dutch headers, and a formula in a school name is escaped", async () => {
    // A school whose name is a formula, in partnership A, with a shortage.
    const region = (db.prepare("select region_id from partnerships where name = ?").get(PARTNERSHIP_A) as { region_id: string }).region_id;
    const evil = '=HYPERLINK("http://evil.example","Klik")';
    db.prepare("insert into schools (id, region_id, name, sector, board, city, created_at) values ('evil-school', ?, ?, 'po', 'Bestuur', 'Lingestad', ?)").run(
      region,
      evil,
      new Date().toISOString(),
    );
    db.prepare("insert into partnership_schools (partnership_id, school_id) values (?, 'evil-school')").run(partnershipId(PARTNERSHIP_A));
    db.prepare("insert into school_shortages (school_id, vacancy_tenths, updated_at) values ('evil-school', 25, ?)").run(new Date().toISOString());

    const client = await signedIn("programmaleider@demo.nl");
    const response = await client.get("/regio.csv?tabel=studenten");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain("attachment");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toBe("School;Studenten;Tekort (fte)");
    const evilLine = lines.find((l) => l.includes("HYPERLINK"))!;
    // Escaped: the cell starts with a quote mark, so Excel shows text instead of running the formula.
    expect(evilLine.startsWith(`"'=HYPERLINK(""http://evil.example"",""Klik"")";0;2,5`)).toBe(true);
    expect(lines.some((l) => l.startsWith("="))).toBe(false);
    expect(text).toContain("Basisschool De Regenboog;");

    const page = await (await client.get("/regio")).text();
    expect(page).toContain("=HYPERLINK(&quot;http://evil.example&quot;");
  });

  it.each(["status", "thema", "maand", "studenten", "acties", "scan"])("CSV table %s downloads with headers", async (table) => {
    const client = await signedIn("admin@demo.nl");
    const response = await client.get(`/regio.csv?tabel=${table}`);
    expect(response.status).toBe(200);
    const text = (await response.text()).replace(/^\uFEFF/, "");
    expect(text.split("\r\n").length).toBeGreaterThan(2);
  });

  it("refuses an unknown table with a Dutch 400", async () => {
    const client = await signedIn("admin@demo.nl");
    const response = await client.get("/regio.csv?tabel=wachtwoorden");
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Deze tabel bestaat niet.");
  });

  it("the scan trend across schools averages the agreed phases", async () => {
    const client = await signedIn("admin@demo.nl");
    const text = await (await client.get("/regio.csv?tabel=scan")).text();
    const expected = db
      .prepare(
        `select round(avg(a.agreed_phase), 2) v from scan_agreements a join culture_scans c on c.id = a.scan_id
         where c.school_year = '2025-2026' and a.aspect_id = 'gespreid-leiderschap'`,
      )
      .get() as { v: number };
    expect(text).toContain(`2025-2026;Gespreid leiderschap;${String(expected.v).replace(".", ",")};`);
  });
});
