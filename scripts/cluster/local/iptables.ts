// The iptables chains this cluster creates, and only those. kube-proxy, the kubelet and the CNI plugins name
// their chains KUBE-* and CNI-*, and so do another kubelet's, another CNI runtime's (podman, nerdctl) or a test's.
// So `up` records, before it starts anything, which KUBE-* or CNI-* chains already exist (per family and table);
// `down` removes only the KUBE-* or CNI-* chains that were not there then, with the rules inside them and every rule
// (in any chain) that jumps to them. Chains of other names are never touched. The selection is pure, over
// `iptables-save` text (tests/unit/cluster-iptables.test.ts).
//
// Limits: a chain a foreign tool creates while this cluster runs counts as ours; rules our processes add to a
// chain that existed before (a foreign kube-proxy's KUBE-SERVICES) stay, unless they jump to one of ours.
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { $ } from "zx";
import { step } from "../log.ts";
import { stateRoot } from "../paths.ts";

export const families = ["iptables", "ip6tables"] as const;
export type Family = (typeof families)[number];

/** The names kube-proxy, the kubelet and the CNI plugins give their chains. */
const projectNamed = (chain: string) => chain.startsWith("KUBE-") || chain.startsWith("CNI-");

/** `table/chain` of every KUBE-* or CNI-* chain declared in an iptables-save text. */
export function namedChains(save: string): string[] {
  const found: string[] = [];
  let table = "";
  for (const line of save.split("\n")) {
    if (line.startsWith("*")) table = line.slice(1).trim();
    const decl = /^:(\S+)/.exec(line);
    if (decl && projectNamed(decl[1]!)) found.push(`${table}/${decl[1]}`);
  }
  return found;
}

/**
 * The save text without this cluster's chains: those named KUBE-* or CNI-* that are not in `before` (`table/chain`
 * as namedChains gives them), the rules in them and every rule jumping (-j/-g) to them. Without a record
 * (`before` undefined: a cluster started by a version that kept none) every KUBE-* or CNI-* chain counts as ours.
 */
export function withoutOurChains(save: string, before?: ReadonlySet<string>): string {
  let table = "";
  const ours = (chain: string) => projectNamed(chain) && !before?.has(`${table}/${chain}`);
  return save
    .split("\n")
    .filter((line) => {
      if (line.startsWith("*")) table = line.slice(1).trim();
      const chainDecl = /^:(\S+)/.exec(line);
      if (chainDecl) return !ours(chainDecl[1]!);
      if (line.startsWith("-A ")) {
        const [, chain] = line.split(" ");
        const target = /\s-[jg] (\S+)/.exec(line)?.[1];
        return !ours(chain!) && !(target && ours(target));
      }
      return true;
    })
    .join("\n");
}

/** The chains that existed before `up`, per family; a family whose tools are missing is absent. */
export type ChainRecord = Partial<Record<Family, string[]>>;

export const chainRecordPath = () => join(stateRoot, "iptables-chains-before-up.json");

async function save(family: Family): Promise<string | undefined> {
  if ((await $({ quiet: true, nothrow: true })`command -v ${`${family}-save`}`).exitCode !== 0) return undefined;
  const r = await $({ quiet: true, nothrow: true })`${`${family}-save`}`;
  return r.exitCode === 0 ? r.stdout : undefined;
}

/** Before anything of the cluster starts: which KUBE-* or CNI-* chains are someone else's. Kept if already recorded. */
export async function recordChainsBeforeUp(path = chainRecordPath()): Promise<void> {
  if (existsSync(path)) return;
  const record: ChainRecord = {};
  for (const family of families) {
    const text = await save(family);
    if (text !== undefined) record[family] = namedChains(text);
  }
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, JSON.stringify(record, null, 2));
}

export async function readChainRecord(path = chainRecordPath()): Promise<ChainRecord | undefined> {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(await readFile(path, "utf8")) as ChainRecord;
  } catch {
    return undefined;
  }
}

/**
 * Removes this cluster's chains and the rules jumping to them; other chains and rules stay as they are.
 * Returns what could not be removed (the record is then kept, so the next `down` tries again with it).
 */
export async function cleanIptables(path = chainRecordPath()): Promise<string[]> {
  const problems: string[] = [];
  const record = await readChainRecord(path);
  if (!record) step("no record of the iptables chains that existed before up: every KUBE-* and CNI-* chain is taken as this cluster's");
  for (const family of families) {
    const text = await save(family);
    if (text === undefined) continue;
    const recorded = record?.[family];
    const kept = withoutOurChains(text, record ? new Set(recorded ?? []) : undefined);
    if (kept === text) continue;
    const r = await $({ quiet: true, nothrow: true, input: kept })`${`${family}-restore`}`;
    if (r.exitCode !== 0) problems.push(`${family}-restore could not remove this cluster's ${family} chains: ${r.stderr.trim()}`);
  }
  if (!problems.length) await rm(path, { force: true });
  return problems;
}
