import { createHmac, timingSafeEqual } from "node:crypto";
import type { ListArguments } from "./protocol";

/**
 * Resumption tokens (docs/decisions/0019): the harvest's arguments plus a
 * cursor, the (datestamp, result id) of the last record sent, and an expiry;
 * base64url JSON with an HMAC-SHA256 over it. Nothing is stored on the
 * server. Records are listed in (datestamp, id) order, and every change moves
 * a record's datestamp to now, so a record that changes during a harvest
 * moves behind the cursor and is sent (again) later: nothing is skipped.
 */
export type TokenState = ListArguments & {
  verb: "ListIdentifiers" | "ListRecords";
  /** Cursor: the last record sent. */
  afterDatestamp: string;
  afterId: string;
  /** How many records were sent before this page (the `cursor` attribute). */
  sent: number;
  /** Unix seconds after which the token is refused. */
  expires: number;
};

const VERSION = 1;

function sign(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(payload).digest("base64url");
}

export function encodeToken(state: TokenState, secret: string): string {
  const payload = Buffer.from(
    JSON.stringify([VERSION, state.verb === "ListRecords" ? 1 : 0, state.metadataPrefix, state.set ?? "", state.from ?? "", state.until ?? "", state.afterDatestamp, state.afterId, state.sent, state.expires]),
  ).toString("base64url");
  return `${payload}.${sign(payload, secret)}`;
}

/**
 * The state in a token, or null when it is malformed, forged, for another
 * verb, or expired (`now` in Unix seconds). The caller answers badResumptionToken.
 */
export function decodeToken(token: string, secret: string, verb: TokenState["verb"], now: number): TokenState | null {
  if (token.length > 2000) return null;
  const [payload, signature, ...rest] = token.split(".");
  if (!payload || !signature || rest.length) return null;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 10 || parsed[0] !== VERSION) return null;
  const [, listRecords, metadataPrefix, set, from, until, afterDatestamp, afterId, sent, expires] = parsed as unknown[];
  if (
    typeof metadataPrefix !== "string" ||
    typeof set !== "string" ||
    typeof from !== "string" ||
    typeof until !== "string" ||
    typeof afterDatestamp !== "string" ||
    typeof afterId !== "string" ||
    typeof sent !== "number" ||
    typeof expires !== "number"
  ) {
    return null;
  }
  if ((listRecords === 1 ? "ListRecords" : "ListIdentifiers") !== verb) return null;
  if (expires < now) return null;
  return {
    verb,
    metadataPrefix,
    ...(set ? { set } : {}),
    ...(from ? { from } : {}),
    ...(until ? { until } : {}),
    afterDatestamp,
    afterId,
    sent,
    expires,
  };
}
