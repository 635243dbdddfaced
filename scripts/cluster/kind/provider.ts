// A kind cluster, when a Docker engine runs and kind is available (built from its Go module here).
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { $ } from "zx";
import { ensureGoProgram, type GoProgram } from "../build/gomodule.ts";
import { ClusterError } from "../log.ts";
import type { Provider } from "../provider.ts";

const kindProgram: GoProgram = { name: "kind", module: "sigs.k8s.io/kind", version: "v0.33.0", packages: ["sigs.k8s.io/kind"] };
// kind v0.33.0's own default (pkg/apis/config/defaults/image.go), pinned by digest; override with KIND_NODE_IMAGE.
export const kindNodeImage =
  process.env.KIND_NODE_IMAGE ?? "kindest/node:v1.37.0@sha256:a1ed56cfb0e7b93589bdf97c8cd566405a265939e3620fc4f5de89adff580ae5";
const clusterName = "proven";
const config = join(fileURLToPath(new URL(".", import.meta.url)), "cluster.yaml");

async function kindBinary(): Promise<string> {
  if ((await $({ quiet: true, nothrow: true })`command -v kind`).exitCode === 0) return "kind";
  return join(await ensureGoProgram(kindProgram), "kind");
}

/** A Docker engine answers; kind itself can always be built. */
export async function kindUsable(): Promise<boolean> {
  return (await $({ quiet: true, nothrow: true, timeout: "10s" })`docker info`).exitCode === 0;
}

async function exists(kind: string): Promise<boolean> {
  const r = await $({ quiet: true, nothrow: true })`${kind} get clusters`;
  return r.stdout.split("\n").includes(clusterName);
}

export const kindProvider: Provider = {
  name: "kind",
  async up() {
    if (!(await kindUsable())) throw new ClusterError("the kind provider needs a running Docker engine (docker info failed)");
    const kind = await kindBinary();
    if (await exists(kind)) return;
    const r = await $({ nothrow: true })`${kind} create cluster --name ${clusterName} --config ${config} --image ${kindNodeImage} --wait 180s`;
    if (r.exitCode !== 0) throw new ClusterError("kind create cluster failed", r.stderr.split("\n").slice(-20).join("\n"));
  },
  async down() {
    if (!(await kindUsable())) return;
    const kind = await kindBinary();
    if (await exists(kind)) await $`${kind} delete cluster --name ${clusterName}`;
  },
  async status() {
    if (!(await kindUsable())) return false;
    const kind = await kindBinary();
    const up = await exists(kind);
    console.log(up ? `kind cluster ${clusterName} exists` : `no kind cluster ${clusterName}`);
    return up;
  },
  /** kind's own kubeconfig for this cluster, whatever the user's current context is. */
  async kubeconfig() {
    const kind = await kindBinary();
    const r = await $({ quiet: true, nothrow: true })`${kind} get kubeconfig --name ${clusterName}`;
    if (r.exitCode !== 0) throw new ClusterError(`no kind cluster ${clusterName}: start it with npm run cluster:up -- --provider kind`);
    const path = join(await mkdtemp(join(tmpdir(), "k8s-proven-kind-")), "kubeconfig");
    await writeFile(path, r.stdout, { mode: 0o600 });
    return path;
  },
  hint: () => `kubectl is pointed at it: context kind-${clusterName}`,
};
