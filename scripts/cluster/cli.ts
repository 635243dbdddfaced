// npm run cluster:up | cluster:down | cluster:status [-- --provider local|kind|existing] [--workers N (kind)] [--retain (up)]
import { parseArgs } from "node:util";
import { chooseProvider } from "./choose-provider.ts";
import { ClusterError } from "./log.ts";
import { getProvider } from "./providers.ts";
import { upWithRollback } from "./rollback.ts";

const usage = "usage: cli.ts up|down|status [--provider local|kind|existing] [--workers N] [--retain]";

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { provider: { type: "string" }, workers: { type: "string" }, retain: { type: "boolean" } } });
  const [command, ...rest] = positionals;
  if (!command || rest.length || !["up", "down", "status"].includes(command)) {
    console.error(usage);
    return 2;
  }
  const name = await chooseProvider(values.provider);
  const provider = getProvider(name);
  let workers: number | undefined;
  if (values.workers !== undefined) {
    workers = Number(values.workers);
    if (!Number.isInteger(workers) || workers < 0 || workers > 5) throw new ClusterError(`--workers ${values.workers}: give a whole number from 0 to 5`);
    if (name !== "kind" || command !== "up") throw new ClusterError(`--workers applies to up with the kind provider, not ${command} with ${name}`);
  }
  if (values.retain && command !== "up") throw new ClusterError(`--retain applies to up, not ${command}`);
  if (command === "up") {
    // A failed up removes what it started (processes, mounts, links, iptables rules; kind's nodes, the Docker
    // engine it started) unless --retain, which keeps it for a look and says how to remove it.
    const retain = values.retain ?? false;
    await upWithRollback((ledger) => provider.up({ workers, retain, ledger }), {
      retain,
      downCommand: `npm run cluster:down -- --provider ${name}`,
    });
    console.log(provider.hint());
    return 0;
  }
  if (command === "down") {
    await provider.down();
    return 0;
  }
  return (await provider.status()) ? 0 : 1;
}

try {
  process.exitCode = await main();
} catch (e) {
  if (e instanceof ClusterError) {
    console.error(`\nerror: ${e.message}`);
    if (e.detail) console.error(e.detail.replace(/^/gm, "  | "));
  } else {
    console.error(e instanceof Error ? `error: ${e.message}` : e);
  }
  process.exitCode = 1;
}
