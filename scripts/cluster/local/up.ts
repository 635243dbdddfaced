// Starts a single-node cluster from upstream components as host processes: containerd → etcd →
// kube-apiserver → controller-manager, scheduler, kubelet, kube-proxy → add-ons.
import { existsSync } from "node:fs";
import { cp, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { $ } from "zx";
import * as programs from "../build/components.ts";
import { ensureGoPrograms } from "../build/gomodule.ts";
import { imageNames, imageSpecs } from "../images/catalog.ts";
import { ensureImageArchive } from "../images/oci.ts";
import { ClusterError, elapsed, step, timed } from "../log.ts";
import { state, stateRoot } from "../paths.ts";
import type { UpOptions } from "../provider.ts";
import { corednsManifest, localPathManifest, metricsServerManifest } from "./addons.ts";
import * as daemons from "./components.ts";
import { writeConfigs } from "./configs.ts";
import { downLocal } from "./down.ts";
import { addNodeInterface, applySysctls, linkContainerdSocketForCadvisor } from "./host.ts";
import { recordChainsBeforeUp } from "./iptables.ts";
import { kubectl } from "./kubectl.ts";
import { writeKubeconfig } from "./kubeconfig.ts";
import { writePki } from "./pki.ts";
import { checkPortsFree, preflight } from "./preflight.ts";
import { httpsGetOk } from "./probe.ts";
import { runningPid, startDaemon, waitFor } from "./processes.ts";
import { prepareRegistry, pushRegistryImage, registry, registryAnswers, registryImageSpec, registryToolsMissing } from "./registry.ts";
import { topology } from "./topology.ts";

const allDaemons = ["containerd", "etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler", "kubelet", "kube-proxy"];

export async function buildAll(): Promise<daemons.Bins & { coredns: string; metricsServer: string; localPath: string }> {
  const built = await ensureGoPrograms(programs.allPrograms);
  return {
    kubernetes: built.kubernetes!,
    etcd: built.etcd!,
    containerd: built.containerd!,
    runc: built.runc!,
    cni: built["cni-plugins"]!,
    coredns: built.coredns!,
    metricsServer: built["metrics-server"]!,
    localPath: built["local-path-provisioner"]!,
  };
}

/** True when every daemon runs and the API server answers: then `up` has nothing to do. */
export async function localIsUp(): Promise<boolean> {
  for (const d of allDaemons) if (!(await runningPid(d))) return false;
  return httpsGetOk(`https://127.0.0.1:${topology.apiPort}/readyz`, "ca", "admin");
}

export async function upLocal(options: UpOptions = {}): Promise<void> {
  await preflight();
  const bins = await buildAll();
  const specs = await imageSpecs(bins);
  const archives = await timed("assembling side-loaded images", () => Promise.all(specs.map(ensureImageArchive)));
  const registryArchive = await ensureImageArchive(registryImageSpec(specs.find((s) => s.name === imageNames.busybox)!));

  if (existsSync(stateRoot) && (await localIsUp())) {
    step("the local cluster is already up");
    return;
  }
  if (existsSync(stateRoot)) {
    step("a previous local cluster is partly running: removing it before starting afresh");
    await downLocal();
  }
  await checkPortsFree();

  // From here on the host changes: a failure rolls all of it back with down (unless --retain).
  options.ledger?.started(`the local cluster's processes, mounts, links, iptables chains, sysctls and state (${stateRoot})`, async () => {
    // down removes the logs the error points at: keep a copy for the person reading that error.
    if (existsSync(state.logs)) {
      const kept = await mkdtemp(join(tmpdir(), "k8s-proven-failed-up-logs-"));
      await cp(state.logs, kept, { recursive: true });
      step(`the failed up's logs are kept in ${kept}`);
      options.ledger?.relocated(state.logs, kept);
    }
    await downLocal();
  });
  const t0 = Date.now();
  // Before any of our processes can create one: the KUBE-*/CNI-* chains that are someone else's.
  await recordChainsBeforeUp();
  await applySysctls();
  await addNodeInterface();
  await timed("certificates and kubeconfigs", async () => {
    await writePki();
    await writeKubeconfig("admin", "admin");
    await writeKubeconfig("controller-manager", "controller-manager");
    await writeKubeconfig("scheduler", "scheduler");
    await writeKubeconfig("kube-proxy", "kube-proxy");
    // The kubelet reaches the API server at the node's address, as a kubeadm node reaches its control-plane
    // endpoint. It is then the one host process on that path, which a proof cuts to show what the kubelet does
    // without the API server (examples/env/restart-while-api-server-unreachable).
    await writeKubeconfig("kubelet", "kubelet-client", `https://${topology.nodeIP}:${topology.apiPort}`);
  });
  await writeConfigs(bins);

  await timed("containerd", async () => {
    await startDaemon(daemons.containerd(bins));
    if (!linkContainerdSocketForCadvisor(state.containerdSocket)) {
      step("note: /run/containerd/containerd.sock belongs to another containerd; cAdvisor will not label per-container series");
    }
    const ctr = join(bins.containerd, "ctr");
    await waitFor("containerd", "its socket answering", async () => (await $({ quiet: true, nothrow: true })`${ctr} -a ${state.containerdSocket} version`).exitCode === 0, 30_000);
    for (const archive of archives) {
      const r = await $({ quiet: true, nothrow: true })`${ctr} -a ${state.containerdSocket} -n k8s.io images import --platform linux/amd64 ${archive}`;
      if (r.exitCode !== 0) throw new ClusterError(`importing ${archive} into containerd failed`, r.stderr);
    }
  });
  const missing = await registryToolsMissing();
  if (missing.length) {
    step(`no private registry: ${missing.join(", ")} missing (Debian's docker-registry, apache2-utils, skopeo); the proofs that pull from it are skipped`);
  } else {
    await timed(`private registry on ${registry.host}`, async () => {
      await startDaemon(await prepareRegistry());
      await waitFor("registry", "/v2/ asking for credentials", registryAnswers, 30_000);
      await pushRegistryImage(registryArchive);
    });
  }
  await timed("etcd", async () => {
    await startDaemon(daemons.etcd(bins));
    await waitFor("etcd", "/health", () => httpsGetOk("https://127.0.0.1:2379/health", "etcd-ca", "apiserver-etcd-client"), 60_000);
  });
  await timed("kube-apiserver", async () => {
    await startDaemon(daemons.apiserver(bins));
    await waitFor("kube-apiserver", "/readyz", () => httpsGetOk(`https://127.0.0.1:${topology.apiPort}/readyz`, "ca", "admin"), 120_000);
  });
  await timed("controller-manager, scheduler, kubelet, kube-proxy", async () => {
    for (const d of [daemons.controllerManager, daemons.scheduler, daemons.kubelet, daemons.kubeProxy]) await startDaemon(d(bins));
    await waitFor("kubelet", `node ${topology.nodeName} Ready`, async () => {
      const r = await kubectl(["get", "node", topology.nodeName, "-o", "jsonpath={.status.conditions[?(@.type=='Ready')].status}"]);
      return r.stdout.trim() === "True";
    }, 120_000);
  });
  step(`node ${topology.nodeName} Ready ${elapsed(t0)} after start`);
  // kubeadm labels its control-plane node this way; the kubelet may not set node-role labels itself.
  await kubectl(["label", "node", topology.nodeName, "node-role.kubernetes.io/control-plane=", "--overwrite"]);

  await timed("add-ons: CoreDNS, metrics-server, local-path-provisioner", async () => {
    for (const manifest of [await corednsManifest(), await metricsServerManifest(), await localPathManifest()]) {
      const r = await kubectl(["apply", "--server-side", "-f", "-"], manifest);
      if (r.exitCode !== 0) throw new ClusterError("applying a cluster add-on failed", r.stderr);
    }
    for (const [ns, deploy] of [
      ["kube-system", "coredns"],
      ["kube-system", "metrics-server"],
      ["local-path-storage", "local-path-provisioner"],
    ]) {
      const r = await kubectl(["-n", ns!, "rollout", "status", `deployment/${deploy}`, "--timeout=180s"]);
      if (r.exitCode !== 0) {
        const pods = await kubectl(["-n", ns!, "get", "pods,events", "-o", "wide"]);
        throw new ClusterError(`add-on ${ns}/${deploy} did not become available`, `${r.stderr}\n${pods.stdout}`);
      }
    }
    const r = await kubectl(["wait", "--for=condition=Available", "apiservice/v1beta1.metrics.k8s.io", "--timeout=120s"]);
    if (r.exitCode !== 0) throw new ClusterError("the metrics.k8s.io API did not become available", r.stderr);
  });
  step(`local cluster up in ${elapsed(t0)} (Kubernetes ${programs.kubernetes.version})`);
}
