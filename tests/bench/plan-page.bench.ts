import zlib from "node:zlib";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { findChromium } from "../../scripts/find-chromium.mjs";
import { Client } from "../support/http";
import { startServer, type RunningServer } from "../support/server";
import { round } from "./stats";

/**
 * The plan page's weight and speed (issue 24), in Debian's Chromium:
 * - first-load JavaScript: gzipped bytes of the scripts a cold browser loads
 *   before the page's `load` event (the editor chunk comes after, counted apart);
 * - time to editable: two people open the plan at once; the time until both
 *   have the editor of the first section ("Aanleiding") contenteditable, which
 *   the page allows only once the document has synced with the server (or was
 *   read from this device's copy; each round's browser profile is new, so here
 *   always the server).
 *
 * What the clock covers (record 0029). Each person gets a fresh browser profile
 * (empty HTTP cache, cookies of a signed-in session, no IndexedDB copy) that
 * first shows the home page, untimed: that is the browser and renderer start,
 * which a person opening a link in a running browser does not wait for (it was
 * ~1–2 s of the old figure on this loaded machine). Then the measured page is
 * opened by a document navigation, and the time runs from that navigation's
 * start (the page's `performance.timeOrigin`) until the condition held in the
 * page (a MutationObserver notes the moment). So it includes the server's
 * answer, every script of the page and of the editor (their first download:
 * only the root chunks the home page shares are cached), hydration, the
 * websocket handshake and the Yjs sync. The reference is `/plannen` (a light
 * page of the same app) opened the same way in the same round; its spread is
 * the noise floor. "cold browser" rows keep the old outside clock (from the
 * `goto` call in a brand-new profile, renderer start included) for comparison.
 * `BENCH_BASE_URL` measures an already running server instead (e.g. an older build).
 *
 * Two people are two browsers (record 0031): each person's profile runs in
 * its own Chromium, as on two laptops. Two tabs of one Chromium share its
 * browser and compositor threads, which serialised much of the work and added
 * about a second on this machine; `BENCH_SHARED_BROWSER=1` measures that way.
 */
/**
 * Where the slowest person's open spent its time, ms since the navigation
 * started: the HTML fully received, the app hydrated, the connection and the
 * editor code evaluated, the document ready (synced, or read from this
 * device). The page sets these as User Timing marks.
 */
const PHASES = ["html", "app:hydrated", "plan:connection-code", "plan:editor-code", "plan:ready"] as const;
type Phases = Partial<Record<(typeof PHASES)[number], number>>;
type Opened = { at: number; phases: Phases };
type Sample = { both: number; first: number; phases: Phases };

async function signedInState(baseUrl: string, email: string) {
  const client = new Client(baseUrl);
  await client.login(email, "samen-onderzoeken");
  const url = new URL(baseUrl);
  const cookie = client.cookieHeader();
  const cookies = cookie.split("; ").map((pair) => {
    const [name, ...rest] = pair.split("=");
    return { name: name!, value: rest.join("="), domain: url.hostname, path: "/", expires: -1, httpOnly: true, secure: false, sameSite: "Lax" as const };
  });
  return { cookies, origins: [] };
}

async function planId(baseUrl: string, state: Awaited<ReturnType<typeof signedInState>>): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/plans`, { headers: { cookie: state.cookies.map((c) => `${c.name}=${c.value}`).join("; ") } });
  const body = (await response.json()) as { plans: { id: string; title: string }[] };
  const plan = body.plans.find((p) => p.title.includes("leesmotivatie")) ?? body.plans[0];
  if (!plan) throw new Error("geen plan om te meten");
  return plan.id;
}

/** Notes in the page when `condition` (a JS expression) first holds (ms since the navigation started). */
function readyMarker(condition: string) {
  return `(() => {
    const check = () => {
      if (window.__benchReadyAt === undefined && (${condition})) window.__benchReadyAt = performance.now();
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
    document.addEventListener("DOMContentLoaded", check);
  })();`;
}

type Ready = { condition: string; wait: (page: Page) => Promise<unknown> };

/** Opens `path` in a fresh profile after the home page (untimed); ms from the navigation's start until `ready` held in the page. */
async function open(browser: Browser, state: Awaited<ReturnType<typeof signedInState>>, baseUrl: string, path: string, ready: Ready): Promise<Opened> {
  const context: BrowserContext = await browser.newContext({ baseURL: baseUrl, storageState: state });
  try {
    const page = await context.newPage();
    await page.goto("/", { waitUntil: "load" });
    await page.addInitScript({ content: readyMarker(ready.condition) });
    await page.goto(path, { waitUntil: "commit" });
    await ready.wait(page);
    return await page.evaluate((names) => {
      const phases: Record<string, number> = {};
      const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
      if (navigation) phases.html = navigation.responseEnd;
      for (const name of names) {
        const mark = performance.getEntriesByName(name, "mark")[0];
        if (mark) phases[name] = mark.startTime;
      }
      return { at: (window as unknown as { __benchReadyAt?: number }).__benchReadyAt ?? performance.now(), phases };
    }, [...PHASES]);
  } finally {
    await context.close();
  }
}

/** The old clock: from the `goto` call in a brand-new profile (browser renderer start included). */
async function openCold(browser: Browser, state: Awaited<ReturnType<typeof signedInState>>, baseUrl: string, path: string, ready: Ready): Promise<Opened> {
  const context: BrowserContext = await browser.newContext({ baseURL: baseUrl, storageState: state });
  try {
    const page = await context.newPage();
    const start = performance.now();
    await page.goto(path, { waitUntil: "commit" });
    await ready.wait(page);
    return { at: performance.now() - start, phases: {} };
  } finally {
    await context.close();
  }
}

async function pair(
  browser: Browser | Browser[],
  states: Awaited<ReturnType<typeof signedInState>>[],
  baseUrl: string,
  path: string,
  ready: Ready,
  how: typeof open = open,
): Promise<Sample> {
  const browsers = Array.isArray(browser) ? browser : [browser];
  const opened = await Promise.all(states.map((s, i) => how(browsers[i % browsers.length]!, s, baseUrl, path, ready)));
  const slowest = opened.reduce((a, b) => (b.at > a.at ? b : a));
  const times = opened.map((o) => o.at);
  return { both: Math.max(...times), first: Math.min(...times), phases: slowest.phases };
}

/** Gzipped bytes of the JavaScript loaded before `load`, and of what came after (the lazy editor). */
async function scriptBytes(browser: Browser, state: Awaited<ReturnType<typeof signedInState>>, baseUrl: string, path: string, ready: Ready) {
  const context = await browser.newContext({ baseURL: baseUrl, storageState: state });
  const page = await context.newPage();
  let loaded = false;
  const pending: Promise<void>[] = [];
  const sizes = { firstLoad: 0, later: 0, files: 0 };
  page.on("load", () => (loaded = true));
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    const beforeLoad = !loaded;
    pending.push(
      response.body().then(
        (body) => {
          const gz = zlib.gzipSync(body).length;
          if (beforeLoad) {
            sizes.firstLoad += gz;
            sizes.files++;
          } else sizes.later += gz;
        },
        () => undefined,
      ),
    );
  });
  await page.goto(path, { waitUntil: "load" });
  await ready.wait(page);
  await Promise.all(pending);
  await context.close();
  return sizes;
}

const EDITABLE = '[contenteditable="true"][aria-label="Tekst van Aanleiding"]';
const editable: Ready = { condition: `document.querySelector(${JSON.stringify(EDITABLE)})`, wait: (page) => page.locator(EDITABLE).waitFor({ timeout: 30_000 }) };
// The server-rendered text (the seeded plan names its school).
const textShown: Ready = {
  condition: `(document.querySelector("main")?.textContent ?? "").includes("Basisschool De Regenboog")`,
  wait: (page) => page.getByText("Basisschool De Regenboog", { exact: false }).first().waitFor({ timeout: 30_000 }),
};
// The light page's script has run (root sets data-hydrated): the floor under "editable".
const listInteractive: Ready = {
  condition: `document.documentElement.dataset.hydrated === "true"`,
  wait: (page) => page.locator("html[data-hydrated=true]").waitFor({ state: "attached", timeout: 30_000 }),
};
const listShown: Ready = { condition: `document.querySelector("h1")`, wait: (page) => page.locator("h1").first().waitFor({ timeout: 30_000 }) };

export async function runPlanPageBench(options: { rounds?: number } = {}): Promise<Record<string, string | number>[]> {
  const rounds = Math.max(5, options.rounds ?? 7);
  let server: RunningServer | null = null;
  const baseUrl = process.env.BENCH_BASE_URL ?? (server = await startServer({ env: { LOG_LEVEL: "warn" } })).url;
  const launch = () =>
    chromium.launch({
      executablePath: findChromium() ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-quic"],
    });
  const browser = await launch();
  const people = process.env.BENCH_SHARED_BROWSER ? browser : [browser, await launch()];
  try {
    const states = [await signedInState(baseUrl, "student@demo.nl"), await signedInState(baseUrl, "student2@demo.nl")];
    const id = await planId(baseUrl, states[0]!);
    const planPath = `/plannen/${id}`;
    // Warm the server (route modules, plan loaded in the collab room) once; each round is a cold browser.
    await pair(people, states, baseUrl, planPath, editable);
    const reference: number[] = [];
    const referenceInteractive: number[] = [];
    const text: number[] = [];
    const edit: number[] = [];
    const editFirst: number[] = [];
    const editPhases: Phases[] = [];
    const coldReference: number[] = [];
    const coldEdit: number[] = [];
    for (let r = 0; r < rounds; r++) {
      reference.push((await pair(people, states, baseUrl, "/plannen", listShown)).both);
      referenceInteractive.push((await pair(people, states, baseUrl, "/plannen", listInteractive)).both);
      text.push((await pair(people, states, baseUrl, planPath, textShown)).both);
      const e = await pair(people, states, baseUrl, planPath, editable);
      edit.push(e.both);
      editPhases.push(e.phases);
      editFirst.push(e.first);
      coldReference.push((await pair(people, states, baseUrl, "/plannen", listShown, openCold)).both);
      coldEdit.push((await pair(people, states, baseUrl, planPath, editable, openCold)).both);
    }
    const bytes = await scriptBytes(browser, states[0]!, baseUrl, planPath, editable);
    const refBytes = await scriptBytes(browser, states[0]!, baseUrl, "/plannen", listShown);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
    const refMedian = median(reference);
    const row = (name: string, xs: number[]) => ({
      name,
      rounds: xs.length,
      medianMs: round(median(xs), 0),
      minMs: round(Math.min(...xs), 0),
      maxMs: round(Math.max(...xs), 0),
      ratioToReference: round(median(xs) / refMedian, 2),
      noiseFloorMs: round(spread(reference), 0),
    });
    return [
      row("reference: /plannen, two people at once", reference),
      row("/plannen interactive (script ran), two at once", referenceInteractive),
      row("/plannen/:id text shown, two at once", text),
      row("/plannen/:id editable, two at once (slowest)", edit),
      row("/plannen/:id editable, two at once (fastest)", editFirst),
      // The slowest person's open of each round, phase by phase (median per phase): where the time goes.
      ...PHASES.map((phase) => {
        const xs = editPhases.flatMap((p) => (p[phase] === undefined ? [] : [p[phase]!]));
        return xs.length ? row(`  of which: ${phase} at`, xs) : { name: `  of which: ${phase} at`, rounds: 0, medianMs: "-", minMs: "-", maxMs: "-", ratioToReference: "-", noiseFloorMs: "-" };
      }),
      { ...row("cold browser, old clock: /plannen", coldReference), ratioToReference: 1, noiseFloorMs: round(spread(coldReference), 0) },
      {
        ...row("cold browser, old clock: /plannen/:id editable", coldEdit),
        ratioToReference: round(median(coldEdit) / median(coldReference), 2),
        noiseFloorMs: round(spread(coldReference), 0),
      },
      { name: "first-load JS gzipped kB (/plannen/:id)", rounds: 1, medianMs: round(bytes.firstLoad / 1024, 1), minMs: bytes.files, maxMs: round(bytes.later / 1024, 1), ratioToReference: round(bytes.firstLoad / refBytes.firstLoad, 2), noiseFloorMs: 0 },
      { name: "first-load JS gzipped kB (reference /plannen)", rounds: 1, medianMs: round(refBytes.firstLoad / 1024, 1), minMs: refBytes.files, maxMs: round(refBytes.later / 1024, 1), ratioToReference: 1, noiseFloorMs: 0 },
    ];
  } finally {
    await browser.close();
    if (Array.isArray(people)) await people[1]!.close();
    await server?.stop();
  }
}
