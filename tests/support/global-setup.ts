import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/**
 * Integration tests run the production server (build/server.mjs), which serves the Remix build.
 * `npm test` builds first; when vitest runs on its own and there is no build
 * yet, build once here so the tests never run against a missing bundle.
 */
export default function setup() {
  const root = path.resolve(import.meta.dirname, "../..");
  if (!fs.existsSync(path.join(root, "build/server/index.js"))) {
    // Without VITEST in the environment: vite.config.ts leaves the Remix plugin out under vitest.
    const env = { ...process.env };
    delete env.VITEST;
    execSync("npx remix vite:build", { cwd: root, stdio: "inherit", env });
  }
  // The server bundle takes about a second: always rebuild it, so a test never starts yesterday's server code.
  execSync("node scripts/build-server.mjs", { cwd: root, stdio: "inherit" });
}
