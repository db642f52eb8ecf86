import { useEffect, useRef, useState } from "react";
import type { ConnectionState, SaveStatus } from "./connection-state";
// Types only: the module itself is imported dynamically below, as its own chunk.
import type * as LiveExports from "./live";
import type { LivePlan } from "./live";

/** The editor's code (Tiptap, Yjs, the socket): its own chunk, fetched after the page shows. */
export type LiveModule = typeof LiveExports;
export type { LivePlan };

let livePromise: Promise<LiveModule> | null = null;
/** One fetch of the editor chunk per page load. */
function loadLive(): Promise<LiveModule> {
  livePromise ??= import("./live").catch((error: unknown) => {
    livePromise = null; // offline at first: a later mount tries again
    throw error;
  });
  return livePromise;
}
// Start fetching as soon as the page's own code runs in the browser (in
// parallel with hydration), not after it: the text is on screen already.
if (typeof document !== "undefined") void loadLive().catch(() => undefined);

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
  const [loadFailed, setLoadFailed] = useState(false);
  const [opened, setOpened] = useState<{ plan: LivePlan; state: ConnectionState } | null>(null);
  const planRef = useRef<LivePlan | null>(null);
  const userRef = useRef(user);

  useEffect(() => {
    let alive = true;
    loadLive().then(
      (module) => alive && setLive(module),
      () => alive && setLoadFailed(true),
    );
    return () => {
      alive = false;
    };
  }, []);

  useEffect(() => {
    if (!live) return;
    let plan: LivePlan | null = null;
    plan = live.openPlanConnection({ room, user: userRef.current, canEdit }, (state) => {
      if (plan) setOpened({ plan, state });
    });
    planRef.current = plan;
    setOpened({ plan, state: plan.getState() });
    return () => {
      planRef.current = null;
      plan?.destroy();
      setOpened(null);
    };
    // The user object is stable for the page's life; reconnect only per room.
  }, [live, room, canEdit]);

  const connection = live && opened ? { live, plan: opened.plan, ...opened.state } : null;
  return {
    connection,
    status: loadFailed ? "failed" : (opened?.state.status ?? "connecting"),
    hasUnsaved: () => planRef.current?.hasUnsaved() ?? false,
  };
}
