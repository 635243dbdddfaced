// After a run, nothing of the proofs may be left: no proof namespace, no object labelled as a proof's
// (proof.ts `proofLabel`: what proofs make outside their namespace), no process started by a proof's command
// (run.ts `proofEnvMarker` in its environment), no volume mount of a Pod that no longer exists.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { namespaceFor } from "./examples.ts";
import { proofLabel } from "./proof.ts";
import { proofEnvMarker } from "./run.ts";
import { shell as realShell, type Shell } from "./shell.ts";

export interface LeftoverScope {
  env: NodeJS.ProcessEnv;
  /** Every proof id: their namespaces must be gone. */
  ids: string[];
  /** The kubelet's root on this machine, when the cluster's kubelet runs here. */
  kubeletRoot?: string;
  proc?: string;
  shell?: Shell;
}

/** One line per thing left behind; empty when the cluster and this machine are clean. */
export async function findLeftovers(scope: LeftoverScope): Promise<string[]> {
  const sh = scope.shell ?? realShell;
  const run = (command: string) => sh(command, { cwd: tmpdir(), env: scope.env, timeoutMs: 120_000 });
  const found: string[] = [];

  const wanted = new Set(scope.ids.map(namespaceFor));
  const ns = await run("kubectl get namespaces -o name");
  if (ns.exitCode !== 0) throw new Error(`listing namespaces failed: ${ns.output}`);
  for (const line of ns.output.split("\n")) {
    const name = line.replace(/^namespace\//, "").trim();
    if (wanted.has(name)) found.push(`namespace ${name} (a proof's namespace) still exists`);
  }

  const kinds = await run("kubectl api-resources --verbs=list -o name");
  if (kinds.exitCode !== 0) throw new Error(`listing API resources failed: ${kinds.output}`);
  const list = kinds.output.split("\n").map((k) => k.trim()).filter((k) => k && !/^events(\.|$)/.test(k) && !k.includes("metrics.k8s.io"));
  // Errors for kinds that cannot be listed go to stderr (merged here); the objects found are `kind/name` lines.
  const labelled = await run(`kubectl get ${list.join(",")} --all-namespaces -l ${proofLabel} -o custom-columns=KIND:.kind,NAMESPACE:.metadata.namespace,NAME:.metadata.name,PROOF:.metadata.labels.k8s-proven\\.io/proof --no-headers 2>/dev/null`);
  for (const line of labelled.output.split("\n").filter((l) => l.trim() && !/^(error|Error|No resources)/.test(l))) {
    const [kind, namespace, name, proof] = line.trim().split(/\s+/);
    found.push(`${kind} ${namespace && namespace !== "<none>" ? `${namespace}/` : ""}${name} (labelled ${proofLabel}=${proof}) still exists`);
  }

  // PersistentVolumes a provisioner made for a proof's claims carry no label of ours, but name the claim's namespace.
  const pvs = await run("kubectl get persistentvolumes -o jsonpath='{range .items[*]}{.metadata.name} {.spec.claimRef.namespace}{\"\\n\"}{end}'");
  if (pvs.exitCode !== 0) throw new Error(`listing PersistentVolumes failed: ${pvs.output}`);
  for (const [name, claimNs] of pvs.output.split("\n").map((l) => l.trim().split(/\s+/))) {
    if (name && claimNs && wanted.has(claimNs)) found.push(`PersistentVolume ${name}, bound to a claim in proof namespace ${claimNs}, still exists`);
  }

  found.push(...proofProcesses(scope.proc ?? "/proc", new Set(scope.ids)));

  if (scope.kubeletRoot) {
    const uids = await run("kubectl get pods --all-namespaces -o jsonpath='{.items[*].metadata.uid}'");
    if (uids.exitCode === 0) found.push(...orphanVolumeMounts(readFileSync(`${scope.proc ?? "/proc"}/self/mountinfo`, "utf8"), scope.kubeletRoot, new Set(uids.output.split(/\s+/))));
  }
  return found;
}

/** Processes whose environment names one of these proofs: started by its commands and still running. */
export function proofProcesses(proc: string, ids: Set<string>): string[] {
  if (!existsSync(proc)) return [];
  const out: string[] = [];
  for (const pid of readdirSync(proc).filter((d) => /^\d+$/.test(d))) {
    let environ: string;
    try {
      environ = readFileSync(`${proc}/${pid}/environ`, "latin1");
    } catch {
      continue; // Gone, or not ours to read.
    }
    const marker = environ.split("\0").find((e) => e.startsWith(`${proofEnvMarker}=`));
    if (!marker || !ids.has(marker.slice(proofEnvMarker.length + 1))) continue;
    let cmdline = "";
    try {
      cmdline = readFileSync(`${proc}/${pid}/cmdline`, "latin1").split("\0").join(" ").trim();
    } catch {
      // Exited meanwhile.
    }
    out.push(`process ${pid} (${cmdline || "?"}) started by proof ${marker.slice(proofEnvMarker.length + 1)} is still running`);
  }
  return out;
}

/** Volume mounts below `<kubeletRoot>/pods/<uid>/` whose Pod is gone. */
export function orphanVolumeMounts(mountinfo: string, kubeletRoot: string, podUids: Set<string>): string[] {
  const prefix = `${kubeletRoot.replace(/\/$/, "")}/pods/`;
  const out: string[] = [];
  for (const line of mountinfo.split("\n")) {
    const mountPoint = line.split(" ")[4];
    if (!mountPoint?.startsWith(prefix)) continue;
    const uid = mountPoint.slice(prefix.length).split("/")[0] ?? "";
    if (!podUids.has(uid)) out.push(`mount ${mountPoint} of a Pod that no longer exists (uid ${uid})`);
  }
  return out;
}
