/** Types for wal-index.mjs (plain JavaScript so the checkpoint worker can load it). */
export function framesNotCheckpointed(bytes: Buffer): number | null;
export function readFramesNotCheckpointed(databaseFile: string): number | null;
