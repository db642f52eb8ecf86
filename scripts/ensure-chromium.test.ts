import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findChromium } from "./find-chromium.mjs";

const script = path.join(import.meta.dirname, "ensure-chromium.mjs");

/** A temp dir with an executable shell script per name (stand-ins for system tools). */
function fakeBin(files: Record<string, string> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "so-chromium-"));
  for (const [name, body] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  }
  return dir;
}

/** Runs the pretest step with the system Chromium hidden: only `bin` is on PATH. */
function ensure(bin: string, env: Record<string, string> = {}) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [script], {
    encoding: "utf8",
    timeout: 10_000,
    env: {
      NODE_ENV: "test",
      PATH: bin,
      CHROMIUM_PATH: "/nonexistent/chromium",
      CHROMIUM_CANDIDATES: "chromium:chromium-browser:google-chrome",
      ...env,
    },
  });
  return { ...result, ms: Date.now() - started };
}

describe("pretest: ensure-chromium", () => {
  it("uses CHROMIUM_PATH when it points at an executable, and so does the Playwright lookup", () => {
    const bin = fakeBin({ "my-chrome": "exit 0" });
    const chrome = path.join(bin, "my-chrome");
    const run = ensure(bin, { CHROMIUM_PATH: chrome });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe(`Chromium voor de browsertests: ${chrome}`);
    expect(findChromium({ CHROMIUM_PATH: chrome, PATH: bin })).toBe(chrome);
  });

  it("finds chromium-browser on PATH when CHROMIUM_PATH points at nothing", () => {
    const bin = fakeBin({ "chromium-browser": "exit 0" });
    const run = ensure(bin);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Chromium voor de browsertests: ${path.join(bin, "chromium-browser")}`);
    expect(run.stdout).toContain("CHROMIUM_PATH=/nonexistent/chromium is geen uitvoerbaar bestand");
  });

  it("as non-root without Chromium stops at once with one line naming the command", () => {
    const bin = fakeBin({ "apt-get": "echo should-not-run >&2; exit 1" });
    const run = ensure(bin, { ENSURE_CHROMIUM_UID: "1000" });
    expect(run.status).toBe(1);
    expect(run.ms).toBeLessThan(5_000);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/Installeer het met: sudo (apt-get update && sudo )?apt-get install -y chromium$/m);
  });

  it("without apt-get it names CHROMIUM_PATH as the way out", () => {
    const run = ensure(fakeBin(), { ENSURE_CHROMIUM_UID: "1000" });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toMatch(/Installeer Chromium of Google Chrome en start dan: CHROMIUM_PATH=\/pad\/naar\/chromium npm test$/);
  });

  it("as root installs Debian's chromium with apt-get (update first when the package lists are empty), then goes on", () => {
    const log = path.join(fakeBin(), "apt-get.log");
    // The fake apt-get records its arguments; "install" puts a chromium on PATH like the real package would.
    const bin = fakeBin({
      "apt-get": `echo "$DEBIAN_FRONTEND $*" >> ${log}\n[ "$1" = install ] && printf '#!/bin/sh\\n' > "\${0%/*}/chromium" && /bin/chmod +x "\${0%/*}/chromium"\nexit 0`,
    });
    const emptyLists = fs.mkdtempSync(path.join(os.tmpdir(), "so-apt-lists-"));
    const run = ensure(bin, { ENSURE_CHROMIUM_UID: "0", ENSURE_CHROMIUM_APT_LISTS: emptyLists });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.split("\n")[0]).toContain("ik installeer Debians chromium met apt-get");
    expect(fs.readFileSync(log, "utf8")).toBe("noninteractive update\nnoninteractive install -y chromium\n");
    expect(run.stdout).toContain(`Chromium klaar voor de browsertests: ${path.join(bin, "chromium")}`);
  });

  it("as root skips apt-get update when the package lists are there, and fails clearly when apt-get fails", () => {
    const log = path.join(fakeBin(), "apt-get.log");
    const bin = fakeBin({ "apt-get": `echo "$*" >> ${log}\nexit 100` });
    const lists = fs.mkdtempSync(path.join(os.tmpdir(), "so-apt-lists-"));
    fs.writeFileSync(path.join(lists, "deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4"), "");
    const run = ensure(bin, { ENSURE_CHROMIUM_UID: "0", ENSURE_CHROMIUM_APT_LISTS: lists });
    expect(run.status).toBe(1);
    expect(fs.readFileSync(log, "utf8")).toBe("install -y chromium\n");
    expect(run.stderr.trim()).toBe("apt-get install -y chromium is mislukt; zie de uitvoer hierboven.");
  });
});
