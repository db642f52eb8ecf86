import fs from "node:fs";

/**
 * How many WAL frames SQLite has not yet copied into the database, read from
 * the wal-index header at the start of the `-shm` file (format:
 * https://www.sqlite.org/walformat.html, "The WAL-Index Header"). Plain
 * JavaScript for the checkpoint worker (see checkpoint-worker.mjs).
 *
 * The header is two copies of a 48-byte WalIndexHdr (SQLite writes the first,
 * then the second; readers trust them only when they agree), followed by
 * WalCkptInfo. Numbers are in the machine's byte order. Returns null when the
 * file cannot be read or does not hold a header we understand; the caller then
 * checkpoints as if the WAL were full.
 */
const HEADER_BYTES = 48;
const WALINDEX_VERSION = 3007000;
const MX_FRAME = 16; // u32 in WalIndexHdr
const IS_INIT = 12; // u8 in WalIndexHdr
const N_BACKFILL = 2 * HEADER_BYTES; // first u32 of WalCkptInfo
const isLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** @param {Buffer} bytes at least the first 100 bytes of a `-shm` file */
export function framesNotCheckpointed(bytes) {
  if (bytes.length < N_BACKFILL + 4) return null;
  const first = bytes.subarray(0, HEADER_BYTES);
  const second = bytes.subarray(HEADER_BYTES, 2 * HEADER_BYTES);
  // Unequal copies: a commit is updating the header right now. Unknown, not zero.
  if (!first.equals(second)) return null;
  const u32 = (offset) => (isLittleEndian ? bytes.readUInt32LE(offset) : bytes.readUInt32BE(offset));
  if (u32(0) !== WALINDEX_VERSION || bytes[IS_INIT] !== 1) return null;
  const mxFrame = u32(MX_FRAME);
  const nBackfill = u32(N_BACKFILL);
  // After a WAL restart nBackfill is reset with mxFrame; anything else is a torn read.
  return mxFrame >= nBackfill ? mxFrame - nBackfill : null;
}

/**
 * Descriptors of `-shm` files, held for the life of the process: closing any
 * descriptor of a file drops every POSIX lock this process holds on it,
 * including SQLite's own lock that tells other processes the wal-index is in
 * use. Without it, the next process to open the database (`npm run backup`,
 * a CLI) takes itself for the first, truncates the `-shm` and rebuilds it,
 * and this process dies of SIGBUS on its mapping of the pages that were cut
 * off. So a descriptor is never closed; a recreated `-shm` (new inode) gets a
 * new one. Record 0021.
 * @type {Map<string, { fd: number; ino: number }>}
 */
const held = new Map();

/** @param {string} shmFile */
function descriptorOf(shmFile) {
  const ino = fs.statSync(shmFile).ino; // stat opens nothing
  const known = held.get(shmFile);
  if (known && known.ino === ino) return known.fd;
  const fd = fs.openSync(shmFile, "r");
  held.set(shmFile, { fd, ino: fs.fstatSync(fd).ino });
  return fd;
}

/**
 * Reads the header of `<database>-shm`; see framesNotCheckpointed.
 * @param {string} databaseFile
 * @returns {number | null}
 */
export function readFramesNotCheckpointed(databaseFile) {
  const buffer = Buffer.alloc(N_BACKFILL + 4);
  try {
    const read = fs.readSync(descriptorOf(`${databaseFile}-shm`), buffer, 0, buffer.length, 0);
    return framesNotCheckpointed(buffer.subarray(0, read));
  } catch {
    return null;
  }
}
