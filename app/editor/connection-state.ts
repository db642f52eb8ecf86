/** Types and rules of the plan connection that the page needs before the editor code arrives. */
export type SaveStatus = "connecting" | "saved" | "saving" | "offline" | "denied" | "failed" | "refused" | "tooLarge" | "tooMany";

/** The server closed for good (44xx: y-websocket stops retrying); the page must be reloaded. */
export const TERMINAL_STATUS: Record<number, SaveStatus> = {
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

export type ConnectionState = {
  /** True once the text is there to edit: synced with the server, or loaded from this device's copy. */
  ready: boolean;
  status: SaveStatus;
  /** Awareness states of everyone in the room (one per tab). */
  states: { clientId: number; user?: Record<string, unknown> }[];
  selfClientId: number;
};
