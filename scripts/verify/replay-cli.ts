// npm run replay [-- <id|area>…]: re-checks every recorded run of the selected transcripts against the
// proofs as they read now, with no cluster (scripts/verify/replay.ts). Exits 1 on any disagreement.
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { examplesDir, listExampleIds, selectIds } from "./examples.ts";
import { loadProof } from "./load.ts";
import { replayRun } from "./replay.ts";
import { readTranscript, transcriptPath, transcriptsDir } from "./transcript.ts";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { examples: { type: "string" }, transcripts: { type: "string" } },
});
const root = values.examples ? resolve(values.examples) : examplesDir;
const dir = values.transcripts ? resolve(values.transcripts) : transcriptsDir;
let ids: string[];
try {
  ids = selectIds(listExampleIds(root), positionals);
} catch (e) {
  console.error(`error: ${(e as Error).message}`);
  process.exit(2);
}
let runs = 0;
let bad = 0;
for (const id of ids) {
  const t = await readTranscript(id, dir);
  if (!t) {
    console.log(`MISSING ${id}: no transcript at ${transcriptPath(id, dir)}`);
    bad++;
    continue;
  }
  const proof = await loadProof(id, root);
  for (const run of t.runs) {
    runs++;
    const problems = await replayRun(id, proof, run);
    const label = `${relative(process.cwd(), transcriptPath(id, dir))}, run on ${run.kubernetes} (${run.provider})`;
    if (problems.length) {
      bad++;
      console.log(`DIFFERS ${label}\n${problems.map((p) => `  ${p}`).join("\n")}`);
    } else console.log(`ok ${label}`);
  }
}
console.log(`\nreplayed ${runs} run(s) of ${ids.length} proof(s)`);
console.log(`${runs - bad} passed, ${bad} failed`);
process.exitCode = bad ? 1 : 0;
