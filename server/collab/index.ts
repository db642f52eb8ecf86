import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import { logger } from "../../app/utils/logger.server";
import { decideUpgrade, originAllowed } from "./auth";
import { CLOSE, collabConfig, type CollabConfig } from "./config";
import { metrics } from "./metrics";
import { applyChangeToStoredPlan, registerCollabHub, type PlanChange } from "../../app/models/plan-live.server";
import { awarenessBurst, Room, ServerChange, type Connection } from "./room";

const log = logger.child({ module: "collab" });

export type CollabServer = {
  handleUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
  /** Compacts every loaded document and closes every socket (SIGTERM). */
  shutdown: () => void;
  roomCount: () => number;
};

function refuse(socket: Duplex, status: 401 | 403 | 404 | 503) {
  const text = { 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 503: "Service Unavailable" }[status];
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * The y-websocket endpoint `/collab/<room>` (contract 6.6): authenticates the
 * upgrade from the session cookie, asks the permission module, loads the plan
 * from SQLite and only then joins the socket to the room.
 */
export function createCollabServer(options: { config?: CollabConfig; appOrigin?: string } = {}): CollabServer {
  const config = options.config ?? collabConfig();
  // No permessage-deflate: Room.broadcast writes pre-built frames to the socket,
  // which is only in order with ws's own frames while ws never queues (0015).
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.COLLAB_MAX_MESSAGE_BYTES, perMessageDeflate: false });
  const rooms = new Map<string, Room>();
  let stopping = false;
  // Half-open TCP connections (a laptop lid closed) would hold a room forever.
  const alive = new WeakSet<WebSocket>();
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, config.COLLAB_PING_MS);
  heartbeat.unref();

  function roomFor(planId: string): Room {
    let room = rooms.get(planId);
    if (!room || room.state === "closed") {
      room = new Room(planId, config, (r) => {
        if (rooms.get(r.planId) === r) rooms.delete(r.planId);
      });
      rooms.set(planId, room);
    }
    return room;
  }

  function attach(
    ws: WebSocket,
    socket: Duplex,
    room: Room,
    decision: { userId: string; userName: string; presenceRole?: string; token: string; access: Connection["access"] },
  ) {
    const conn: Connection = {
      ws,
      socket,
      userId: decision.userId,
      userName: decision.userName,
      presenceRole: decision.presenceRole,
      token: decision.token,
      access: decision.access,
      awarenessIds: new Set(),
      tokens: config.COLLAB_RATE_BURST,
      lastRefill: performance.now(),
      awarenessTokens: awarenessBurst(config),
      closed: false,
    };
    alive.add(ws);
    ws.on("pong", () => alive.add(ws));
    ws.on("message", (data, isBinary) => {
      if (!isBinary) {
        room.closeConn(conn, CLOSE.badMessage, "alleen binaire berichten");
        return;
      }
      room.receive(conn, toBytes(data));
    });
    ws.on("close", () => {
      conn.closed = true;
      room.leave(conn);
    });
    ws.on("error", (error) => {
      // ws closes with 1009 itself when maxPayload is exceeded.
      log.warn({ err: error, planId: room.planId }, "websocketfout; verbinding gesloten");
      conn.closed = true;
      room.leave(conn);
    });
    room.join(conn);
  }

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    if (stopping) return refuse(socket, 503);
    if (!originAllowed(req, options.appOrigin)) {
      log.warn({ origin: req.headers.origin }, "websocket van een andere herkomst geweigerd");
      return refuse(socket, 403);
    }
    const path = (req.url ?? "").split("?")[0] ?? "";
    let roomName: string;
    try {
      roomName = decodeURIComponent(path.slice("/collab/".length));
    } catch {
      return refuse(socket, 403);
    }
    const decision = await decideUpgrade(req, roomName);
    if (socket.destroyed) return;
    if (!decision.ok) return refuse(socket, decision.status === 401 ? 401 : 403);
    const room = roomFor(decision.planId);
    // The last COLLAB_EDITOR_RESERVED_CONNECTIONS slots are for editors only,
    // so readers and commenters cannot lock the authors out (contract 6.19).
    // (At most half the room, so a small COLLAB_MAX_CONNECTIONS_PER_ROOM still lets readers in.)
    const reserved = Math.min(config.COLLAB_EDITOR_RESERVED_CONNECTIONS, Math.floor(config.COLLAB_MAX_CONNECTIONS_PER_ROOM / 2));
    const slots = config.COLLAB_MAX_CONNECTIONS_PER_ROOM - (decision.access === "edit" ? 0 : reserved);
    if (room.conns.size >= slots) return refuse(socket, 503);
    let loadError: unknown = null;
    if (room.state === "loading") {
      try {
        room.load(); // synchronous: nothing can be answered before it finishes
      } catch (error) {
        loadError = error;
        room.shutdown(CLOSE.loadFailed, "", false);
      }
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      if (loadError) {
        log.error({ err: loadError, planId: decision.planId }, "plan kon niet worden geladen");
        metrics.closes.inc({ reason: String(CLOSE.loadFailed) });
        ws.close(CLOSE.loadFailed, "plan kon niet worden geladen");
        return;
      }
      if (room.state !== "ready") {
        ws.close(CLOSE.loadFailed, "probeer opnieuw");
        return;
      }
      // Counted here, synchronously with the join, so parallel upgrades cannot
      // slip past. A close code rather than HTTP 429: a browser sees the code
      // (and stops retrying), never the HTTP status of a refused upgrade.
      let own = 0;
      for (const conn of room.conns) if (conn.userId === decision.userId) own++;
      if (own >= config.COLLAB_MAX_CONNECTIONS_PER_USER) {
        metrics.closes.inc({ reason: String(CLOSE.tooManyMessages) });
        ws.close(CLOSE.tooManyMessages, "te veel verbindingen");
        setTimeout(() => ws.terminate(), 2000).unref();
        return;
      }
      attach(ws, socket, room, decision);
    });
  }

  // Server-side text changes (version restore) go through the live room when loaded.
  registerCollabHub({
    applyChange(planId: string, userId: string | null, change: PlanChange) {
      const room = rooms.get(planId);
      if (room?.state === "ready") {
        room.doc.transact(() => change(room.doc), new ServerChange(userId));
        room.flush(); // stored before the caller answers; relayed at the end of this turn
        if ((room.state as Room["state"]) !== "ready") throw new Error("de wijziging kon niet worden opgeslagen");
        return;
      }
      applyChangeToStoredPlan(planId, userId, change); // no live room: straight to the log
    },
    compact(planId: string) {
      const room = rooms.get(planId);
      if (room?.state !== "ready") return false;
      room.compact();
      return true;
    },
  });

  return {
    handleUpgrade(req, socket, head) {
      upgrade(req, socket, head).catch((error: unknown) => {
        log.error({ err: error }, "websocket-upgrade mislukt");
        if (!socket.destroyed) refuse(socket, 503);
      });
    },
    shutdown() {
      stopping = true;
      clearInterval(heartbeat);
      for (const room of [...rooms.values()]) room.shutdown(CLOSE.goingAway, "server stopt", true);
      wss.close();
    },
    roomCount: () => rooms.size,
  };
}
