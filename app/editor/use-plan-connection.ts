import { useEffect, useRef, useState } from "react";
import type { ConnectionState, SaveStatus } from "./connection-state";
// Types only: the module itself is imported dynamically below, as its own chunk.
import type * as LiveExports from "./live";
import type { LivePlan } from "./live";
import type * as ConnectionExports from "./live/plan-connection";

/** The editor's code (Tiptap, Yjs, the socket): its own chunk, fetched after the page shows. */
export type LiveModule = typeof LiveExports;
export type { LivePlan };

type ConnectionModule = typeof ConnectionExports;

let livePromise: Promise<LiveModule> | null = null;
let connectionPromise: Promise<ConnectionModule> | null = null;
/** One fetch of the editor chunk per page load. */
function loadLive(): Promise<LiveModule> {
  livePromise ??= import("./live").catch((error: unknown) => {
    livePromise = null; // offline at first: a later mount tries again
    throw error;
  });
  return livePromise;
}
/**
 * The connection (Yjs, the socket, this device's copy) is a smaller chunk of
 * its own, so the handshake and the sync run while Tiptap still downloads and
 * compiles instead of after it (record 0029).
 */
function loadConnection(): Promise<ConnectionModule> {
  connectionPromise ??= import("./live/plan-connection").catch((error: unknown) => {
    connectionPromise = null;
    throw error;
  });
  return connectionPromise;
}
/** A connection opened before React hydrated the page, waiting for the page to adopt it. */
type EarlyConnection = { key: string; plan: LivePlan; state: ConnectionState; listener: ((state: ConnectionState) => void) | null };
let early: EarlyConnection | null = null;

const connectionKey = (room: string, userId: string, canEdit: boolean) => `${room}|${userId}|${canEdit}`;

/**
 * On a plan opened as a document, the socket opens as soon as its code has
 * arrived, from what the server wrote into the page (`data-plan-*` on the
 * workspace), instead of after hydration: handshake and sync then run while
 * React hydrates (record 0031). The page adopts it in `usePlanConnection`.
 */
function openEarly(module: ConnectionModule): void {
  const element = document.querySelector<HTMLElement>("[data-plan-room]");
  const { planRoom: room, planUser, planCanEdit } = element?.dataset ?? {};
  if (!room || !planUser || early) return;
  let user: { id: string; name: string; color: string };
  try {
    user = JSON.parse(planUser) as typeof user;
  } catch {
    return;
  }
  const canEdit = planCanEdit === "true";
  const holder: EarlyConnection = { key: connectionKey(room, user.id, canEdit), plan: null as unknown as LivePlan, state: null as unknown as ConnectionState, listener: null };
  holder.plan = module.openPlanConnection({ room, user, canEdit }, (state) => {
    holder.state = state;
    holder.listener?.(state);
  });
  holder.state = holder.plan.getState();
  early = holder;
}

/** A User Timing mark, once per page (the plan page bench reads them; DevTools shows them). */
function markOnce(name: string): void {
  if (typeof performance.mark === "function" && performance.getEntriesByName(name).length === 0) performance.mark(name);
}

// Start fetching as soon as the page's own code runs in the browser (in
// parallel with hydration), not after it: the text is on screen already.
if (typeof document !== "undefined") {
  void loadConnection().then((module) => {
    markOnce("plan:connection-code");
    openEarly(module);
  }, () => undefined);
  void loadLive().then(() => markOnce("plan:editor-code"), () => undefined);
}

export type PlanConnection = {
  live: LiveModule;
  plan: LivePlan;
  ready: boolean;
  status: SaveStatus;
  states: ConnectionState["states"];
  selfClientId: number;
};

/**
 * Loads the live editor after the first paint and opens the plan's
 * connection. Null until then; the page shows the server-rendered text.
 */
export function usePlanConnection(
  room: string,
  user: { id: string; name: string; color: string },
  canEdit: boolean,
): { connection: PlanConnection | null; status: SaveStatus; hasUnsaved: () => boolean } {
  const [live, setLive] = useState<LiveModule | null>(null);
  const [connector, setConnector] = useState<ConnectionModule | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [opened, setOpened] = useState<{ plan: LivePlan; state: ConnectionState } | null>(null);
  const planRef = useRef<LivePlan | null>(null);
  const userRef = useRef(user);

  useEffect(() => {
    let alive = true;
    loadConnection().then(
      (module) => alive && setConnector(module),
      () => alive && setLoadFailed(true),
    );
    loadLive().then(
      (module) => alive && setLive(module),
      () => alive && setLoadFailed(true),
    );
    return () => {
      alive = false;
    };
  }, []);

  useEffect(() => {
    if (!connector) return;
    let plan: LivePlan | null = null;
    const pending = early;
    early = null; // adopted once; a later mount (another plan, StrictMode's second run) opens its own
    const adopted = pending?.key === connectionKey(room, userRef.current.id, canEdit) ? pending : null;
    if (!adopted) pending?.plan.destroy();
    if (adopted) {
      plan = adopted.plan;
      adopted.listener = (state) => setOpened({ plan: adopted.plan, state });
    } else {
      plan = connector.openPlanConnection({ room, user: userRef.current, canEdit }, (state) => {
        if (plan) setOpened({ plan, state });
      });
    }
    planRef.current = plan;
    setOpened({ plan, state: plan.getState() });
    return () => {
      planRef.current = null;
      plan?.destroy();
      setOpened(null);
    };
    // The user object is stable for the page's life; reconnect only per room.
  }, [connector, room, canEdit]);

  const connection = live && opened ? { live, plan: opened.plan, ...opened.state } : null;
  return {
    connection,
    status: loadFailed ? "failed" : (opened?.state.status ?? "connecting"),
    hasUnsaved: () => planRef.current?.hasUnsaved() ?? false,
  };
}
