import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { withServer } from "../support/with-server";

/**
 * Contract 6.17: OAI-PMH 2.0 at /oai over the public results, paged with
 * resumption tokens (two records a page here), deleted records for results
 * that stop being public, the protocol's error codes, and every response
 * valid against the official OAI-PMH and oai_dc schemas (xmllint).
 */
const t = withServer({ OAI_PAGE_SIZE: "2", OAI_TOKEN_SECRET: "een-test-geheim-van-lengte" });

const root = path.resolve(import.meta.dirname, "../..");
/** The official XSDs: tests/fixtures/xsd, or OAI_XSD_DIR, or ../shared/xsd beside the project. */
const xsdDir = [process.env.OAI_XSD_DIR, path.join(root, "tests/fixtures/xsd"), path.join(root, "../shared/xsd")].find(
  (dir): dir is string => !!dir && fs.existsSync(path.join(dir, "OAI-PMH.xsd")),
);
let schemaFile = "";

beforeAll(() => {
  if (!xsdDir) throw new Error("The OAI-PMH XSDs are missing (tests/fixtures/xsd or ../shared/xsd: OAI-PMH.xsd, oai_dc.xsd, simpledc20021212.xsd, xml.xsd)");
  // One schema that knows both namespaces, so metadata is validated strictly as OAI-PMH.xsd asks.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "oai-xsd-"));
  schemaFile = path.join(dir, "harvest.xsd");
  fs.writeFileSync(
    schemaFile,
    `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:import namespace="http://www.openarchives.org/OAI/2.0/" schemaLocation="${path.join(xsdDir, "OAI-PMH.xsd")}"/>
  <xs:import namespace="http://www.openarchives.org/OAI/2.0/oai_dc/" schemaLocation="${path.join(xsdDir, "oai_dc.xsd")}"/>
</xs:schema>
`,
  );
});

/** Validates with xmllint; throws with its message when invalid. */
function validate(xml: string) {
  const file = path.join(path.dirname(schemaFile), `response-${crypto.randomUUID()}.xml`);
  fs.writeFileSync(file, xml);
  try {
    execFileSync("xmllint", ["--noout", "--nonet", "--schema", schemaFile, file], { stdio: "pipe" });
  } catch (error) {
    throw new Error(`invalid OAI-PMH response: ${(error as { stderr?: Buffer }).stderr?.toString()}\n${xml.slice(0, 3000)}`);
  }
}

async function oai(query: string, method: "GET" | "POST" = "GET"): Promise<string> {
  const response =
    method === "GET"
      ? await fetch(`${t.server.url}/oai?${query}`)
      : await fetch(`${t.server.url}/oai`, { method: "POST", body: query, headers: { "content-type": "application/x-www-form-urlencoded" } });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/xml/);
  const xml = await response.text();
  validate(xml);
  return xml;
}

const errorCodes = (xml: string) => [...xml.matchAll(/<error code="([A-Za-z]+)"/g)].map((m) => m[1]);
/** The token's text: "" for the empty token that ends a paged list, null when there is no token element. */
const tokenOf = (xml: string) => {
  const match = /<resumptionToken[^>]*?(\/>|>([^<]*)<\/resumptionToken>)/.exec(xml);
  return match ? (match[2] ?? "") : null;
};
const headersOf = (xml: string) =>
  [...xml.matchAll(/<header( status="deleted")?><identifier>([^<]+)<\/identifier><datestamp>([^<]+)<\/datestamp>/g)].map((m) => ({
    deleted: !!m[1],
    id: m[2]!.split("result/")[1]!,
    datestamp: m[3]!,
  }));

const publicIds = () => (t.db.prepare("select id from results where visibility = 'public' order by id").all() as { id: string }[]).map((r) => r.id);
const host = () => new URL(t.server.url).hostname;

/** Follows resumption tokens to the end; `between` runs after the first page. */
async function harvest(verb: "ListRecords" | "ListIdentifiers", args = "", between?: () => void) {
  const pages: string[] = [];
  let xml = await oai(`verb=${verb}&metadataPrefix=oai_dc${args}`);
  pages.push(xml);
  between?.();
  for (let token = tokenOf(xml); token; token = tokenOf(xml)) {
    xml = await oai(`verb=${verb}&resumptionToken=${encodeURIComponent(token)}`);
    pages.push(xml);
    expect(pages.length).toBeLessThan(100);
  }
  return { pages, headers: pages.flatMap(headersOf) };
}

beforeAll(() => {
  // More public results than one page holds, over two sectors.
  const schools = t.db.prepare("select id from schools order by name limit 3").all() as { id: string }[];
  const insert = t.db.prepare(
    `insert into results (id, school_id, title, type, summary, theme_ids, visibility, published_at, created_at)
     values (?, ?, ?, 'onderzoeksrapport', ?, '["lezen-en-taal"]', ?, ?, ?)`,
  );
  const now = new Date().toISOString();
  for (let i = 0; i < 5; i++) {
    insert.run(crypto.randomUUID(), schools[i % 3]!.id, `Openbaar onderzoek ${i} & <meer>`, `Samenvatting ${i}\u0007 met een stuurteken.`, "public", now, now);
  }
  insert.run(crypto.randomUUID(), schools[0]!.id, "Geheim partnerschapsonderzoek", "Niet voor buiten.", "partnership", now, now);
});

describe("OAI-PMH verbs", () => {
  it("Identify names the base URL, persistent deleted records and second granularity", async () => {
    const xml = await oai("verb=Identify");
    expect(xml).toContain(`<baseURL>${t.server.url}/oai</baseURL>`);
    expect(xml).toContain("<protocolVersion>2.0</protocolVersion>");
    expect(xml).toContain("<deletedRecord>persistent</deletedRecord>");
    expect(xml).toContain("<granularity>YYYY-MM-DDThh:mm:ssZ</granularity>");
    expect(xml).toContain('<request verb="Identify">');
  });

  it("ListMetadataFormats offers oai_dc, also for one record", async () => {
    expect(await oai("verb=ListMetadataFormats")).toContain("<metadataPrefix>oai_dc</metadataPrefix>");
    const one = await oai(`verb=ListMetadataFormats&identifier=oai:${host()}:result/${publicIds()[0]}`);
    expect(one).toContain("<metadataPrefix>oai_dc</metadataPrefix>");
  });

  it("ListSets has a set per theme and per sector", async () => {
    const xml = await oai("verb=ListSets");
    expect(xml).toContain("<setSpec>theme:lezen-en-taal</setSpec>");
    for (const s of ["po", "vo", "mbo", "so"]) expect(xml).toContain(`<setSpec>sector:${s}</setSpec>`);
  });

  it("GetRecord gives Dublin Core with the public URL as identifier", async () => {
    const id = publicIds()[0]!;
    const row = t.db.prepare("select title from results where id = ?").get(id) as { title: string };
    const xml = await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:${host()}:result/${id}`);
    expect(xml).toContain(`<dc:identifier>${t.server.url}/opbrengsten/${id}</dc:identifier>`);
    expect(xml).toContain(`<dc:title>${row.title.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}</dc:title>`);
    for (const el of ["creator", "date", "description", "subject", "type", "language"]) expect(xml).toContain(`<dc:${el}>`);
  });

  it("answers the same to POST as to GET", async () => {
    const id = publicIds()[0]!;
    const query = `verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:${host()}:result/${id}`;
    const strip = (xml: string) => xml.replace(/<responseDate>[^<]+<\/responseDate>/, "");
    expect(strip(await oai(query, "POST"))).toBe(strip(await oai(query)));
  });
});

describe("harvesting", () => {
  it("a paged harvest of all records equals the public set, for ListRecords and ListIdentifiers", async () => {
    const records = await harvest("ListRecords");
    expect(records.pages.length).toBeGreaterThan(2);
    expect(records.headers.filter((h) => !h.deleted).map((h) => h.id).sort()).toEqual(publicIds());
    // Nothing that is not public ever shows.
    const all = records.pages.join("");
    expect(all).not.toContain("Geheim partnerschapsonderzoek");
    for (const r of t.db.prepare("select title from results where visibility != 'public'").all() as { title: string }[]) {
      expect(all).not.toContain(r.title.replace(/&/g, "&amp;"));
    }
    expect(tokenOf(records.pages.at(-1)!)).toBe("");
    const identifiers = await harvest("ListIdentifiers");
    expect(identifiers.headers.map((h) => h.id).sort()).toEqual(records.headers.map((h) => h.id).sort());
  });

  it("loses nothing when records change during the harvest", async () => {
    const { headers } = await harvest("ListIdentifiers", "", () => {
      // Every record changes after the first page: each moves behind the cursor.
      t.db.prepare("update results set summary = summary || ' (bijgewerkt)' where visibility = 'public'").run();
    });
    expect(new Set(headers.map((h) => h.id))).toEqual(new Set(publicIds()));
  });

  it("harvests selectively by set and by from/until, in both granularities", async () => {
    const po = await harvest("ListIdentifiers", "&set=sector:po");
    const poIds = (t.db.prepare("select r.id from results r join schools s on s.id = r.school_id where r.visibility = 'public' and s.sector = 'po' order by r.id").all() as { id: string }[]).map((r) => r.id);
    expect(po.headers.map((h) => h.id).sort()).toEqual(poIds);
    const today = new Date().toISOString().slice(0, 10);
    const fromToday = await harvest("ListIdentifiers", `&from=${today}`);
    expect(fromToday.headers.length).toBeGreaterThanOrEqual(publicIds().length);
    expect(errorCodes(await oai("verb=ListIdentifiers&metadataPrefix=oai_dc&until=2000-01-01T00:00:00Z"))).toEqual(["noRecordsMatch"]);
    expect(errorCodes(await oai("verb=ListRecords&metadataPrefix=oai_dc&from=2999-01-01"))).toEqual(["noRecordsMatch"]);
  });

  it("a result that stops being public becomes a deleted record", async () => {
    const id = publicIds()[0]!;
    const before = new Date(Date.now() - 1000).toISOString().slice(0, 19) + "Z";
    t.db.prepare("update results set visibility = 'partnership' where id = ?").run(id);
    const record = await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:${host()}:result/${id}`);
    expect(record).toContain('<header status="deleted">');
    expect(record).not.toContain("<metadata>");
    const { headers, pages } = await harvest("ListRecords", `&from=${before}`);
    expect(headers.find((h) => h.id === id)).toMatchObject({ deleted: true });
    expect(pages.join("")).not.toContain("<dc:identifier>" + `${t.server.url}/opbrengsten/${id}<`);
    // And back: public again is a live record again.
    t.db.prepare("update results set visibility = 'public' where id = ?").run(id);
    expect(await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:${host()}:result/${id}`)).not.toContain('status="deleted"');
  });
});

describe("errors", () => {
  it("answers each of the protocol's error codes, schema-valid", async () => {
    expect(errorCodes(await oai(""))).toEqual(["badVerb"]);
    expect(errorCodes(await oai("verb=Harvest"))).toEqual(["badVerb"]);
    expect(errorCodes(await oai("verb=Identify&verb=ListSets"))).toEqual(["badVerb"]);
    expect(errorCodes(await oai("verb=ListRecords"))).toEqual(["badArgument"]);
    expect(errorCodes(await oai("verb=Identify&extra=1"))).toEqual(["badArgument"]);
    expect(errorCodes(await oai("verb=ListRecords&metadataPrefix=oai_dc&from=vandaag"))).toEqual(["badArgument"]);
    expect(errorCodes(await oai("verb=ListRecords&metadataPrefix=marc21"))).toEqual(["cannotDisseminateFormat"]);
    expect(errorCodes(await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:${host()}:result/bestaat-niet`))).toEqual(["idDoesNotExist"]);
    expect(errorCodes(await oai("verb=GetRecord&metadataPrefix=oai_dc&identifier=iets-anders"))).toEqual(["idDoesNotExist"]);
    const hidden = (t.db.prepare("select id from results where visibility = 'school' limit 1").get() as { id: string }).id;
    expect(errorCodes(await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:${host()}:result/${hidden}`))).toEqual(["idDoesNotExist"]);
    expect(errorCodes(await oai("verb=ListRecords&metadataPrefix=oai_dc&set=theme:bestaat-niet"))).toEqual(["noRecordsMatch"]);
    expect(errorCodes(await oai("verb=ListRecords&resumptionToken=vervalst.token"))).toEqual(["badResumptionToken"]);
    expect(errorCodes(await oai("verb=ListSets&resumptionToken=x"))).toEqual(["badResumptionToken"]);
    // A token for ListIdentifiers is no good for ListRecords.
    const token = tokenOf(await oai("verb=ListIdentifiers&metadataPrefix=oai_dc"))!;
    expect(errorCodes(await oai(`verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`))).toEqual(["badResumptionToken"]);
  });

  it("a request with errors does not echo its arguments", async () => {
    expect(await oai("verb=Harvest&x=<y>")).toMatch(/<request>[^<]+<\/request>/);
  });
});

describe("odd input", () => {
  it("stays schema-valid whatever the arguments hold", async () => {
    for (const query of [
      "verb=ListRecords&metadataPrefix=%3Cx%3E",
      "verb=ListRecords&metadataPrefix=oai_dc&set=%3C%3C",
      "verb=GetRecord&metadataPrefix=oai_dc&identifier=met%20spatie",
      `verb=ListIdentifiers&resumptionToken=${"x".repeat(3000)}`,
      "verb=ListRecords&metadataPrefix=oai_dc&from=2025-01-01T00:00:00%2B01:00",
    ]) {
      expect(errorCodes(await oai(query)).length, query).toBe(1);
    }
  });
});
