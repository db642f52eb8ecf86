// Where the browser tests find Chromium. Shared by scripts/ensure-chromium.mjs
// (the pretest step) and playwright.config.ts, so both always agree.
// Plain Node without dependencies: it runs before anything is installed or built.
import fs from "node:fs";
import path from "node:path";

/** Debian's package first (what .ci/run installs), then the usual names on PATH. */
export const DEFAULT_CANDIDATES = ["/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"];

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** A bare name is looked up in PATH; anything with a slash is taken as a path. */
export function resolveExecutable(nameOrPath, envPath = process.env.PATH ?? "") {
  if (nameOrPath.includes("/")) return isExecutable(nameOrPath) ? path.resolve(nameOrPath) : undefined;
  for (const dir of envPath.split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, nameOrPath);
    if (isExecutable(file)) return file;
  }
  return undefined;
}

/**
 * The Chromium to use, or undefined. `CHROMIUM_PATH` wins when it points at an
 * executable; `CHROMIUM_CANDIDATES` (PATH-separated) replaces the default list,
 * which lets tests hide the system browser.
 */
export function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) {
    const explicit = resolveExecutable(env.CHROMIUM_PATH, env.PATH);
    if (explicit) return explicit;
  }
  const candidates = env.CHROMIUM_CANDIDATES ? env.CHROMIUM_CANDIDATES.split(path.delimiter) : DEFAULT_CANDIDATES;
  for (const candidate of candidates) {
    const found = candidate && resolveExecutable(candidate, env.PATH);
    if (found) return found;
  }
  return undefined;
}
