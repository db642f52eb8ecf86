import type { EventEmitter } from "node:events";
import * as wsPackage from "ws";
import { describe, expect, it } from "vitest";
import { binaryFrame } from "./frame";

// ws's frame parser; exported by the package, absent from its type definitions.
type FrameParser = EventEmitter & { write(chunk: Buffer): void };
const { Receiver } = wsPackage as unknown as { Receiver: new (options: { isServer: boolean; maxPayload: number }) => FrameParser };

/** What ws's own parser (the one browsers' peers use in Node) reads from our bytes. */
function parse(frame: Buffer): Promise<{ data: Buffer; isBinary: boolean }> {
  return new Promise((resolve, reject) => {
    const receiver = new Receiver({ isServer: false, maxPayload: 0 });
    receiver.on("message", (data: Buffer, isBinary: boolean) => resolve({ data, isBinary }));
    receiver.on("error", reject);
    receiver.write(frame);
  });
}

describe("binaryFrame", () => {
  it.each([0, 1, 125, 126, 65_535, 65_536, 1_100_000])("frames %i bytes so that ws reads them back unchanged", async (size) => {
    const payload = new Uint8Array(size).map((_, i) => (i * 31) % 256);
    const { data, isBinary } = await parse(binaryFrame(payload));
    expect(isBinary).toBe(true);
    expect(Buffer.compare(data, Buffer.from(payload))).toBe(0);
  });

  it("uses the shortest length encoding", () => {
    expect(binaryFrame(new Uint8Array(125)).length).toBe(127);
    expect(binaryFrame(new Uint8Array(126)).length).toBe(130);
    expect(binaryFrame(new Uint8Array(65_536)).length).toBe(65_546);
  });
});
