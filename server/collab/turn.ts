import type { Duplex } from "node:stream";
import { logger } from "../../app/utils/logger.server";

/**
 * End-of-turn batching (decision 0015). Everything the sockets of one
 * event-loop turn sent (all reads of one poll phase) is stored with one commit
 * per room, and only then written out, with one system call per socket: a
 * socket's writes are corked from its first message of the turn until
 * setImmediate, which runs right after the poll phase of the same turn.
 *
 * Under light load a turn holds one read, so this adds only the hop to the
 * check phase. Under load it replaces N commits and N × peers writes with one
 * commit and one write per peer; the reference server does neither.
 */
type Flushable = { flush(): void; fail(): void };

const log = logger.child({ module: "collab" });

const dirtyRooms = new Set<Flushable>();
const corked = new Set<Duplex>();
let scheduled = false;

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setImmediate(endTurn);
}

function endTurn(): void {
  try {
    // Persist before relay: every room stores its batch before any byte leaves.
    // A flush may write to sockets not corked yet; they join `corked` here.
    for (const room of dirtyRooms) {
      dirtyRooms.delete(room);
      try {
        room.flush(); // handles its own storage failures (closes that room only)
      } catch (error) {
        // Unexpected: not stored means not relayed, so this room's batch stays
        // unsent. The other rooms and the process carry on.
        log.error({ err: error }, "fout bij het wegschrijven van een beurt");
        room.fail();
      }
    }
  } finally {
    // Never leave a socket corked: it would hold every later frame.
    for (const socket of corked) socket.uncork();
    corked.clear();
    scheduled = false;
  }
}

/** Asks for `room.flush()` at the end of this turn. */
export function flushAtTurnEnd(room: Flushable): void {
  dirtyRooms.add(room);
  schedule();
}

/** Holds this socket's writes until the end of the turn. */
export function holdWrites(socket: Duplex): void {
  if (corked.has(socket) || socket.destroyed) return;
  socket.cork();
  corked.add(socket);
  schedule();
}
