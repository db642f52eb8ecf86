import { z } from "zod";

/** Collaboration limits; all overridable by environment for tests and tuning. */
const schema = z.object({
  COLLAB_MAX_MESSAGE_BYTES: z.coerce.number().int().min(1024).default(4 * 1024 * 1024),
  COLLAB_MAX_BUFFERED_BYTES: z.coerce.number().int().min(1024).default(16 * 1024 * 1024),
  COLLAB_RATE_PER_SECOND: z.coerce.number().min(1).default(100),
  COLLAB_RATE_BURST: z.coerce.number().min(1).default(300),
  COLLAB_UNLOAD_MS: z.coerce.number().int().min(0).default(30_000),
  COLLAB_COMPACT_EVERY: z.coerce.number().int().min(1).default(500),
  COLLAB_ACCESS_CHECK_MS: z.coerce.number().int().min(50).default(500),
  COLLAB_PING_MS: z.coerce.number().int().min(100).default(30_000),
  COLLAB_MAX_CONNECTIONS_PER_ROOM: z.coerce.number().int().min(1).default(100),
  /** Sockets one person may hold in one room (contract 6.19); the next is closed with 4429. */
  COLLAB_MAX_CONNECTIONS_PER_USER: z.coerce.number().int().min(1).default(10),
  /** Of the room's sockets, this many only editors may take: readers cannot lock them out. */
  COLLAB_EDITOR_RESERVED_CONNECTIONS: z.coerce.number().int().min(0).default(20),
  /** One awareness state (a person's presence and caret); larger is refused with 4400. */
  COLLAB_MAX_AWARENESS_BYTES: z.coerce.number().int().min(1024).default(64 * 1024),
  /** All awareness states of a room together; a state that would pass it is refused with 4429. */
  COLLAB_MAX_ROOM_AWARENESS_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  /** Awareness bytes one socket may send per second (burst: twice that, at least one full state); then 4429. */
  COLLAB_AWARENESS_BYTES_PER_SECOND: z.coerce.number().int().min(1024).default(64 * 1024),
  /** The document stops growing here: an update that would pass it is refused with 4413. */
  COLLAB_MAX_DOC_BYTES: z.coerce.number().int().min(64 * 1024).default(8 * 1024 * 1024),
});

export type CollabConfig = z.infer<typeof schema>;

export function collabConfig(source: Record<string, string | undefined> = process.env): CollabConfig {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([k, v]) => k.startsWith("COLLAB_") && v));
  return schema.parse(cleaned);
}

/**
 * The event-loop delay histogram samples every 100 ms. prom-client's default
 * (10 ms) and our earlier 20 ms each wake the loop 50–100 times a second,
 * which cost 4–5 ms of main-thread CPU per second on an idle server (measured
 * per thread in /proc): work every live keystroke can queue behind. A p99 of
 * a 100 ms series still shows a stalled loop. Here, not in metrics.ts, so the
 * benchmark can read it without starting a registry.
 */
export const LOOP_MONITOR_MS = 100;

/** Close codes: 44xx tell y-websocket not to retry; 45xx allow a retry. */
export const CLOSE = {
  unauthenticated: 4401,
  forbidden: 4403,
  /** Malformed, built on unknown changes, or touching what only the server writes. */
  badMessage: 4400,
  /** The update would take the document past COLLAB_MAX_DOC_BYTES. */
  documentTooLarge: 4413,
  /** Too many messages or awareness bytes, too many sockets of one person, or the room's awareness budget. */
  tooManyMessages: 4429,
  loadFailed: 4500,
  persistFailed: 4501,
  slowConsumer: 4508,
  roomFull: 4509,
  /** Access could not be checked (database unreadable); clients retry. */
  accessUnverified: 1011,
  goingAway: 1001,
} as const;
