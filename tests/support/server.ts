import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * What `npm start` runs: the bundle `npm run build` makes (scripts/build-server.mjs), so tests
 * exercise the same artefact and start in about a second instead of transpiling through tsx.
 * tests/support/global-setup.ts rebuilds it before every vitest run.
 */
const SERVER_ENTRY = ["--enable-source-maps", "build/server.mjs"];

export type RunningServer = {
  url: string;
  databasePath: string;
  dataDir: string;
  process: ChildProcess;
  /** Everything the server printed so far (JSON log lines). */
  logs: () => string;
  /** SIGTERM and wait for the exit code. */
  stop: () => Promise<number | null>;
};

/**
 * Starts the real production server (build/server.mjs, the bundled server/index.ts, on the Remix build) on an
 * ephemeral port with its own fresh SQLite file, and resolves once it listens.
 */
export async function startServer(
  options: { env?: Record<string, string>; databasePath?: string; startTimeoutMs?: number } = {},
): Promise<RunningServer> {
  const dataDir = options.databasePath
    ? path.dirname(options.databasePath)
    : fs.mkdtempSync(path.join(os.tmpdir(), "so-test-"));
  const databasePath = options.databasePath ?? path.join(dataDir, "test.db");
  // SERVER_CPU_PROF_DIR=/tmp/prof writes a V8 CPU profile of the server on exit
  // (for benchmarks; NODE_OPTIONS may not carry --cpu-prof).
  const profile = process.env.SERVER_CPU_PROF_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.SERVER_CPU_PROF_DIR}`] : [];
  // SERVER_NODE_ARGS="--trace-gc" passes V8 flags that NODE_OPTIONS refuses.
  profile.push(...(process.env.SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean));
  const child = spawn(process.execPath, [...profile, ...SERVER_ENTRY], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_PATH: databasePath,
      LOG_LEVEL: "info",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${output}`)), options.startTimeoutMs ?? 45_000);
    const onData = () => {
      const match = /draait op (http:\/\/localhost:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off("data", onData);
        resolve(match[1]!.replace("localhost", "127.0.0.1"));
      }
    };
    child.stdout!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });

  return {
    url,
    databasePath,
    dataDir,
    process: child,
    logs: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once("exit", (code) => resolve(code));
        child.kill("SIGTERM");
      }),
  };
}

/** Runs the server entry expecting it to exit (e.g. on bad configuration). */
export function runServerToExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, SERVER_ENTRY, {
      cwd: root,
      env: { ...process.env, NODE_ENV: "production", PORT: "0", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
