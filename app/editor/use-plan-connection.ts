import * as encoding from "lib0/encoding";
import { useEffect, useRef, useState } from "react";
import { WebsocketProvider } from "y-websocket";
import { writeSyncStep1 } from "y-protocols/sync";
import * as Y from "yjs";

export type SaveStatus = "connecting" | "saved" | "saving" | "offline" | "denied" | "failed" | "refused" | "tooLarge" | "tooMany";

/** The server closed for good (44xx: y-websocket stops retrying); the page must be reloaded. */
const TERMINAL_STATUS: Record<number, SaveStatus> = {
  4400: "refused",
  4401: "denied",
  4403: "denied",
  4413: "tooLarge",
  4429: "tooMany",
};

/** Statuses after which this tab's edits go nowhere: the editors turn read-only. */
export function cannotSave(status: SaveStatus): boolean {
  return status === "denied" || status === "refused" || status === "tooLarge" || status === "tooMany";
}
export type Peer = { clientId: number; name: string; color: string; self: boolean };

export type PlanConnection = {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** True once the first sync with the server completed (editors mount then). */
  ready: boolean;
  status: SaveStatus;
  peers: Peer[];
  /** True while this tab holds edits that only it has: typed while not connected. */
  hasUnsaved: () => boolean;
};

const ACK_DELAY_MS = 300;

/**
 * One Y.Doc and one WebsocketProvider per open plan. "Opgeslagen" is honest:
 * after local edits we send a sync step 1; the server answers in order, after
 * it has stored (or, for read access, dropped) everything we sent before.
 */
export function usePlanConnection(room: string, user: { name: string; color: string }, canEdit: boolean): PlanConnection | null {
  const [connection, setConnection] = useState<{ doc: Y.Doc; provider: WebsocketProvider } | null>(null);
  const [ready, setReady] = useState(false);
  const [status, setStatus] = useState<SaveStatus>("connecting");
  const [peers, setPeers] = useState<Peer[]>([]);
  // Read at navigation time (beforeunload, the route blocker), not per render.
  const unsaved = useRef<() => boolean>(() => false);

  useEffect(() => {
    const doc = new Y.Doc();
    const url = `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}/collab`;
    // No BroadcastChannel: every change goes through the server's permission check.
    const provider = new WebsocketProvider(url, room, doc, { disableBc: true, maxBackoffTime: 5000 });
    provider.awareness.setLocalStateField("user", user);

    let localSeq = 0;
    let savedSeq = 0;
    let requestedSeq: number | null = null;
    let ackTimer: ReturnType<typeof setTimeout> | null = null;
    let terminal = false;
    let connected = false;
    // Edits sent on an open socket are stored even if the tab closes now (the
    // server reads them before the close); without a connection they live
    // only in this tab.
    unsaved.current = () => canEdit && !connected && localSeq > savedSeq;

    const requestAck = () => {
      ackTimer = null;
      const ws = provider.ws;
      if (!ws || ws.readyState !== WebSocket.OPEN || !provider.synced) {
        ackTimer = setTimeout(requestAck, ACK_DELAY_MS);
        return;
      }
      requestedSeq = localSeq;
      provider.synced = false; // the server's step 2 answer sets it back
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      writeSyncStep1(e, doc);
      ws.send(encoding.toUint8Array(e));
    };
    const scheduleAck = () => {
      if (!ackTimer) ackTimer = setTimeout(requestAck, ACK_DELAY_MS);
    };

    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin === provider || !canEdit) return;
      localSeq++;
      if (!terminal) setStatus(connected ? "saving" : "offline");
      scheduleAck();
    };
    doc.on("update", onUpdate);

    provider.on("sync", (isSynced: boolean) => {
      if (!isSynced) return;
      setReady(true);
      if (requestedSeq !== null) {
        savedSeq = Math.max(savedSeq, requestedSeq);
        requestedSeq = null;
      }
      if (localSeq > savedSeq) {
        setStatus("saving");
        scheduleAck();
      } else setStatus("saved");
    });
    provider.on("status", ({ status: s }: { status: string }) => {
      connected = s === "connected";
      if (terminal) return;
      if (s === "disconnected") setStatus("offline");
      if (s === "connected") requestedSeq = null;
    });
    provider.on("connection-close", (event: CloseEvent | null) => {
      if (event?.code === 4500 || event?.code === 4501) setStatus("failed");
    });
    provider.on("closed", ({ code }: { code: number }) => {
      terminal = true;
      setStatus(TERMINAL_STATUS[code] ?? "failed");
    });

    const onAwareness = () => {
      const list: Peer[] = [];
      provider.awareness.getStates().forEach((state, clientId) => {
        const u = (state as { user?: { name?: unknown; color?: unknown } }).user;
        if (u && typeof u.name === "string") {
          list.push({
            clientId,
            name: u.name.slice(0, 80),
            color: typeof u.color === "string" ? u.color : "#4b5563",
            self: clientId === doc.clientID,
          });
        }
      });
      list.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name, "nl"));
      setPeers(list);
    };
    provider.awareness.on("change", onAwareness);
    onAwareness();

    setConnection({ doc, provider });
    return () => {
      if (ackTimer) clearTimeout(ackTimer);
      provider.awareness.off("change", onAwareness);
      doc.off("update", onUpdate);
      provider.destroy();
      doc.destroy();
      unsaved.current = () => false;
      setConnection(null);
      setReady(false);
    };
    // The user object is stable for the page's life; reconnect only per room.
  }, [room, canEdit]);

  return connection ? { ...connection, ready, status, peers, hasUnsaved: () => unsaved.current() } : null;
}
