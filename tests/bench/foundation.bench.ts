import { Client } from "../support/http";
import { startServer } from "../support/server";
import { round, summarise, type Timing } from "./stats";

/**
 * Server time of the signed-in pages and /api/v1/me next to /healthz (one
 * SELECT 1, no session, no Remix) measured in the same run, so the ratio says
 * what sessions + permissions + rendering cost on this machine.
 */
export async function runFoundationBench(options: { iterations: number }) {
  const server = await startServer({ env: { LOG_LEVEL: "warn" } });
  try {
    const client = new Client(server.url);
    await client.login("programmaleider@demo.nl");
    const targets: [string, string, boolean][] = [
      ["GET /healthz (reference)", "/healthz", false],
      ["GET /login", "/login", false],
      ["GET /api/v1/me", "/api/v1/me", true],
      ["GET / (dashboard)", "/", true],
      ["GET /organisaties (150 people)", "/organisaties", true],
    ];
    const timings: Timing[] = [];
    for (const [name, path, withSession] of targets) {
      const durations: number[] = [];
      for (let i = 0; i < options.iterations + 20; i++) {
        const start = performance.now();
        const response = withSession ? await client.get(path) : await fetch(`${server.url}${path}`);
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
        if (i >= 20) durations.push(performance.now() - start); // first 20 warm up
      }
      timings.push(summarise(name, durations));
    }
    const reference = timings[0]!;
    return timings.map((t) => ({ ...t, ratioToReference: round(t.medianMs / reference.medianMs) }));
  } finally {
    await server.stop();
  }
}
