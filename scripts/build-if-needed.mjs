// `npm start` builds only when the sources changed since the last build it made,
// so a second start takes seconds. `npm run build` stays the plain build (and
// `npm test`, `npm run test:e2e` and `npm run bench` always run it).
//
// The stamp (build/.inputs.json) holds the input hashes taken *before* a build
// that succeeded; Remix empties build/ at the start of every build, so a build
// made any other way leaves no stamp and the next start rebuilds.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { changedFiles, describeFiles, hashInputs } from "./build-inputs.mjs";

const root = path.resolve(import.meta.dirname, "..");
const stampFile = path.join(root, "build/.inputs.json");
const outputs = ["build/server/index.js", "build/client", "build/server.mjs"];

function reasonToBuild(current) {
  if (!outputs.every((file) => fs.existsSync(path.join(root, file)))) return "er is nog geen build";
  let previous;
  try {
    previous = JSON.parse(fs.readFileSync(stampFile, "utf8")).files;
  } catch {
    return "build/ is niet door npm start gemaakt (geen stempel), dus niet te controleren";
  }
  const changed = changedFiles(previous, current);
  return changed.length ? `gewijzigd sinds de vorige build: ${describeFiles(changed)}` : undefined;
}

/** `npm run build` through the npm that runs us, so the build command has one definition. */
function runBuild() {
  const npm = process.env.npm_execpath;
  const [command, args] = npm ? [process.execPath, [npm, "run", "build"]] : ["npm", ["run", "build"]];
  return spawnSync(command, args, { cwd: root, stdio: "inherit" }).status ?? 1;
}

function main() {
  const current = hashInputs(root);
  const reason = reasonToBuild(current);
  if (!reason) {
    console.log("Build is actueel (niets gewijzigd sinds de vorige build); bouwen overgeslagen.");
    return 0;
  }
  console.log(`Bouwen: ${reason}. Dat duurt een minuut of twee…`);
  const started = Date.now();
  const status = runBuild();
  const seconds = Math.round((Date.now() - started) / 1000);
  if (status !== 0) {
    console.error(`Bouwen mislukt na ${seconds} s (exitcode ${status}); zie de uitvoer hierboven.`);
    return status;
  }
  fs.writeFileSync(stampFile, JSON.stringify({ builtAt: new Date().toISOString(), files: current }));
  console.log(`Build klaar in ${seconds} s.`);
  return 0;
}

process.exit(main());
