import { beforeAll, describe, expect, it } from "vitest";
import { withServer } from "../support/with-server";

/**
 * Contract 6.17, the public showcase: anonymous visitors see public results
 * and nothing else, in the list, its search, the sitemap and the structured
 * data; signed-in people keep their page; other pages still ask to log in.
 */
const t = withServer();

type Row = { id: string; title: string; visibility: string };
const all = () => t.db.prepare("select id, title, visibility from results").all() as Row[];
const publicRows = () => all().filter((r) => r.visibility === "public");
const hiddenRows = () => all().filter((r) => r.visibility !== "public");
const anonymous = (path: string) => fetch(`${t.server.url}${path}`, { redirect: "manual" });

/** The titles as they appear in HTML (React escapes &, <, >, quotes). */
const html = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

let tricky: string;
const TRICKY_TITLE = "Leesmotivatie </script><script>alert(1)</script> in groep 5";

beforeAll(() => {
  // A public result with links and a title that tries to break out of the JSON-LD script.
  const school = t.db.prepare("select id from schools where name = 'Basisschool De Regenboog'").get() as { id: string };
  tricky = crypto.randomUUID();
  const now = new Date().toISOString();
  t.db
    .prepare(
      `insert into results (id, school_id, title, type, summary, theme_ids, links, visibility, published_at, created_at)
       values (?, ?, ?, 'onderzoeksrapport', 'Leerlingen lezen meer als ze zelf kiezen.', '["lezen-en-taal"]', ?, 'public', ?, ?)`,
    )
    .run(
      tricky,
      school.id,
      TRICKY_TITLE,
      JSON.stringify([
        { label: "Volledig rapport", url: "https://example.org/rapport.pdf" },
        { label: "Kwaadaardig", url: "javascript:alert(1)" },
      ]),
      now,
      now,
    );
});

describe("anonymous /opbrengsten", () => {
  it("lists every public result and no other", async () => {
    const response = await anonymous("/opbrengsten");
    expect(response.status).toBe(200);
    const body = await response.text();
    for (const r of publicRows()) expect(body, r.title).toContain(html(r.title));
    for (const r of hiddenRows()) expect(body, r.title).not.toContain(html(r.title));
    expect(body).toContain("Openbare opbrengsten");
    expect(body).toMatch(/<meta name="description" content="[^"]{20,}"/);
  });

  it("searches public results only, and bad input is an empty list or results, never an error", async () => {
    const hit = await (await anonymous("/opbrengsten?q=voorleesontbijt")).text();
    expect(hit).toContain("Voorleesontbijt met ouders");
    // A word from a non-public result finds nothing for a visitor.
    const hidden = await (await anonymous("/opbrengsten?q=loopbaangesprekken")).text();
    expect(hidden).not.toContain("LOB in havo 4");
    expect(hidden).toContain("Geen opbrengsten gevonden");
    for (const q of ['"', "NEAR(", "*", "-", "!!!", "a".repeat(1000), 'lezen" OR "x']) {
      const response = await anonymous(`/opbrengsten?q=${encodeURIComponent(q)}`);
      expect(response.status, q).toBe(200);
    }
  });

  it("filters by theme, sector, type and year", async () => {
    const poster = await (await anonymous("/opbrengsten?soort=poster")).text();
    expect(poster).toContain("Voorleesontbijt met ouders");
    expect(poster).not.toContain("Simulaties met cliënten");
    const mbo = await (await anonymous("/opbrengsten?sector=mbo&thema=praktijkleren")).text();
    expect(mbo).toContain("Simulaties met cliënten");
    expect(mbo).not.toContain("Voorleesontbijt");
    const year = new Date().getUTCFullYear();
    const none = await (await anonymous(`/opbrengsten?jaar=${year + 5}`)).text();
    expect(none).toContain("Geen opbrengsten gevonden");
    const garbage = await anonymous("/opbrengsten?jaar=<x>&sector=zz&soort=..&thema=%00");
    expect(garbage.status).toBe(200);
  });

  it("signed-in people keep their page with every level they may see", async () => {
    const client = await t.signedIn("schoolleider@demo.nl");
    const body = await (await client.get("/opbrengsten")).text();
    expect(body).toContain(html("Rijke teksten bij wereldoriëntatie: evaluatie van het eerste jaar"));
    expect(body).not.toContain("Openbare opbrengsten");
  });

  it("other pages still send visitors to the login page", async () => {
    for (const path of ["/", "/vragen", "/opbrengsten/nieuw", "/expertgroepen", "/regio"]) {
      const response = await anonymous(path);
      expect(response.status, path).toBe(302);
      expect(response.headers.get("location"), path).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
    }
  });
});

describe("a public result's page", () => {
  it("shows its links, an APA citation and JSON-LD that cannot break out of its script", async () => {
    const response = await anonymous(`/opbrengsten/${tricky}`);
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain('href="https://example.org/rapport.pdf"');
    expect(body).toContain("Volledig rapport");
    expect(body).not.toContain("javascript:alert");
    expect(body).toMatch(/Basisschool De Regenboog\. \(\d{4}\)\. Leesmotivatie/);
    expect(body).not.toContain("<script>alert(1)</script>");
    const ld = /<script type="application\/ld\+json" nonce="[^"]+">([^<]*)<\/script>/.exec(body);
    expect(ld, "JSON-LD with the CSP nonce").not.toBeNull();
    const data = JSON.parse(ld![1]!) as Record<string, unknown>;
    expect(data).toMatchObject({ "@context": "https://schema.org", "@type": "ScholarlyArticle", name: TRICKY_TITLE, url: `${t.server.url}/opbrengsten/${tricky}` });
    expect(body).toContain('<meta name="description" content="Leerlingen lezen meer als ze zelf kiezen."');
  });

  it("has no JSON-LD or citation when the result is not public", async () => {
    const region = hiddenRows().find((r) => r.visibility === "region")!;
    const client = await t.signedIn("admin@demo.nl");
    const body = await (await client.get(`/opbrengsten/${region.id}`)).text();
    expect(body).toContain(html(region.title));
    expect(body).not.toContain("application/ld+json");
    expect(body).not.toContain("Zo verwijs je naar deze opbrengst");
  });
});

describe("sitemap.xml", () => {
  it("lists the showcase and every public result, nothing else", async () => {
    const response = await anonymous("/sitemap.xml");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/application\/xml/);
    const body = await response.text();
    const locs = [...body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(locs).toContain(`${t.server.url}/opbrengsten`);
    const ids = locs.filter((l) => /\/opbrengsten\/[^/]+$/.test(l)).map((l) => l.split("/").at(-1)).sort();
    expect(ids).toEqual(publicRows().map((r) => r.id).sort());
  });
});
