import { Transform } from "node:stream";

/**
 * A pass-through that joins everything written in one turn of the event loop
 * into one chunk. React's stream renderer writes a page in ~2 kB pieces; each
 * piece used to travel alone through the web-stream bridge, compression and a
 * socket write of its own, which cost more than rendering a small page
 * (record 0029). Streaming stays: what React writes later (a suspended part)
 * goes out in a later turn, as before.
 */
export function coalescingStream(): Transform {
  let pending: Buffer[] = [];
  let scheduled = false;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      pending.push(chunk);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
      callback();
    },
    flush(callback) {
      flush();
      callback();
    },
  });
  function flush() {
    scheduled = false;
    if (pending.length === 0) return;
    const joined = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
    pending = [];
    stream.push(joined);
  }
  return stream;
}
