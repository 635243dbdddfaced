// A kind cluster. Where a Docker engine runs, kind's own node image (pinned) is used; where none runs and this
// project starts one (its CI, a VM without Docker), there is no registry either, so the node image is built
// here offline (node-image/). KIND_NODE_IMAGE picks an image explicitly, or `offline` for the built one.
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { $ } from "zx";
import { kind as kindProgram, kubernetes } from "../build/components.ts";
import { ensureGoProgram } from "../build/gomodule.ts";
import { ClusterError, step, timed } from "../log.ts";
import { metricsServerManifest } from "../local/addons.ts";
import { kubectlPath } from "../local/kubectl.ts";
import { builtKubectl } from "../kubectl-for.ts";
import { hostCgroupVersion, kubeadmProxyMode, probeCapabilities } from "../capabilities.ts";
import type { Provider, UpOptions } from "../provider.ts";
import { kindConfig } from "./config.ts";
import { ensureRequirements } from "../setup/install.ts";
import { requirementsFor } from "../setup/requirements.ts";
import { dockerAnswers, engineIsOurs, engineRunDir, ensureDockerEngine, stopDockerEngine } from "./engine/engine.ts";
import { ensureNodeImage, nodeImageRepository } from "./node-image/build.ts";
import { notRunning } from "./node-state.ts";

// kind v0.33.0's own default (pkg/apis/config/defaults/image.go), pinned by digest.
export const upstreamNodeImage = "kindest/node:v1.37.0@sha256:a1ed56cfb0e7b93589bdf97c8cd566405a265939e3620fc4f5de89adff580ae5";
const clusterName = "proven";
const kubeconfigCopy = join(tmpdir(), `k8s-proven-kind-${clusterName}.kubeconfig`);

async function kindBinary(): Promise<string> {
  if ((await $({ quiet: true, nothrow: true })`command -v kind`).exitCode === 0) return "kind";
  return join(await ensureGoProgram(kindProgram), "kind");
}

/** A Docker engine answers; kind itself can always be built. */
export const kindUsable = dockerAnswers;

async function nodes(kind: string): Promise<string[] | undefined> {
  const clusters = await $({ quiet: true, nothrow: true })`${kind} get clusters`;
  if (!clusters.stdout.split("\n").includes(clusterName)) return undefined;
  return (await $({ quiet: true })`${kind} get nodes --name ${clusterName}`).stdout.split("\n").filter(Boolean);
}

/** The node containers that are not running: after the engine or the machine restarted, kind's nodes stay stopped. */
async function stoppedNodes(names: string[]): Promise<string[]> {
  const r = await $({ quiet: true, nothrow: true })`docker inspect --format ${"{{.Name}} {{.State.Running}}"} ${names}`;
  return notRunning(names, r.stdout);
}

async function deleteCluster(kind: string): Promise<void> {
  await $({ quiet: true })`${kind} delete cluster --name ${clusterName}`;
}

async function nodeImage(): Promise<{ image: string; offline: boolean }> {
  const wanted = process.env.KIND_NODE_IMAGE;
  if (wanted && wanted !== "offline") return { image: wanted, offline: wanted.startsWith(nodeImageRepository) };
  if (wanted === "offline" || engineIsOurs()) return { image: await ensureNodeImage(), offline: true };
  return { image: upstreamNodeImage, offline: false };
}

/**
 * kubectl as kind's admin: the one built for the pinned version when the cache has it (as `npm run verify` uses),
 * else the one on PATH; only a machine with neither builds it (a laptop with Docker and kubectl builds nothing).
 */
async function kubectlEnv(kubeconfig: string): Promise<NodeJS.ProcessEnv> {
  const onPath = (await $({ quiet: true, nothrow: true })`command -v kubectl`).exitCode === 0;
  const dir = existsSync(kubectlPath) ? dirname(kubectlPath) : onPath ? undefined : await ensureGoProgram(kubernetes);
  return { ...process.env, KUBECONFIG: kubeconfig, PATH: dir ? `${dir}:${process.env.PATH}` : process.env.PATH };
}

export const kindProvider: Provider = {
  name: "kind",
  async up(options: UpOptions = {}) {
    const workers = options.workers ?? 0;
    // Everything this up will need, checked (and installed where it can be) before anything starts.
    const startsEngine = !(await dockerAnswers());
    const wanted = process.env.KIND_NODE_IMAGE;
    const buildsNodeImage = wanted === "offline" || (!wanted && (startsEngine || engineIsOurs()));
    const kindOnPath = (await $({ quiet: true, nothrow: true })`command -v kind`).exitCode === 0;
    await ensureRequirements(requirementsFor("kind", { startsEngine, buildsNodeImage, kindOnPath }), {
      context: "the kind cluster",
      hostProblems: startsEngine && process.getuid?.() !== 0 ? ["no Docker engine answers (docker info failed), and starting one needs root"] : [],
    });
    if (await ensureDockerEngine()) {
      options.ledger?.started(`the Docker engine this up started (state in ${engineRunDir})`, stopDockerEngine);
    }
    const kind = await kindBinary();
    const existing = await nodes(kind);
    const stopped = existing ? await stoppedNodes(existing) : [];
    if (stopped.length > 0) {
      // Seen after a machine restart: the engine tried kind's nodes once (restart policy on-failure:1) and they
      // exited 255. Creating the cluster anew (about 35 s) is surer than reviving etcd and kubelet state from before.
      await timed(`the kind cluster ${clusterName} exists but ${stopped.join(", ")} not running: deleting it to create it anew`, () =>
        deleteCluster(kind),
      );
    } else if (existing) {
      if (existing.length !== workers + 1) {
        throw new ClusterError(
          `a kind cluster ${clusterName} with ${existing.length} node(s) exists, not ${workers + 1}: run npm run cluster:down -- --provider kind first`,
        );
      }
      step(`the kind cluster ${clusterName} is already up`);
      return;
    }
    const { image, offline } = await nodeImage();
    const configDir = await mkdtemp(join(tmpdir(), "k8s-proven-kind-"));
    const configPath = join(configDir, "cluster.yaml");
    await writeFile(configPath, await kindConfig({ workers, offlineImage: offline }));
    options.ledger?.started(`kind cluster ${clusterName} and its node containers`, async () => {
      if (await nodes(kind)) await deleteCluster(kind);
    });
    await timed(`kind create cluster ${clusterName} (${workers + 1} node(s), ${image})`, async () => {
      // kind deletes the nodes of a failed create itself, unless told to keep them (its own --retain).
      const retain = options.retain ? ["--retain"] : [];
      const r = await $({ nothrow: true, quiet: true })`${kind} create cluster --name ${clusterName} --config ${configPath} --image ${image} --wait 180s ${retain}`;
      await rm(configDir, { recursive: true, force: true });
      if (r.exitCode !== 0) {
        if (!options.retain) await $({ quiet: true, nothrow: true })`${kind} delete cluster --name ${clusterName}`;
        const what = options.retain ? "its nodes are kept (--retain)" : "the cluster was deleted again";
        throw new ClusterError(`kind create cluster failed (${what})`, r.stderr.split("\n").slice(-25).join("\n"));
      }
    });
    const kubeconfig = await this.kubeconfig();
    const env = await kubectlEnv(kubeconfig!);
    const k = (args: string[], input?: string) => $({ env, quiet: true, nothrow: true, input })`kubectl ${args}`;
    await timed("every node Ready, and metrics-server", async () => {
      // kind waits for the control plane only.
      const ready = await k(["wait", "--for=condition=Ready", "nodes", "--all", "--timeout=180s"]);
      if (ready.exitCode !== 0) throw new ClusterError("the kind nodes did not become Ready", ready.stderr);
      // As on the local cluster, so the proofs of `kubectl top` and the resource metrics API run on kind too.
      const applied = await k(["apply", "-f", "-"], await metricsServerManifest("insecure"));
      if (applied.exitCode !== 0) throw new ClusterError("applying metrics-server failed", applied.stderr);
      const available = await k(["wait", "--for=condition=Available", "apiservice/v1beta1.metrics.k8s.io", "--timeout=180s"]);
      if (available.exitCode !== 0) throw new ClusterError("metrics-server did not become available", available.stderr);
    });
  },
  async down() {
    if (await dockerAnswers()) {
      const kind = await kindBinary();
      if (await nodes(kind)) await timed(`kind delete cluster ${clusterName}`, () => deleteCluster(kind));
    }
    if (engineIsOurs()) await stopDockerEngine();
    await rm(kubeconfigCopy, { force: true });
  },
  async status() {
    if (!(await dockerAnswers())) {
      console.log("no Docker engine answers, so no kind cluster");
      return false;
    }
    const found = await nodes(await kindBinary());
    if (!found) {
      console.log(`no kind cluster ${clusterName}`);
      return false;
    }
    const stopped = await stoppedNodes(found);
    console.log(`kind cluster ${clusterName}: ${found.join(", ")}${stopped.length ? ` (not running: ${stopped.join(", ")})` : ""}`);
    return stopped.length === 0;
  },
  /** kind's own kubeconfig for this cluster, whatever the user's current context is. */
  async kubeconfig() {
    const kind = await kindBinary();
    const r = await $({ quiet: true, nothrow: true })`${kind} get kubeconfig --name ${clusterName}`;
    if (r.exitCode !== 0) throw new ClusterError(`no kind cluster ${clusterName}: start it with npm run cluster:up -- --provider kind`);
    // One file, rewritten on each call and removed by down, rather than a new temporary directory each time.
    await writeFile(kubeconfigCopy, r.stdout, { mode: 0o600 });
    return kubeconfigCopy;
  },
  hint: () => `kubectl is pointed at it: context kind-${clusterName}`,
  async capabilities(env) {
    const caps = await probeCapabilities(env);
    // Both node images enforce NetworkPolicy: kube-router in the offline image (node-image/), kindnet's policy
    // engine in kind's own since v0.24.
    caps.add("network-policy");
    return caps;
  },
  kubectl: (serverVersion) => builtKubectl(serverVersion),
  async facts(env) {
    // Node containers share this host's kernel and cgroup hierarchy.
    const ds = await $({ env, quiet: true, nothrow: true })`kubectl -n kube-system get daemonsets -o name`;
    const cni = /kindnet/.test(ds.stdout) ? "kindnet" : /kube-router/.test(ds.stdout) ? "bridge (CNI plugins) + kube-router for NetworkPolicy" : undefined;
    return { cgroup: hostCgroupVersion(), proxyMode: await kubeadmProxyMode(env), ...(cni ? { cni } : {}) };
  },
};
