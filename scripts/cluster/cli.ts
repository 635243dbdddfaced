// npm run cluster:up | cluster:down | cluster:status [-- --provider local|kind|existing] [--workers N (kind)]
import { parseArgs } from "node:util";
import { chooseProvider } from "./choose-provider.ts";
import { ClusterError } from "./log.ts";
import { getProvider } from "./providers.ts";

const usage = "usage: cli.ts up|down|status [--provider local|kind|existing] [--workers N]";

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { provider: { type: "string" }, workers: { type: "string" } } });
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
  if (command === "up") {
    await provider.up({ workers });
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
