// `pretest`: make sure the browser tests have a Chromium before typecheck, lint
// and build spend minutes. Finds it (scripts/find-chromium.mjs); when there is
// none, installs Debian's `chromium` as root on Debian/Ubuntu, otherwise stops
// at once with the command to run. Never downloads a browser.
//
// Test seams (scripts/ensure-chromium.test.ts): ENSURE_CHROMIUM_UID pretends a
// user id, ENSURE_CHROMIUM_APT_LISTS replaces /var/lib/apt/lists.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { findChromium, resolveExecutable } from "./find-chromium.mjs";

const env = process.env;
const INSTALL = "apt-get install -y chromium";
const DEBIAN_CHROMIUM = "/usr/bin/chromium";

function isDebianLike() {
  if (fs.existsSync("/etc/debian_version")) return true;
  try {
    return /^ID(_LIKE)?=.*\b(debian|ubuntu)\b/m.test(fs.readFileSync("/etc/os-release", "utf8"));
  } catch {
    return false;
  }
}

function userId() {
  if (env.ENSURE_CHROMIUM_UID) return Number(env.ENSURE_CHROMIUM_UID);
  return typeof process.getuid === "function" ? process.getuid() : -1;
}

/** apt-get install fails with "Unable to locate package" until `apt-get update` has run once. */
function aptListsEmpty() {
  const dir = env.ENSURE_CHROMIUM_APT_LISTS ?? "/var/lib/apt/lists";
  try {
    return !fs.readdirSync(dir).some((name) => /_Packages(\.\w+)?$/.test(name));
  } catch {
    return true;
  }
}

function run(aptGet, args) {
  const result = spawnSync(aptGet, args, { stdio: "inherit", env: { ...env, DEBIAN_FRONTEND: "noninteractive" } });
  return result.status ?? 1;
}

function install(aptGet, note) {
  const update = aptListsEmpty();
  const command = `${update ? "apt-get update && " : ""}DEBIAN_FRONTEND=noninteractive ${INSTALL}`;
  console.log(`Chromium ontbreekt voor de browsertests${note}; ik installeer Debians chromium met apt-get (${command}).`);
  if (update && run(aptGet, ["update"]) !== 0) return fail("apt-get update is mislukt; zie de uitvoer hierboven.");
  if (run(aptGet, ["install", "-y", "chromium"]) !== 0) return fail(`${INSTALL} is mislukt; zie de uitvoer hierboven.`);
  // Debian's package puts it at /usr/bin/chromium, which playwright.config.ts falls back to.
  const found = findChromium(env) ?? resolveExecutable(DEBIAN_CHROMIUM);
  if (!found) return fail(`${INSTALL} is gelukt, maar ${DEBIAN_CHROMIUM} bestaat nog steeds niet.`);
  console.log(`Chromium klaar voor de browsertests: ${found}`);
  return 0;
}

function fail(line) {
  console.error(line);
  return 1;
}

function main() {
  // A CHROMIUM_PATH that points at nothing is named on the one line we print.
  const badPath = env.CHROMIUM_PATH && !resolveExecutable(env.CHROMIUM_PATH, env.PATH);
  const note = badPath ? ` (CHROMIUM_PATH=${env.CHROMIUM_PATH} is geen uitvoerbaar bestand)` : "";
  const found = findChromium(env);
  if (found) {
    console.log(`Chromium voor de browsertests: ${found}${note}`);
    return 0;
  }
  const aptGet = isDebianLike() ? resolveExecutable("apt-get", env.PATH) : undefined;
  if (aptGet && userId() === 0) return install(aptGet, note);
  if (aptGet) {
    const sudo = aptListsEmpty() ? `sudo apt-get update && sudo ${INSTALL}` : `sudo ${INSTALL}`;
    return fail(`Chromium ontbreekt voor de browsertests${note}. Installeer het met: ${sudo}`);
  }
  return fail(
    `Chromium ontbreekt voor de browsertests${note}. Installeer Chromium of Google Chrome en start dan: CHROMIUM_PATH=/pad/naar/chromium npm test`,
  );
}

process.exit(main());
