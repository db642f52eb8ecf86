import { defineConfig } from "@playwright/test";
import { findChromium } from "./scripts/find-chromium.mjs";

/**
 * Browser tests drive Debian's Chromium (never a downloaded browser) against
 * the production build, started by tests/e2e/global-setup.ts on an ephemeral
 * port with a fresh SQLite file. The browser is found the same way the pretest
 * step (scripts/ensure-chromium.mjs) found or installed it.
 */
export default defineConfig({
  testDir: "tests/e2e",
  globalSetup: "./tests/e2e/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [["list"]],
  use: {
    browserName: "chromium",
    headless: true,
    // Recording a trace of every test cost about an eighth of the suite's time on
    // this 2-core machine; to debug a failure, run it again with `--trace on`.
    trace: "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: findChromium() ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-quic",
      ],
    },
  },
});
