import type { Duplex } from "node:stream";
import type { WebSocket } from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import type { PlanAccess } from "../../app/domain/permissions";
import { SERVER_ONLY_TYPES } from "../../app/domain/plan-template";
import { EthicsLapseWatch } from "../../app/models/ethics-lapse.server";
import { appendPlanUpdates, compactPlan, LOAD_ORIGIN, loadPersistedPlan } from "../../app/models/plan-doc.server";
import { logger } from "../../app/utils/logger.server";
import { AccessWatch } from "./access-watch";
import { CLOSE, type CollabConfig } from "./config";
import { binaryFrame } from "./frame";
import { inspectUpdate } from "./inspect-update";
import { metrics } from "./metrics";
import { flushAtTurnEnd, holdWrites } from "./turn";
import {
  assertStateVector,
  awarenessMessage,
  decodeMessage,
  sanitizeAwareness,
  syncStep1Message,
  syncStep2Message,
  updateMessage,
} from "./protocol";

export type Connection = {
  ws: WebSocket;
  /** The TCP socket under `ws` (from the upgrade), corked per turn by holdWrites. */
  socket: Duplex;
  userId: string;
  userName: string;
  /** The presence list's label for this person (plan-workspace.ts presenceRole). */
  presenceRole?: string;
  token: string;
  access: PlanAccess;
  /** Awareness client ids this socket controls; removed when it leaves. */
  awarenessIds: Set<number>;
  /** Token bucket for the message rate limit. */
  tokens: number;
  lastRefill: number;
  /** Token bucket (bytes) for awareness, refilled with the message bucket's clock. */
  awarenessTokens: number;
  closed: boolean;
};

const log = logger.child({ module: "collab" });
/** Consecutive failed access checks (2 s at the default interval) before a room's sockets close. */
const SEND_OPTIONS = { binary: true } as const;
/** Root types only the server writes (record 0018); a client update touching one is refused. */
const SERVER_ONLY = new Set<string>(SERVER_ONLY_TYPES);
/** At most one exact re-measurement of the document per second when an update might not fit. */
const DOC_RECOUNT_MS = 1000;

/** Origin of a change made by the server for a user (restoring a version). */
export class ServerChange {
  constructor(readonly userId: string | null) {}
}

/**
 * One live plan document with its sockets. Invariants:
 * - load before sync: nothing is answered until the doc is loaded from SQLite;
 * - persist before relay: an update is in plan_updates before any peer gets it;
 * - read/comment sockets never change the document.
 */
export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly conns = new Set<Connection>();
  /** Which socket speaks for each awareness client id (O(1) per awareness message). */
  private readonly awarenessOwner = new Map<number, Connection>();
  state: "loading" | "ready" | "closed" = "loading";
  private throughUpdateId = 0;
  private logRows = 0;
  private unloadTimer: NodeJS.Timeout | null = null;
  /** Closes sockets whose access ended, updates the access of the others (access-watch.ts). */
  private readonly accessWatch: AccessWatch<Connection>;
  /** Log rows at which the next compaction runs; moved on after a failed one. */
  private compactAtRows: number;
  /**
   * Encoded size of the document: exact after a load, a compaction or a
   * recount, then plus every update's bytes (an upper estimate: merged and
   * deleted content encodes smaller). Checked against COLLAB_MAX_DOC_BYTES.
   */
  private docBytes = 0;
  private docBytesExact = false;
  /** Tells the project when a stored change makes the ethics sign-off lapse (issue 20). */
  private ethicsWatch: EthicsLapseWatch | null = null;
  private lastRecount = 0;
  /** Bytes of each awareness state in the room, and their sum (the room's budget). */
  private readonly awarenessSizes = new Map<number, number>();
  private awarenessTotal = 0;

  constructor(
    readonly planId: string,
    private readonly config: CollabConfig,
    private readonly onEmpty: (room: Room) => void,
  ) {
    this.compactAtRows = config.COLLAB_COMPACT_EVERY;
    this.accessWatch = new AccessWatch(planId, () => this.conns, (conn, code, reason) => this.closeConn(conn, code, reason));
    this.awareness.setLocalState(null); // the server itself is nobody
    this.doc.on("update", this.onDocUpdate);
    this.awareness.on("update", this.onAwarenessUpdate);
  }

  /** Loads from SQLite. Throws (and leaves the room unusable) on a damaged store. */
  load(): void {
    const persisted = loadPersistedPlan(this.planId);
    try {
      const state = Y.encodeStateAsUpdate(persisted.doc);
      Y.applyUpdate(this.doc, state, LOAD_ORIGIN);
      this.docBytes = state.byteLength;
      this.docBytesExact = true;
    } finally {
      persisted.doc.destroy();
    }
    this.throughUpdateId = persisted.throughUpdateId;
    this.logRows = persisted.logRows;
    this.ethicsWatch = new EthicsLapseWatch(this.planId, this.doc);
    this.state = "ready";
    metrics.docsLoaded.inc();
    this.accessWatch.start(this.config.COLLAB_ACCESS_CHECK_MS);
  }

  join(conn: Connection): void {
    this.cancelUnload();
    this.accessWatch.invalidate();
    this.conns.add(conn);
    metrics.connections.inc();
    // Our step 1 makes the client send what we lack; then the current presence.
    this.send(conn, syncStep1Message(this.doc));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) this.send(conn, awarenessMessage(this.awareness, states));
  }

  leave(conn: Connection): void {
    if (!this.conns.delete(conn)) return;
    metrics.connections.dec();
    if (conn.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessIds], null);
      for (const id of conn.awarenessIds) if (this.awarenessOwner.get(id) === conn) this.awarenessOwner.delete(id);
    }
    if (this.conns.size === 0) this.scheduleUnload();
  }

  /** One frame from a socket; malformed input closes that socket only. */
  receive(conn: Connection, data: Uint8Array): void {
    if (conn.closed || this.state === "closed") return;
    if (!this.takeToken(conn)) {
      this.closeConn(conn, CLOSE.tooManyMessages, "te veel berichten");
      return;
    }
    try {
      const message = decodeMessage(data);
      switch (message.kind) {
        case "sync-step1":
          assertStateVector(message.stateVector);
          this.flush(); // the answer may only contain stored updates
          this.send(conn, syncStep2Message(this.doc, message.stateVector));
          break;
        case "sync-update":
          if (conn.access !== "edit") {
            metrics.updatesDropped.inc();
            break;
          }
          this.receiveUpdate(conn, message.update);
          break;
        case "awareness":
          this.receiveAwareness(conn, message.update);
          break;
        case "query-awareness":
          // The answer can be the room's whole awareness budget: it costs what it sends.
          if (!this.takeAwarenessBytes(conn, this.awarenessTotal)) {
            this.closeConn(conn, CLOSE.tooManyMessages, "te veel aanwezigheidsgegevens");
            break;
          }
          this.send(conn, awarenessMessage(this.awareness, [...this.awareness.getStates().keys()]));
          break;
        case "auth":
          break;
      }
    } catch (error) {
      if ((this.state as Room["state"]) === "closed") return; // a persist failure already closed everything
      log.warn({ err: error, planId: this.planId, userId: conn.userId }, "ongeldig bericht; verbinding gesloten");
      this.closeConn(conn, CLOSE.badMessage, "ongeldig bericht");
    }
  }

  /**
   * An editor's update. Refused to its sender alone, before anything is
   * applied, when it is malformed, builds on changes we never had, touches a
   * server-only type (4400) or would grow the document past its limit (4413):
   * Yjs has no rollback, and the others keep their connection and their text.
   */
  private receiveUpdate(conn: Connection, update: Uint8Array): void {
    const verdict = inspectUpdate(this.doc, update, SERVER_ONLY);
    if (!verdict.ok) {
      metrics.updatesDropped.inc();
      log.warn({ planId: this.planId, userId: conn.userId, reason: verdict.reason }, "wijziging geweigerd");
      this.closeConn(conn, CLOSE.badMessage, "ongeldige wijziging");
      return;
    }
    if (verdict.grows && !this.fits(update.byteLength)) {
      metrics.updatesDropped.inc();
      log.warn({ planId: this.planId, userId: conn.userId, bytes: this.docBytes }, "plan te groot; wijziging geweigerd");
      this.closeConn(conn, CLOSE.documentTooLarge, "plan te groot");
      return;
    }
    metrics.updatesIn.inc();
    // Persisting and relaying happen in onDocUpdate, in that order.
    Y.applyUpdate(this.doc, update, conn);
    if (this.doc.store.pendingStructs || this.doc.store.pendingDs) {
      // Not expected after inspectUpdate. What Yjs placed is valid and goes
      // out as usual; the unplaceable rest must not reach a snapshot (it
      // would no longer load), so it is dropped, and so is the sender.
      log.error({ planId: this.planId, userId: conn.userId }, "wijziging deels onplaatsbaar; rest verworpen");
      this.doc.store.pendingStructs = null;
      this.doc.store.pendingDs = null;
      this.closeConn(conn, CLOSE.badMessage, "ongeldige wijziging");
    }
  }

  /** Whether `bytes` more fit under COLLAB_MAX_DOC_BYTES; re-measures (at most once a second) when the estimate says no. */
  private fits(bytes: number): boolean {
    const max = this.config.COLLAB_MAX_DOC_BYTES;
    if (this.docBytes + bytes <= max) return true;
    const now = performance.now();
    if (!this.docBytesExact && now - this.lastRecount >= DOC_RECOUNT_MS) {
      this.lastRecount = now;
      this.docBytes = Y.encodeStateAsUpdate(this.doc).byteLength;
      this.docBytesExact = true;
    }
    return this.docBytes + bytes <= max;
  }

  /**
   * Presence and carets. A state over COLLAB_MAX_AWARENESS_BYTES is refused
   * (4400, in sanitizeAwareness); a socket over its awareness byte rate, or a
   * state that would take the room past its awareness budget, gets 4429.
   * Both bound what peers receive, however many sockets join in.
   */
  private receiveAwareness(conn: Connection, payload: Uint8Array): void {
    if (!this.takeAwarenessBytes(conn, payload.byteLength)) {
      this.closeConn(conn, CLOSE.tooManyMessages, "te veel aanwezigheidsgegevens");
      return;
    }
    const owned = (id: number) => {
      const owner = this.awarenessOwner.get(id);
      return owner !== undefined && owner !== conn;
    };
    const sanitized = sanitizeAwareness(
      payload,
      owned,
      { name: conn.userName, id: conn.userId, role: conn.presenceRole },
      this.config.COLLAB_MAX_AWARENESS_BYTES,
    );
    if (!sanitized) return;
    let total = this.awarenessTotal;
    for (const [clientId, bytes] of sanitized.sizes) total += bytes - (this.awarenessSizes.get(clientId) ?? 0);
    if (total > this.config.COLLAB_MAX_ROOM_AWARENESS_BYTES) {
      this.closeConn(conn, CLOSE.tooManyMessages, "te veel aanwezigheidsgegevens in dit plan");
      return;
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, sanitized.update, conn);
    for (const [clientId, bytes] of sanitized.sizes) {
      // Only states Yjs took (a stale clock is ignored) count.
      if (this.awareness.getStates().has(clientId)) this.setAwarenessSize(clientId, bytes);
    }
  }

  private setAwarenessSize(clientId: number, bytes: number | null): void {
    this.awarenessTotal -= this.awarenessSizes.get(clientId) ?? 0;
    if (bytes === null) this.awarenessSizes.delete(clientId);
    else {
      this.awarenessSizes.set(clientId, bytes);
      this.awarenessTotal += bytes;
    }
  }

  private pending: { update: Uint8Array; userId: string | null; author: Connection | null }[] = [];
  /** Awareness that arrived after a pending update; sent right after it. */
  private heldAwareness: Uint8Array[] = [];

  private onDocUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === LOAD_ORIGIN || this.state !== "ready") return;
    const author = this.conns.has(origin as Connection) ? (origin as Connection) : null;
    const userId = author?.userId ?? (origin instanceof ServerChange ? origin.userId : null);
    // Held back until flush() has stored it: nobody sees it before that.
    this.pending.push({ update, userId, author });
    this.docBytes += update.byteLength;
    this.docBytesExact = false;
    // One commit for all reads of this event-loop turn; nothing is written
    // out before the turn ends anyway (turn.ts), so nobody waits longer.
    flushAtTurnEnd(this);
  };

  /**
   * Group commit: the updates of one event-loop turn go to SQLite in one
   * transaction, and only then to the other clients. Anything that reveals
   * document content (a sync step 2, a compaction) flushes first.
   */
  flush(): void {
    if (this.pending.length === 0 || this.state !== "ready") return;
    const batch = this.pending;
    this.pending = [];
    const stop = metrics.persistSeconds.startTimer();
    try {
      this.throughUpdateId = appendPlanUpdates(this.planId, batch);
      this.logRows += batch.length;
    } catch (error) {
      // Not stored, so nobody may see it: drop the whole in-memory doc; clients
      // reconnect, resync from SQLite and resend what they still hold.
      log.error({ err: error, planId: this.planId }, "update kon niet worden opgeslagen; document wordt gesloten");
      this.shutdown(CLOSE.persistFailed, "opslaan mislukt", false);
      return;
    } finally {
      stop();
    }
    for (const item of batch) this.broadcast(updateMessage(item.update), item.author);
    this.ethicsWatch?.afterPersist(batch.map((item) => item.userId));
    const awareness = this.heldAwareness;
    this.heldAwareness = [];
    for (const message of awareness) this.broadcast(message, null);
    if (this.logRows >= this.compactAtRows) {
      try {
        this.compact();
        this.compactAtRows = this.config.COLLAB_COMPACT_EVERY;
      } catch (error) {
        // Everything is in the log already. Try again after as many rows once
        // more, not on every keystroke (each try encodes the whole document).
        this.compactAtRows = this.logRows + this.config.COLLAB_COMPACT_EVERY;
        log.error({ err: error, planId: this.planId }, "compactie mislukt (log blijft staan)");
      }
    }
  }

  private onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    const changed = [...added, ...updated, ...removed];
    const conn = origin as Connection | null;
    if (conn && this.conns.has(conn)) {
      for (const id of added) {
        conn.awarenessIds.add(id);
        this.awarenessOwner.set(id, conn);
      }
      for (const id of removed) {
        conn.awarenessIds.delete(id);
        if (this.awarenessOwner.get(id) === conn) this.awarenessOwner.delete(id);
      }
    }
    for (const id of removed) this.setAwarenessSize(id, null);
    if (changed.length === 0) return;
    const message = awarenessMessage(this.awareness, changed);
    // A caret may point into text that is still waiting for its commit; it
    // goes out after this turn's updates, never before the text it follows.
    if (this.pending.length > 0) this.heldAwareness.push(message);
    else this.broadcast(message, null);
  };

  /** Drops the in-memory doc after an unexpected error; clients resync from SQLite. */
  fail(): void {
    try {
      this.shutdown(CLOSE.persistFailed, "opslaan mislukt", false);
    } catch (error) {
      log.error({ err: error, planId: this.planId }, "document kon niet worden gesloten");
    }
  }

  /** Folds the log into the snapshot; the doc holds every logged update. */
  compact(): void {
    this.flush();
    if (this.state !== "ready" || this.logRows === 0) return;
    const state = Y.encodeStateAsUpdate(this.doc);
    compactPlan(this.planId, state, this.throughUpdateId);
    this.logRows = 0;
    this.docBytes = state.byteLength;
    this.docBytesExact = true;
    metrics.compactions.inc();
  }

  send(conn: Connection, message: Uint8Array): void {
    if (this.write(conn, message)) metrics.messagesOut.inc();
  }

  /**
   * To every socket but `except`; the hot path of live editing. The frame is
   * built once and the same bytes are written to each socket: ws itself would
   * allocate a header and write requests per peer. That is safe because, without
   * permessage-deflate, ws writes every frame of its own (pings, closes)
   * straight to the socket too, so frames never overtake each other.
   */
  private broadcast(message: Uint8Array, except: Connection | null): void {
    let frame: Buffer | null = null;
    let sent = 0;
    for (const conn of this.conns) {
      if (conn === except || !this.writable(conn, message.byteLength)) continue;
      frame ??= binaryFrame(message);
      holdWrites(conn.socket);
      conn.socket.write(frame);
      sent++;
    }
    if (sent > 0) metrics.messagesOut.inc(sent);
  }

  /** Open, and not holding more unsent data than a client that keeps up would. */
  private writable(conn: Connection, byteLength: number): boolean {
    if (conn.closed || conn.ws.readyState !== conn.ws.OPEN) return false;
    // A client that cannot keep up would otherwise grow our memory without bound.
    if (conn.ws.bufferedAmount + byteLength > this.config.COLLAB_MAX_BUFFERED_BYTES) {
      this.closeConn(conn, CLOSE.slowConsumer, "te trage verbinding");
      return false;
    }
    return true;
  }

  private write(conn: Connection, message: Uint8Array): boolean {
    if (!this.writable(conn, message.byteLength)) return false;
    holdWrites(conn.socket);
    conn.ws.send(message, SEND_OPTIONS);
    return true;
  }

  closeConn(conn: Connection, code: number, reason: string): void {
    if (conn.closed) return;
    conn.closed = true;
    metrics.closes.inc({ reason: String(code) });
    this.leave(conn);
    try {
      conn.ws.close(code, reason);
    } catch {
      conn.ws.terminate();
    }
    // A peer that never answers the close handshake still goes away.
    setTimeout(() => conn.ws.terminate(), 2000).unref();
  }

  private takeToken(conn: Connection): boolean {
    const now = performance.now();
    const { COLLAB_RATE_PER_SECOND: rate, COLLAB_RATE_BURST: burst } = this.config;
    const seconds = (now - conn.lastRefill) / 1000;
    conn.tokens = Math.min(burst, conn.tokens + seconds * rate);
    conn.awarenessTokens = Math.min(awarenessBurst(this.config), conn.awarenessTokens + seconds * this.config.COLLAB_AWARENESS_BYTES_PER_SECOND);
    conn.lastRefill = now;
    if (conn.tokens < 1) return false;
    conn.tokens -= 1;
    return true;
  }

  /** Called after takeToken in the same receive, so the bucket is refilled already. */
  private takeAwarenessBytes(conn: Connection, bytes: number): boolean {
    if (conn.awarenessTokens < bytes) return false;
    conn.awarenessTokens -= bytes;
    return true;
  }

  private scheduleUnload(): void {
    this.cancelUnload();
    this.unloadTimer = setTimeout(() => {
      if (this.conns.size === 0) this.shutdown(CLOSE.goingAway, "", true);
    }, this.config.COLLAB_UNLOAD_MS);
    this.unloadTimer.unref();
  }

  private cancelUnload(): void {
    if (this.unloadTimer) clearTimeout(this.unloadTimer);
    this.unloadTimer = null;
  }

  /** Compacts (when `flush`), closes every socket and frees the document. */
  shutdown(code: number, reason: string, flush: boolean): void {
    if (this.state === "closed") return;
    if (flush) {
      try {
        this.compact();
      } catch (error) {
        log.error({ err: error, planId: this.planId }, "compactie bij sluiten mislukt (log blijft staan)");
      }
    }
    const wasReady = this.state === "ready";
    this.state = "closed";
    this.cancelUnload();
    this.accessWatch.stop();
    for (const conn of [...this.conns]) this.closeConn(conn, code, reason);
    this.awareness.destroy();
    this.doc.destroy();
    if (wasReady) metrics.docsLoaded.dec();
    this.onEmpty(this);
  }
}

/** A socket's awareness burst: two seconds' worth, and at least one full state. */
export function awarenessBurst(config: CollabConfig): number {
  return Math.max(2 * config.COLLAB_AWARENESS_BYTES_PER_SECOND, config.COLLAB_MAX_AWARENESS_BYTES);
}
