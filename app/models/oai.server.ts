import { randomBytes } from "node:crypto";
import { asc } from "drizzle-orm";
import { getDb } from "../../db/client";
import { themes } from "../../db/schema";
import { dublinCoreXml, OAI_DC_NAMESPACE, OAI_DC_SCHEMA } from "../domain/oai/dublin-core";
import {
  METADATA_PREFIX,
  oaiIdentifier,
  parseRequest,
  parseSetSpec,
  resultIdFromIdentifier,
  toDatestamp,
  type ListArguments,
  type OaiError,
} from "../domain/oai/protocol";
import { envelope, errorsXml, headerXml, recordXml, resumptionTokenXml, type RecordHeader } from "../domain/oai/response";
import { decodeToken, encodeToken, type TokenState } from "../domain/oai/token.server";
import { element, wrap } from "../domain/oai/xml";
import { can } from "../domain/permissions";
import { SECTOR_VALUES } from "../domain/sectors";
import { getEnv } from "../utils/env.server";
import { tFor } from "../utils/i18n.server";
import { authorsOf, parseLinks, themeNamesNl } from "./public-result.server";
import type { ResultRow } from "./result.server";
import { resultScopes } from "./scopes.server";

/** How long a resumption token stays valid. */
const TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;

let processSecret: string | undefined;
function tokenSecret(): string {
  return getEnv().OAI_TOKEN_SECRET ?? (processSecret ??= randomBytes(32).toString("base64url"));
}

type RecordRow = {
  result_id: string;
  datestamp: string;
  deleted: number;
  // The result as it is now (null when it was removed).
  id: string | null;
  project_id: string | null;
  school_id: string | null;
  title: string | null;
  type: ResultRow["type"] | null;
  summary: string | null;
  theme_ids: string | null;
  links: string | null;
  visibility: ResultRow["visibility"] | null;
  published_at: string | null;
  school_name: string | null;
  sector: string | null;
};

type Filter = { clause: string; params: (string | number)[] };

function filterFor(args: ListArguments): Filter {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  if (args.from) {
    clauses.push("o.datestamp >= ?");
    params.push(args.from);
  }
  if (args.until) {
    clauses.push("o.datestamp <= ?");
    params.push(args.until);
  }
  const set = args.set ? parseSetSpec(args.set) : null;
  if (set?.kind === "theme") {
    clauses.push("exists (select 1 from json_each(r.theme_ids) where value = ?)");
    params.push(set.value);
  } else if (set?.kind === "sector") {
    clauses.push("s.sector = ?");
    params.push(set.value);
  }
  return { clause: clauses.length ? clauses.join(" and ") : "1", params };
}

const SELECT = `select o.result_id, o.datestamp, o.deleted, r.id, r.project_id, r.school_id, r.title, r.type, r.summary, r.theme_ids,
    r.links, r.visibility, r.published_at, s.name as school_name, s.sector
  from oai_records o left join results r on r.id = o.result_id left join schools s on s.id = r.school_id`;

function listRows(args: ListArguments, after: { datestamp: string; id: string } | null, limit: number): RecordRow[] {
  const filter = filterFor(args);
  const cursor = after ? "and (o.datestamp > ? or (o.datestamp = ? and o.result_id > ?))" : "";
  return getDb()
    .$client.prepare(`${SELECT} where ${filter.clause} ${cursor} order by o.datestamp, o.result_id limit ?`)
    .all(...filter.params, ...(after ? [after.datestamp, after.datestamp, after.id] : []), limit) as RecordRow[];
}

function countRows(args: ListArguments): number {
  const filter = filterFor(args);
  return (
    getDb()
      .$client.prepare(`select count(*) as n from oai_records o left join results r on r.id = o.result_id left join schools s on s.id = r.school_id where ${filter.clause}`)
      .get(...filter.params) as { n: number }
  ).n;
}

function oneRow(resultId: string): RecordRow | undefined {
  return getDb().$client.prepare(`${SELECT} where o.result_id = ?`).get(resultId) as RecordRow | undefined;
}

type Context = { origin: string; host: string; baseUrl: string; now: Date };

/**
 * Headers and Dublin Core for rows. A record is shown with metadata only when
 * the permission module lets an anonymous visitor read the result now;
 * anything else is a deleted record (identifier and datestamp only).
 */
function present(rows: RecordRow[], ctx: Context, withMetadata: boolean): { header: RecordHeader; metadata: string | null }[] {
  const live = rows.filter((r) => r.id && !r.deleted);
  const scopes = resultScopes(
    live.map((r) => ({ id: r.id!, schoolId: r.school_id!, projectId: r.project_id, visibility: r.visibility! })),
  );
  const authors = withMetadata ? authorsOf(live.flatMap((r) => (r.project_id ? [r.project_id] : []))) : new Map<string, string[]>();
  const names = themeNamesNl();
  const t = tFor("nl");
  return rows.map((row) => {
    const scope = row.id ? scopes.get(row.id) : undefined;
    const visible = !row.deleted && !!scope && can(null, "result:view", scope);
    const themeIds = visible ? parseThemeIds(row.theme_ids!) : [];
    const header: RecordHeader = {
      identifier: oaiIdentifier(ctx.host, row.result_id),
      datestamp: row.datestamp,
      setSpecs: visible ? [...themeIds.map((id) => `theme:${id}`), `sector:${row.sector}`].filter((s) => parseSetSpec(s)) : [],
      deleted: !visible,
    };
    if (!visible || !withMetadata) return { header, metadata: null };
    const people = row.project_id ? (authors.get(row.project_id) ?? []) : [];
    const metadata = dublinCoreXml({
      title: row.title!,
      creators: people.length ? people : [row.school_name ?? ""],
      date: row.published_at!.slice(0, 10),
      description: row.summary!,
      subjects: themeIds.map((id) => names.get(id) ?? id),
      typeLabel: t(`results.types.${row.type}`),
      publisher: row.school_name ?? "",
      identifier: `${ctx.origin}/opbrengsten/${row.result_id}`,
      relations: parseLinks(row.links ?? "[]").map((l) => l.url),
    });
    return { header, metadata };
  });
}

function parseThemeIds(value: string): string[] {
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

function errors(ctx: Context, echo: Record<string, string> | null, list: OaiError[]): string {
  return envelope({ responseDate: toDatestamp(ctx.now), baseUrl: ctx.baseUrl, echo, body: errorsXml(list) });
}

function adminEmail(host: string): string {
  const configured = getEnv().OAI_ADMIN_EMAIL;
  if (configured) return configured;
  const mailFrom = /[^\s<>"]+@[^\s<>"]+\.[^\s<>"]+/.exec(process.env.MAIL_FROM ?? "")?.[0];
  if (mailFrom) return mailFrom;
  return host.includes(".") ? `beheer@${host}` : `beheer@${host}.localdomain`;
}

function setList(): { spec: string; name: string }[] {
  const t = tFor("nl");
  const themeRows = getDb().select({ id: themes.id, name: themes.nameNl }).from(themes).orderBy(asc(themes.sortOrder), asc(themes.id)).all();
  return [
    ...themeRows.map((th) => ({ spec: `theme:${th.id}`, name: `Thema: ${th.name}` })),
    ...SECTOR_VALUES.map((s) => ({ spec: `sector:${s}`, name: `Sector: ${t(`sectors.${s}`)}` })),
  ].filter((s) => parseSetSpec(s.spec));
}

/**
 * Answers one OAI-PMH request (the query string of a GET or the form body of
 * a POST, as pairs) with the XML response. Errors are answered inside the
 * protocol (HTTP 200), as OAI-PMH asks.
 */
export function answerOai(pairs: [string, string][], options: { origin: string; now?: Date }): string {
  const host = new URL(options.origin).hostname;
  const ctx: Context = { origin: options.origin, host, baseUrl: `${options.origin}/oai`, now: options.now ?? new Date() };
  const parsed = parseRequest(pairs);
  if (!parsed.ok) return errors(ctx, parsed.echo, parsed.errors);
  const { request, echo } = parsed;
  const respond = (body: string) => envelope({ responseDate: toDatestamp(ctx.now), baseUrl: ctx.baseUrl, echo, body });

  switch (request.verb) {
    case "Identify": {
      const earliest = (getDb().$client.prepare("select min(datestamp) as d from oai_records").get() as { d: string | null }).d;
      return respond(
        wrap(
          "Identify",
          [
            element("repositoryName", "Samen Onderzoeken — openbare opbrengsten"),
            element("baseURL", ctx.baseUrl),
            element("protocolVersion", "2.0"),
            element("adminEmail", adminEmail(host)),
            element("earliestDatestamp", earliest ?? toDatestamp(ctx.now)),
            element("deletedRecord", "persistent"),
            element("granularity", "YYYY-MM-DDThh:mm:ssZ"),
          ].join(""),
        ),
      );
    }
    case "ListMetadataFormats": {
      if (request.identifier !== undefined) {
        const id = resultIdFromIdentifier(host, request.identifier);
        if (!id || !oneRow(id)) return errors(ctx, echo, [{ code: "idDoesNotExist", message: "Deze identifier bestaat niet in deze repository." }]);
      }
      return respond(
        wrap(
          "ListMetadataFormats",
          wrap(
            "metadataFormat",
            `${element("metadataPrefix", METADATA_PREFIX)}${element("schema", OAI_DC_SCHEMA)}${element("metadataNamespace", OAI_DC_NAMESPACE)}`,
          ),
        ),
      );
    }
    case "ListSets": {
      if (request.resumptionToken !== undefined) {
        return errors(ctx, echo, [{ code: "badResumptionToken", message: "De lijst met sets past op één pagina; dit token is onbekend." }]);
      }
      return respond(wrap("ListSets", setList().map((s) => wrap("set", `${element("setSpec", s.spec)}${element("setName", s.name)}`)).join("")));
    }
    case "GetRecord": {
      const id = resultIdFromIdentifier(host, request.identifier);
      const row = id ? oneRow(id) : undefined;
      if (!row) return errors(ctx, echo, [{ code: "idDoesNotExist", message: "Deze identifier bestaat niet in deze repository." }]);
      const [record] = present([row], ctx, true);
      return respond(wrap("GetRecord", recordXml(record!.header, record!.metadata)));
    }
    case "ListIdentifiers":
    case "ListRecords": {
      const nowSeconds = Math.floor(ctx.now.getTime() / 1000);
      let state: Omit<TokenState, "expires">;
      if (request.resumptionToken !== undefined) {
        const decoded = decodeToken(request.resumptionToken, tokenSecret(), request.verb, nowSeconds);
        if (!decoded) return errors(ctx, echo, [{ code: "badResumptionToken", message: "Dit resumptionToken is ongeldig of verlopen." }]);
        state = decoded;
      } else {
        if (request.set !== undefined && !setList().some((s) => s.spec === request.set)) {
          return errors(ctx, echo, [{ code: "noRecordsMatch", message: "Deze set bestaat niet in deze repository." }]);
        }
        state = { verb: request.verb, metadataPrefix: request.metadataPrefix, set: request.set, from: request.from, until: request.until, afterDatestamp: "", afterId: "", sent: 0 };
      }
      const pageSize = getEnv().OAI_PAGE_SIZE;
      const after = state.afterDatestamp ? { datestamp: state.afterDatestamp, id: state.afterId } : null;
      const rows = listRows(state, after, pageSize + 1);
      if (rows.length === 0) return errors(ctx, echo, [{ code: "noRecordsMatch", message: "Geen records voor deze vraag." }]);
      const page = rows.slice(0, pageSize);
      const more = rows.length > pageSize;
      const records = present(page, ctx, request.verb === "ListRecords");
      const items = records.map((r) => (request.verb === "ListRecords" ? recordXml(r.header, r.metadata) : headerXml(r.header))).join("");
      // A resumption token only when the list is paged: a new one while more follow, an empty one on the last page.
      let token = "";
      if (more || state.sent > 0) {
        const last = page.at(-1)!;
        const expires = nowSeconds + TOKEN_LIFETIME_SECONDS;
        const next = more ? encodeToken({ ...state, afterDatestamp: last.datestamp, afterId: last.result_id, sent: state.sent + page.length, expires }, tokenSecret()) : null;
        token = resumptionTokenXml(next, {
          expirationDate: toDatestamp(new Date(expires * 1000)),
          completeListSize: countRows(state),
          cursor: state.sent,
        });
      }
      return respond(wrap(request.verb, `${items}${token}`));
    }
  }
}
