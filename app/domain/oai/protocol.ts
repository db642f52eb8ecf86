/**
 * OAI-PMH 2.0 request checking (http://www.openarchives.org/OAI/openarchivesprotocol.html,
 * section 3): which verb, which arguments, and the protocol's error for each
 * way a request can be wrong. Pure: no I/O, no clock except what is passed in.
 */

export const VERBS = ["Identify", "ListMetadataFormats", "ListSets", "ListIdentifiers", "ListRecords", "GetRecord"] as const;
export type Verb = (typeof VERBS)[number];

export type OaiErrorCode =
  | "badVerb"
  | "badArgument"
  | "badResumptionToken"
  | "cannotDisseminateFormat"
  | "idDoesNotExist"
  | "noRecordsMatch"
  | "noMetadataFormats"
  | "noSetHierarchy";

export type OaiError = { code: OaiErrorCode; message: string };

export const METADATA_PREFIX = "oai_dc";

/** Arguments each verb takes: required, optional, and exclusive (resumptionToken alone). */
const ARGUMENTS: Record<Verb, { required: string[]; optional: string[]; exclusive?: string }> = {
  Identify: { required: [], optional: [] },
  ListMetadataFormats: { required: [], optional: ["identifier"] },
  ListSets: { required: [], optional: [], exclusive: "resumptionToken" },
  ListIdentifiers: { required: ["metadataPrefix"], optional: ["from", "until", "set"], exclusive: "resumptionToken" },
  ListRecords: { required: ["metadataPrefix"], optional: ["from", "until", "set"], exclusive: "resumptionToken" },
  GetRecord: { required: ["identifier", "metadataPrefix"], optional: [] },
};

/** A harvest window: inclusive bounds as second-granularity UTC datestamps. */
export type ListArguments = { metadataPrefix: string; from?: string; until?: string; set?: string };

export type OaiRequest =
  | { verb: "Identify" }
  | { verb: "ListMetadataFormats"; identifier?: string }
  | { verb: "ListSets"; resumptionToken?: string }
  | { verb: "ListIdentifiers" | "ListRecords"; resumptionToken: string }
  | ({ verb: "ListIdentifiers" | "ListRecords"; resumptionToken?: undefined } & ListArguments)
  | { verb: "GetRecord"; identifier: string; metadataPrefix: string };

export type ParsedRequest =
  | { ok: true; request: OaiRequest; /** The arguments as given, for the response's request element. */ echo: Record<string, string> }
  | { ok: false; errors: OaiError[]; /** Echo the arguments only when the request was well-formed (spec 3.2). */ echo: Record<string, string> | null };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const SECOND = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/** A UTC date of either granularity, checked for real calendar values; null when malformed. */
export function parseUtcDate(value: string): { granularity: "day" | "second"; instant: Date } | null {
  const day = DAY.exec(value);
  const second = SECOND.exec(value);
  const parts = (day ?? second)?.slice(1).map(Number);
  if (!parts) return null;
  const [y, mo, d, h = 0, mi = 0, s = 0] = parts as [number, number, number, number?, number?, number?];
  const instant = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (
    instant.getUTCFullYear() !== y ||
    instant.getUTCMonth() !== mo - 1 ||
    instant.getUTCDate() !== d ||
    instant.getUTCHours() !== h ||
    instant.getUTCMinutes() !== mi ||
    instant.getUTCSeconds() !== s
  ) {
    return null;
  }
  return { granularity: day ? "day" : "second", instant };
}

/** YYYY-MM-DDThh:mm:ssZ */
export function toDatestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/**
 * Reads the request's arguments (query string for GET, form body for POST:
 * the same list of pairs) into a request or the protocol's errors.
 */
export function parseRequest(pairs: [string, string][]): ParsedRequest {
  const counts = new Map<string, number>();
  for (const [key] of pairs) counts.set(key, (counts.get(key) ?? 0) + 1);
  const args = Object.fromEntries(pairs) as Record<string, string>;
  const verb = args.verb;
  if (verb === undefined || !(VERBS as readonly string[]).includes(verb) || (counts.get("verb") ?? 0) > 1) {
    return {
      ok: false,
      echo: null,
      errors: [{ code: "badVerb", message: verb === undefined ? "Het argument verb ontbreekt." : (counts.get("verb") ?? 0) > 1 ? "Het argument verb staat er meer dan eens." : `Onbekend verb: ${verb.slice(0, 50)}.` }],
    };
  }
  const spec = ARGUMENTS[verb as Verb];
  const errors: OaiError[] = [];
  const allowed = new Set(["verb", ...spec.required, ...spec.optional, ...(spec.exclusive ? [spec.exclusive] : [])]);
  for (const [key, n] of counts) {
    if (!allowed.has(key)) errors.push({ code: "badArgument", message: `Het argument ${key.slice(0, 50)} hoort niet bij ${verb}.` });
    else if (n > 1) errors.push({ code: "badArgument", message: `Het argument ${key} staat er meer dan eens.` });
  }
  for (const [key, value] of Object.entries(args)) {
    if (value === "" && key !== "verb") errors.push({ code: "badArgument", message: `Het argument ${key.slice(0, 50)} is leeg.` });
  }
  const exclusive = spec.exclusive && args[spec.exclusive] !== undefined;
  if (exclusive) {
    const others = Object.keys(args).filter((k) => k !== "verb" && k !== spec.exclusive);
    if (others.length) errors.push({ code: "badArgument", message: `resumptionToken gaat niet samen met ${others.join(", ")}.` });
  } else {
    for (const key of spec.required) {
      if (args[key] === undefined) errors.push({ code: "badArgument", message: `Het argument ${key} ontbreekt.` });
    }
  }
  if (errors.length) return { ok: false, errors, echo: null };

  const echo = echoable(args);
  switch (verb as Verb) {
    case "Identify":
      return { ok: true, request: { verb: "Identify" }, echo };
    case "ListMetadataFormats":
      return { ok: true, request: { verb: "ListMetadataFormats", identifier: args.identifier }, echo };
    case "ListSets":
      return { ok: true, request: { verb: "ListSets", resumptionToken: args.resumptionToken }, echo };
    case "GetRecord":
      if (args.metadataPrefix !== METADATA_PREFIX) return cannotDisseminate(args.metadataPrefix!, echo);
      return { ok: true, request: { verb: "GetRecord", identifier: args.identifier!, metadataPrefix: args.metadataPrefix }, echo };
    case "ListIdentifiers":
    case "ListRecords": {
      const listVerb = verb as "ListIdentifiers" | "ListRecords";
      if (exclusive) return { ok: true, request: { verb: listVerb, resumptionToken: args.resumptionToken! }, echo };
      const window = checkWindow(args.from, args.until);
      if ("code" in window) return { ok: false, errors: [window], echo: null };
      if (args.metadataPrefix !== METADATA_PREFIX) return cannotDisseminate(args.metadataPrefix!, echo);
      return { ok: true, request: { verb: listVerb, metadataPrefix: METADATA_PREFIX, set: args.set, ...window }, echo };
    }
  }
}

/**
 * The arguments as the response's request element may echo them: values that
 * would break the schema's types (a setSpec or prefix with other characters,
 * an identifier with spaces) are left out, never the response made invalid.
 */
function echoable(args: Record<string, string>): Record<string, string> {
  const fits: Record<string, (v: string) => boolean> = {
    verb: () => true,
    identifier: (v) => /^\S+$/.test(v),
    metadataPrefix: (v) => /^[A-Za-z0-9\-_.!~*'()]+$/.test(v),
    set: (v) => /^([A-Za-z0-9\-_.!~*'()])+(:[A-Za-z0-9\-_.!~*'()]+)*$/.test(v),
    from: (v) => parseUtcDate(v) !== null,
    until: (v) => parseUtcDate(v) !== null,
    resumptionToken: () => true,
  };
  return Object.fromEntries(Object.entries(args).filter(([k, v]) => fits[k]?.(v) ?? false));
}

function cannotDisseminate(prefix: string, echo: Record<string, string>): ParsedRequest {
  return {
    ok: false,
    echo,
    errors: [{ code: "cannotDisseminateFormat", message: `Het formaat ${prefix.slice(0, 50)} wordt niet geleverd; alleen ${METADATA_PREFIX}.` }],
  };
}

/**
 * from/until: both granularities are supported, but together they must have
 * the same one, and from may not be after until. Day bounds become the
 * first and last second of that day.
 */
export function checkWindow(from: string | undefined, until: string | undefined): { from?: string; until?: string } | OaiError {
  const f = from === undefined ? null : parseUtcDate(from);
  const u = until === undefined ? null : parseUtcDate(until);
  if ((from !== undefined && !f) || (until !== undefined && !u)) {
    return { code: "badArgument", message: "from en until hebben de vorm YYYY-MM-DD of YYYY-MM-DDThh:mm:ssZ." };
  }
  if (f && u && f.granularity !== u.granularity) {
    return { code: "badArgument", message: "from en until moeten dezelfde nauwkeurigheid hebben." };
  }
  if (f && u && f.instant > u.instant) return { code: "badArgument", message: "from ligt na until." };
  const window: { from?: string; until?: string } = {};
  if (f) window.from = toDatestamp(f.instant);
  if (u) window.until = toDatestamp(u.granularity === "day" ? new Date(u.instant.getTime() + 86_399_000) : u.instant);
  return window;
}

/** `oai:<host>:result/<id>` and back. */
export function oaiIdentifier(host: string, resultId: string): string {
  return `oai:${host}:result/${resultId}`;
}

export function resultIdFromIdentifier(host: string, identifier: string): string | null {
  const prefix = `oai:${host}:result/`;
  if (!identifier.startsWith(prefix)) return null;
  const id = identifier.slice(prefix.length);
  return /^[A-Za-z0-9-]{1,100}$/.test(id) ? id : null;
}

/** Set specs: `theme:<id>` and `sector:<po|vo|mbo|so>`. */
export type SetSpec = { kind: "theme" | "sector"; value: string };

export function parseSetSpec(spec: string): SetSpec | null {
  const match = /^(theme|sector):([A-Za-z0-9\-_.!~*'()]+)$/.exec(spec);
  return match ? { kind: match[1] as SetSpec["kind"], value: match[2]! } : null;
}
