// NetworkPolicy enforcement in the offline kind node image: kube-router in its firewall-only mode (upstream's
// daemonset/kube-router-firewall-daemonset.yaml, with RBAC from its generic manifest), read from the same Go
// module the binary is built from. It programs iptables and ipset on each node; pod networking stays ours.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseAllDocuments, stringify } from "yaml";
import { kubeRouter } from "../../build/components.ts";
import { moduleDir } from "../../build/gomodule.ts";

export const kubeRouterImage = `docker.io/cloudnativelabs/kube-router:${kubeRouter.version}`;

type Obj = { kind: string; metadata: { name: string; labels?: Record<string, string> }; [k: string]: any };

async function docs(path: string): Promise<Obj[]> {
  return parseAllDocuments(await readFile(path, "utf8"))
    .map((d) => d.toJS() as Obj | null)
    .filter((d): d is Obj => d !== null);
}

export async function kubeRouterManifest(): Promise<string> {
  const dir = await moduleDir(kubeRouter.module, kubeRouter.version);
  const rbac = (await docs(join(dir, "daemonset", "generic-kuberouter-all-features.yaml"))).filter((d) =>
    ["ServiceAccount", "ClusterRole", "ClusterRoleBinding"].includes(d.kind),
  );
  const ds = (await docs(join(dir, "daemonset", "kube-router-firewall-daemonset.yaml"))).find((d) => d.kind === "DaemonSet")!;
  const spec = ds.spec.template.spec;
  // Its CNI install step is for kube-router's own bridge, which this mode does not use; the API is reached
  // with the ServiceAccount (in-cluster config) instead of a kubeconfig on the node.
  delete spec.initContainers;
  spec.serviceAccountName = "kube-router";
  spec.volumes = spec.volumes.filter((v: { name: string }) => !["kubeconfig", "kube-router-cfg", "host-opt"].includes(v.name));
  const c = spec.containers[0];
  c.image = kubeRouterImage;
  c.imagePullPolicy = "IfNotPresent";
  c.args = c.args.filter((a: string) => !a.startsWith("--kubeconfig"));
  c.volumeMounts = c.volumeMounts.filter((m: { name: string }) => m.name !== "kubeconfig");
  ds.metadata.labels = { ...ds.metadata.labels, "app.kubernetes.io/name": "kube-router" };
  return [...rbac, ds].map((d) => stringify(d)).join("---\n");
}
