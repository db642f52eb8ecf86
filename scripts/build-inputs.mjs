// What the production build (`remix vite:build`) is made of, hashed per file, so
// `npm start` can tell whether build/ still matches the sources.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * The app imports db/client.ts and db/schema.ts, so db/ is an input too; build/server.mjs bundles
 * server/ and the seed in scripts/seed/ (scripts/build-server.mjs).
 */
export const INPUT_DIRS = ["app", "public", "db", "server", "scripts/seed"];
export const INPUT_FILES = ["vite.config.ts", "tsconfig.json", "package.json", "package-lock.json", "scripts/build-server.mjs"];
// Tests never reach the bundle (vite.config.ts ignores them as routes); editing one needs no rebuild.
const NOT_AN_INPUT = /\.test\.tsx?$/;

function walk(root, dir, out) {
  let entries;
  try {
    entries = fs.readdirSync(path.join(root, dir), { withFileTypes: true });
  } catch {
    return; // a missing directory simply has no inputs
  }
  for (const entry of entries) {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) walk(root, relative, out);
    else if (entry.isFile() && !NOT_AN_INPUT.test(entry.name)) out.push(relative);
  }
}

/** { "app/root.tsx": "<sha256>", … } for every input that exists. Content, not mtime: a checkout touches mtimes. */
export function hashInputs(root) {
  const files = [];
  for (const dir of INPUT_DIRS) walk(root, dir, files);
  for (const file of INPUT_FILES) if (fs.existsSync(path.join(root, file))) files.push(file);
  files.sort();
  return Object.fromEntries(
    files.map((file) => [file, crypto.createHash("sha256").update(fs.readFileSync(path.join(root, file))).digest("hex")]),
  );
}

/** Files added, removed or changed between two hashInputs() results, sorted. */
export function changedFiles(previous, current) {
  const names = new Set([...Object.keys(previous), ...Object.keys(current)]);
  return [...names].filter((name) => previous[name] !== current[name]).sort();
}

/** "app/root.tsx, db/schema.ts en 3 andere" */
export function describeFiles(files, shown = 2) {
  const head = files.slice(0, shown).join(", ");
  const rest = files.length - shown;
  return rest > 0 ? `${head} en ${rest} ${rest === 1 ? "ander bestand" : "andere bestanden"}` : head;
}
