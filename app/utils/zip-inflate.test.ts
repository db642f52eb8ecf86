import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { checkInflatedSize } from "./zip-inflate.server";

/** A minimal zip; `declared` is what the headers claim the unpacked size is. */
function zip(entries: { name: string; content: Buffer; declared?: number; method?: 0 | 8 }[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const method = entry.method ?? 8;
    const data = method === 8 ? deflateRawSync(entry.content) : entry.content;
    const name = Buffer.from(entry.name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(method, 8);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(entry.declared ?? entry.content.length, 22);
    header.writeUInt16LE(name.length, 26);
    local.push(header, name, data);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(method, 10);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(entry.declared ?? entry.content.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += 30 + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directory, end]);
}

describe("checkInflatedSize", () => {
  it("counts what really comes out, not what the zip declares", async () => {
    const lying = zip([{ name: "a.xml", content: Buffer.alloc(2_000_000, 0x20), declared: 10 }]);
    expect(await checkInflatedSize(lying, 1_000_000)).toBe("tooLarge");
    expect(await checkInflatedSize(lying, 3_000_000)).toBe("ok");
  });

  it("adds entries up, stored ones too", async () => {
    const two = zip([
      { name: "a.xml", content: Buffer.alloc(600, 0x41) },
      { name: "b.xml", content: Buffer.alloc(600, 0x42), method: 0 },
    ]);
    expect(await checkInflatedSize(two, 1_000)).toBe("tooLarge");
    expect(await checkInflatedSize(two, 1_200)).toBe("ok");
  });

  it("calls broken data invalid", async () => {
    const broken = zip([{ name: "a.xml", content: Buffer.from("hallo") }]);
    broken.writeUInt32LE(0xdeadbeef, 0);
    expect(await checkInflatedSize(broken, 1_000)).toBe("invalid");
    expect(await checkInflatedSize(Buffer.from("geen zip"), 1_000)).toBe("invalid");
  });
});
