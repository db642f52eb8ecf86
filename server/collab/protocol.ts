import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";

/** y-websocket message types (the first varuint of every frame). */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

export const SYNC_STEP1 = syncProtocol.messageYjsSyncStep1;
export const SYNC_STEP2 = syncProtocol.messageYjsSyncStep2;
export const SYNC_UPDATE = syncProtocol.messageYjsUpdate;

export function syncStep1Message(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(e, doc);
  return encoding.toUint8Array(e);
}

export function syncStep2Message(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  syncProtocol.writeSyncStep2(e, doc, stateVector);
  return encoding.toUint8Array(e);
}

export function updateMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

export function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(e);
}

export type IncomingMessage =
  | { kind: "sync-step1"; stateVector: Uint8Array }
  | { kind: "sync-update"; update: Uint8Array }
  | { kind: "awareness"; update: Uint8Array }
  | { kind: "query-awareness" }
  | { kind: "auth" };

/** Decodes one frame; throws on anything malformed (the caller closes that socket). */
export function decodeMessage(data: Uint8Array): IncomingMessage {
  const d = decoding.createDecoder(data);
  const type = decoding.readVarUint(d);
  let message: IncomingMessage;
  switch (type) {
    case MESSAGE_SYNC: {
      const sub = decoding.readVarUint(d);
      const payload = decoding.readVarUint8Array(d);
      if (sub === SYNC_STEP1) message = { kind: "sync-step1", stateVector: payload };
      else if (sub === SYNC_STEP2 || sub === SYNC_UPDATE) message = { kind: "sync-update", update: payload };
      else throw new Error(`onbekend sync-berichttype ${sub}`);
      break;
    }
    case MESSAGE_AWARENESS:
      message = { kind: "awareness", update: decoding.readVarUint8Array(d) };
      break;
    case MESSAGE_QUERY_AWARENESS:
      message = { kind: "query-awareness" };
      break;
    case MESSAGE_AUTH:
      message = { kind: "auth" };
      return message; // server-to-client only; ignored, content irrelevant
    default:
      throw new Error(`onbekend berichttype ${type}`);
  }
  if (decoding.hasContent(d)) throw new Error("bericht bevat extra bytes");
  return message;
}

/** A state vector must decode; Y.encodeStateAsUpdate would otherwise throw later. */
export function assertStateVector(sv: Uint8Array): void {
  Y.decodeStateVector(sv);
}

/** Who a socket is, as the presence list shows it: stamped by the server, never taken from the client. */
export type AwarenessIdentity = { name: string; id?: string; role?: string };

/**
 * Re-encodes an awareness update so a client can only speak for itself:
 * entries for client ids owned by another socket are dropped, and the
 * displayed name (and id and role, which merge tabs and label people) are
 * the signed-in user's (no impersonation in carets or the presence list). Throws on malformed input and on a state over
 * `maxStateBytes` (checked before it is parsed). `sizes` are the re-encoded
 * states' lengths, for the room's awareness budget.
 */
export function sanitizeAwareness(
  update: Uint8Array,
  ownedElsewhere: (clientId: number) => boolean,
  identity: string | AwarenessIdentity,
  maxStateBytes: number,
): { update: Uint8Array; sizes: [clientId: number, bytes: number][] } | null {
  const d = decoding.createDecoder(update);
  const count = decoding.readVarUint(d);
  if (count > 1000) throw new Error("te veel awareness-items");
  const e = encoding.createEncoder();
  const kept: [number, number, string][] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    const length = decoding.peekVarUint(d);
    if (length > maxStateBytes) throw new Error("awareness-toestand te groot");
    let json = decoding.readVarString(d);
    if (ownedElsewhere(clientId)) continue;
    const state = JSON.parse(json) as unknown;
    if (state !== null && typeof state === "object" && "user" in state && state.user && typeof state.user === "object") {
      const user = state.user as Record<string, unknown>;
      const who = typeof identity === "string" ? { name: identity } : identity;
      user.name = who.name;
      if (who.id !== undefined) user.id = who.id;
      if (who.role !== undefined) user.role = who.role;
      json = JSON.stringify(state);
    }
    kept.push([clientId, clock, json]);
  }
  if (decoding.hasContent(d)) throw new Error("awareness-bericht bevat extra bytes");
  if (kept.length === 0) return null;
  encoding.writeVarUint(e, kept.length);
  for (const [clientId, clock, json] of kept) {
    encoding.writeVarUint(e, clientId);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, json);
  }
  return { update: encoding.toUint8Array(e), sizes: kept.map(([clientId, , json]) => [clientId, json.length]) };
}
