import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";

/**
 * WebSocket upgrades share the HTTP port. Each handler claims a path prefix;
 * the live-plan issue registers `/collab/` here. Anything unclaimed gets a
 * plain HTTP 404 so clients do not hang.
 */
export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

const handlers: { prefix: string; handle: UpgradeHandler }[] = [];

export function registerUpgrade(prefix: string, handle: UpgradeHandler): void {
  handlers.push({ prefix, handle });
}

export function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
  socket.on("error", () => socket.destroy()); // a peer resetting mid-handshake must not crash us
  const path = (req.url ?? "").split("?")[0] ?? "";
  const match = handlers.find((h) => path.startsWith(h.prefix));
  if (match) {
    match.handle(req, socket, head);
    return;
  }
  socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
}
