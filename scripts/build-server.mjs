// Bundles the Express server (server/index.ts and the app/db/scripts code it imports) into one
// ES module, build/server.mjs, so `npm start` and the tests start it with plain Node instead of
// transpiling ~200 TypeScript files through tsx's loader on every start (7–10 s → about 1 s on
// this machine; record 0030). npm packages stay imports (resolved from node_modules at run time).
// Runs after `remix vite:build`, which empties build/.
import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");

await build({
  absWorkingDir: root,
  entryPoints: ["server/index.ts"],
  outfile: "build/server.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: "linked",
  logLevel: "warning",
});
// The checkpoint worker (and what it imports) is started by URL next to the module that starts it
// (server/db/checkpointer.ts), so it travels beside the bundle as plain files.
for (const file of ["checkpoint-worker.mjs", "wal-index.mjs"]) {
  fs.copyFileSync(path.join(root, "server/db", file), path.join(root, "build", file));
}
