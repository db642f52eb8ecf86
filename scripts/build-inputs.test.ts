import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { changedFiles, describeFiles, hashInputs } from "./build-inputs.mjs";

function write(root: string, file: string, text: string) {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
}

describe("build inputs (npm start skips an up-to-date build)", () => {
  it("sees a changed, added or removed source but not a test file or a touched mtime", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "so-inputs-"));
    write(root, "app/root.tsx", "a");
    write(root, "app/routes/_index.tsx", "b");
    write(root, "db/schema.ts", "c");
    write(root, "package-lock.json", "{}");
    const before = hashInputs(root);
    expect(Object.keys(before)).toEqual(["app/root.tsx", "app/routes/_index.tsx", "db/schema.ts", "package-lock.json"]);

    write(root, "app/domain/x.test.ts", "test");
    fs.utimesSync(path.join(root, "app/root.tsx"), new Date(), new Date(Date.now() + 60_000));
    expect(changedFiles(before, hashInputs(root))).toEqual([]);

    write(root, "app/root.tsx", "a2");
    write(root, "public/favicon.svg", "<svg/>");
    fs.rmSync(path.join(root, "db/schema.ts"));
    const changed = changedFiles(before, hashInputs(root));
    expect(changed).toEqual(["app/root.tsx", "db/schema.ts", "public/favicon.svg"]);
    expect(describeFiles(changed)).toBe("app/root.tsx, db/schema.ts en 1 ander bestand");
    expect(describeFiles(changed.slice(0, 1))).toBe("app/root.tsx");
  });
});
