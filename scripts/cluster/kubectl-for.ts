// Which kubectl talks to a cluster: the one built for its Kubernetes version, where this machine has it.
// kubectl's wording changes between releases, and kubectl supports one minor of skew either side; a kubectl of
// the cluster's own version is what a reader of that cluster would have.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { binDir, cacheRoot } from "./paths.ts";

/** `v1.37.2` (or `v1.37.2-gke.100`) → the cached kubectl of exactly that release, else of the same minor. */
export function builtKubectl(serverVersion: string, root = cacheRoot): string | undefined {
  const m = /^v(\d+)\.(\d+)\.(\d+)/.exec(serverVersion);
  if (!m) return undefined;
  const exact = join(binDir(`kubernetes-v${m[1]}.${m[2]}.${m[3]}`), "kubectl").replace(cacheRoot, root);
  if (existsSync(exact)) return exact;
  const bins = join(root, "bin");
  if (!existsSync(bins)) return undefined;
  const sameMinor = readdirSync(bins)
    .filter((d) => d.startsWith(`kubernetes-v${m[1]}.${m[2]}.`) && existsSync(join(bins, d, "kubectl")))
    .sort((a, b) => b.localeCompare(a, "en", { numeric: true }));
  return sameMinor[0] ? join(bins, sameMinor[0], "kubectl") : undefined;
}
