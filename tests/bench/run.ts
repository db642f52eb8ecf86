import fs from "node:fs";
import path from "node:path";
import { runBackupBench } from "./backup.bench";
import { runErasureBench } from "./erasure.bench";
import { runFoundationBench } from "./foundation.bench";
import { runImportBench } from "./import.bench";
import { runCollabBench } from "./collab.bench";
import { runMailBench } from "./mail.bench";
import { runMatchingBench } from "./matching.bench";
import { runPlanPageBench } from "./plan-page.bench";
import { runQuestionsBench } from "./questions.bench";
import { printTable } from "./stats";

/**
 * `npm run bench`: runs every benchmark, prints a table per benchmark and
 * writes bench-results/<name>.json. Figures are compared with a reference
 * measured in the same run; absolute times on a shared machine mean little.
 * `BENCH_ITERATIONS` overrides the sample count.
 */
const iterations = Number(process.env.BENCH_ITERATIONS ?? 300);
const outDir = path.resolve("bench-results");
fs.mkdirSync(outDir, { recursive: true });

const benches: Record<string, () => Promise<Record<string, string | number>[]>> = {
  foundation: () => runFoundationBench({ iterations }),
  questions: () => runQuestionsBench({ iterations: Math.min(iterations, 200) }),
  matching: () => runMatchingBench(),
  collab: () => runCollabBench(),
  import: () => runImportBench({ iterations: Math.min(iterations, 20) }),
  backup: () => runBackupBench(),
  erasure: () => runErasureBench(),
  // Byte rows: medianMs = first-load kB gzipped, minMs = script files, maxMs = kB loaded after (the editor).
  "plan-page": () => runPlanPageBench({ rounds: Number(process.env.BENCH_ROUNDS ?? 7) }),
  mail: () => runMailBench(),
};

const only = process.argv.slice(2);
for (const [name, run] of Object.entries(benches)) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.log(`\n## ${name}`);
  const rows = await run();
  printTable(rows);
  const file = path.join(outDir, `${name}.json`);
  fs.writeFileSync(
    file,
    JSON.stringify({ bench: name, at: new Date().toISOString(), node: process.version, iterations, rows }, null, 2),
  );
  console.log(`→ ${path.relative(process.cwd(), file)}`);
}
