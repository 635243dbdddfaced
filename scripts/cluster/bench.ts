// npm run cluster:bench [-- --cold]
// Prints figures for the local provider: warm `up` to node Ready and to all add-ons available, resident
// memory of the running cluster, and `down` time. --cold also rebuilds every component from nothing
// (an empty build cache and Go build cache in a temporary folder; takes tens of minutes on 2 cores).
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { pidsInCgroups } from "./local/cgroups.ts";
import { pidsOfCachedBinaries } from "./local/processes.ts";

const { values } = parseArgs({ options: { cold: { type: "boolean", default: false } } });
const cli = join(import.meta.dirname, "cli.ts");

function run(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ seconds: number; log: string; code: number }> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, [cli, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    let log = "";
    child.stdout.on("data", (d: Buffer) => (log += d));
    child.stderr.on("data", (d: Buffer) => {
      log += d;
      process.stderr.write(d);
    });
    child.on("close", (code) => resolve({ seconds: (Date.now() - t0) / 1000, log, code: code ?? 1 }));
  });
}

function rssMiB(pids: number[]): number {
  let kib = 0;
  for (const pid of new Set(pids)) {
    const status = `/proc/${pid}/status`;
    if (!existsSync(status)) continue;
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(status, "utf8"));
    if (m) kib += Number(m[1]);
  }
  return kib / 1024;
}

const rows: [string, string][] = [];
if (values.cold) {
  const scratch = await mkdtemp(join(tmpdir(), "k8s-proven-cold-"));
  const env = { ...process.env, K8S_PROVEN_CACHE: join(scratch, "cache"), GOCACHE: join(scratch, "gocache") };
  await run(["down", "--provider", "local"]);
  const cold = await run(["up", "--provider", "local"], env);
  rows.push(["cold build + up (empty caches)", `${cold.seconds.toFixed(0)} s${cold.code ? " (FAILED)" : ""}`]);
  await run(["down", "--provider", "local"], env);
  await rm(scratch, { recursive: true, force: true });
}

await run(["down", "--provider", "local"]);
const up = await run(["up", "--provider", "local"]);
if (up.code !== 0) {
  console.error("up failed; no figures");
  process.exit(1);
}
const ready = /Ready (\d+)s after start/.exec(up.log)?.[1];
const all = /local cluster up in (?:(\d+)m)?(\d+)s/.exec(up.log);
rows.push(["warm up → node Ready", `${ready ?? "?"} s`]);
rows.push(["warm up → add-ons available", all ? `${Number(all[1] ?? 0) * 60 + Number(all[2])} s` : "?"]);
rows.push(["warm up, whole command (incl. cache checks)", `${up.seconds.toFixed(1)} s`]);
// Let the add-ons settle before measuring memory.
await new Promise((r) => setTimeout(r, 20_000));
const hostPids = pidsOfCachedBinaries();
rows.push(["resident memory, host processes + shims", `${rssMiB(hostPids).toFixed(0)} MiB`]);
rows.push(["resident memory, incl. add-on containers", `${rssMiB([...hostPids, ...pidsInCgroups()]).toFixed(0)} MiB`]);
const down = await run(["down", "--provider", "local"]);
rows.push(["down", `${down.seconds.toFixed(1)} s`]);

console.log(`\nlocal provider on ${(await import("node:os")).cpus().length} cores`);
for (const [k, v] of rows) console.log(`${k.padEnd(46)} ${v}`);
