import * as encoding from "lib0/encoding";
import { IndexeddbPersistence } from "y-indexeddb";
import { writeSyncStep1 } from "y-protocols/sync";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { localPlanDbName } from "../../utils/local-plan-copies";
import { TERMINAL_STATUS, type ConnectionState, type SaveStatus } from "../connection-state";

export type LivePlan = {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** True while this tab holds edits that exist nowhere else: not on this device's copy, not on the server. */
  hasUnsaved: () => boolean;
  /** Tells the others which section this person is in (awareness). */
  setSection: (sectionId: string | null) => void;
  getState: () => ConnectionState;
  destroy: () => void;
};

const ACK_DELAY_MS = 300;
/** Silence after which we ask the server for a sign of life; and after which the socket counts as dead. */
const HEARTBEAT_AFTER_MS = 1500;
const DEAD_AFTER_MS = 4000;

/**
 * One Y.Doc per open plan, kept on this device (y-indexeddb, for authors) and
 * synced through the server. "Opgeslagen" is honest: after local edits we send
 * a sync step 1; the server answers in order, after it has stored (or, for read
 * access, dropped) everything we sent before. The same question doubles as a
 * heartbeat, so a dead connection shows within seconds instead of y-websocket's 30 s.
 */
export function openPlanConnection(
  options: { room: string; user: { id: string; name: string; color: string }; canEdit: boolean },
  onState: (state: ConnectionState) => void,
): LivePlan {
  const { room, user, canEdit } = options;
  const doc = new Y.Doc();
  // Only authors' edits count, so only they keep a copy (removed at logout).
  const persistence = canEdit ? new IndexeddbPersistence(localPlanDbName(room), doc) : null;
  const url = `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}/collab`;
  // No BroadcastChannel: every change goes through the server's permission check.
  const provider = new WebsocketProvider(url, room, doc, { disableBc: true, maxBackoffTime: 5000, connect: false });
  let section: string | null = null;
  provider.awareness.setLocalStateField("user", { ...user, section });

  let state: ConnectionState = { ready: false, status: "connecting", states: [], selfClientId: doc.clientID };
  const emit = (patch: Partial<ConnectionState>) => {
    state = { ...state, ...patch };
    onState(state);
  };
  const setStatus = (status: SaveStatus) => {
    if (!terminal && state.status !== status) emit({ status });
  };

  let localSeq = 0;
  let savedSeq = 0;
  let storedSeq = 0;
  let requestedSeq: number | null = null;
  let ackTimer: ReturnType<typeof setTimeout> | null = null;
  let terminal = false;
  let connected = false;
  let handshakeChecked = false;

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
    const seq = ++localSeq;
    if (origin === persistence) {
      // From this device's copy (typed offline earlier): stored already, but the server may
      // lack it; the provider sends it, and it counts as unsaved until the server confirms.
      storedSeq = Math.max(storedSeq, seq);
      if (connected) {
        setStatus("saving");
        scheduleAck();
      }
      return;
    }
    // y-indexeddb queued this update's write in its own handler (registered
    // before ours); a read of the same store completes only after that write.
    try {
      const tx = persistence?.db?.transaction(["updates"], "readonly");
      if (tx)
        tx.oncomplete = () => {
          storedSeq = Math.max(storedSeq, seq);
        };
    } catch {
      // The copy is unavailable (private mode, quota): the tab is the only copy until the server has it.
    }
    setStatus(connected ? "saving" : "offline");
    scheduleAck();
  };
  doc.on("update", onUpdate);

  const hasContent = () => Y.encodeStateVector(doc).length > 1;
  // User Timing marks (DevTools, and `npm run bench -- plan-page` reads them): where opening a plan spends its time.
  const markReady = (how: string) => {
    if (typeof performance.mark === "function" && performance.getEntriesByName("plan:ready").length === 0) performance.mark("plan:ready", { detail: how });
  };
  persistence?.on("synced", () => {
    storedSeq = localSeq; // y-indexeddb stored the whole doc on opening
    // The text from the last visit, before (or without) the server: editable at once.
    if (hasContent() && !state.ready) {
      markReady("device");
      emit({ ready: true });
    }
  });

  provider.on("sync", (isSynced: boolean) => {
    if (!isSynced) return;
    if (!state.ready) {
      markReady("server");
      emit({ ready: true });
    }
    if (requestedSeq !== null) {
      savedSeq = Math.max(savedSeq, requestedSeq);
      requestedSeq = null;
    }
    // Right after (re)connecting we sent what the server lacked (edits from
    // offline, perhaps from a closed tab) in reply to its step 1: one more
    // round trip confirms it was stored before we say "Opgeslagen".
    if (!handshakeChecked) {
      handshakeChecked = true;
      setStatus("saving");
      requestedSeq = null;
      provider.synced = true;
      requestAck();
      return;
    }
    if (localSeq > savedSeq) {
      setStatus("saving");
      scheduleAck();
    } else setStatus("saved");
  });
  provider.on("status", ({ status: s }: { status: string }) => {
    connected = s === "connected";
    if (s === "disconnected") setStatus("offline");
    if (s === "connected") {
      requestedSeq = null;
      handshakeChecked = false;
    }
  });
  provider.on("connection-close", (event: CloseEvent | null) => {
    if (event?.code === 4500 || event?.code === 4501) setStatus("failed");
  });
  provider.on("closed", ({ code }: { code: number }) => {
    setStatus(TERMINAL_STATUS[code] ?? "failed");
    terminal = true;
  });

  // Heartbeat: a silent socket gets a question; no answer at all means the
  // connection is gone (Wi-Fi dropped, lid closed), and y-websocket reconnects.
  const heartbeat = setInterval(() => {
    const ws = provider.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN || !provider.wsconnected) return;
    const silent = Date.now() - provider.wsLastMessageReceived;
    if (silent > DEAD_AFTER_MS) ws.close();
    else if (silent > HEARTBEAT_AFTER_MS && provider.synced && !ackTimer) requestAck();
  }, 500);
  // The browser knows first: no network means no trusting the socket either.
  const onOffline = () => {
    provider.disconnect();
    setStatus("offline");
  };
  const onOnline = () => {
    if (!terminal) provider.connect();
  };
  window.addEventListener("offline", onOffline);
  window.addEventListener("online", onOnline);

  const onAwareness = () => {
    const states: ConnectionState["states"] = [];
    provider.awareness.getStates().forEach((s, clientId) => states.push({ clientId, user: (s as { user?: Record<string, unknown> }).user }));
    emit({ states });
  };
  provider.awareness.on("change", onAwareness);
  onAwareness();

  // Connect at once, in parallel with reading the local copy: what it holds
  // (typed offline, perhaps in a tab closed since) is sent when it is read.
  if (navigator.onLine !== false) provider.connect();
  else setStatus("offline");

  return {
    doc,
    provider,
    hasUnsaved: () => canEdit && localSeq > storedSeq && !connected && localSeq > savedSeq,
    getState: () => state,
    setSection: (id) => {
      if (id === section) return;
      section = id;
      provider.awareness.setLocalStateField("user", { ...user, section });
    },
    destroy: () => {
      if (ackTimer) clearTimeout(ackTimer);
      clearInterval(heartbeat);
      window.removeEventListener("offline", onOffline);
      window.removeEventListener("online", onOnline);
      provider.awareness.off("change", onAwareness);
      doc.off("update", onUpdate);
      provider.destroy();
      void persistence?.destroy();
      doc.destroy();
    },
  };
}
