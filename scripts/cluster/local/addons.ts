// Cluster add-ons applied after the node is Ready: CoreDNS, metrics-server and the local-path
// provisioner. metrics-server and local-path come from the manifests in their own Go modules,
// patched only where this cluster differs (image names, paths, the default StorageClass).
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments, stringify } from "yaml";
import { moduleDir } from "../build/gomodule.ts";
import { imageNames } from "../images/catalog.ts";
import { state } from "../paths.ts";
import { versions } from "../versions.ts";
import { topology } from "./topology.ts";

type Obj = { kind: string; metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> }; [k: string]: any };

const here = dirname(fileURLToPath(import.meta.url));

async function readDocs(path: string): Promise<Obj[]> {
  return parseAllDocuments(await readFile(path, "utf8"))
    .map((d) => d.toJS() as Obj | null)
    .filter((d): d is Obj => d !== null);
}

export async function corednsManifest(): Promise<string> {
  const raw = await readFile(join(here, "addons", "coredns.yaml"), "utf8");
  return raw
    .replaceAll("{{COREDNS_IMAGE}}", imageNames.coredns)
    .replaceAll("{{DNS_SERVICE_IP}}", topology.dnsServiceIP)
    .replaceAll("{{CLUSTER_DOMAIN}}", topology.clusterDomain);
}

/**
 * metrics-server's manifests/base with kustomize's commonLabels applied by hand. How it trusts the kubelets:
 * the local cluster's kubelets serve certificates signed by the cluster CA; kind's kubelets serve self-signed
 * ones, for which metrics-server's own docs give --kubelet-insecure-tls.
 */
export async function metricsServerManifest(kubeletTls: "cluster-ca" | "insecure" = "cluster-ca"): Promise<string> {
  const base = join(await moduleDir("sigs.k8s.io/metrics-server", versions.metricsServer), "manifests", "base");
  const docs = (await Promise.all(["rbac.yaml", "service.yaml", "deployment.yaml", "apiservice.yaml"].map((f) => readDocs(join(base, f))))).flat();
  const label = { "k8s-app": "metrics-server" };
  for (const d of docs) {
    d.metadata.labels = { ...d.metadata.labels, ...label };
    if (d.kind === "Service") d.spec.selector = { ...d.spec.selector, ...label };
    if (d.kind === "Deployment") {
      d.spec.selector = { matchLabels: label };
      d.spec.template.metadata = { labels: label };
      const c = d.spec.template.spec.containers[0];
      c.image = imageNames.metricsServer;
      // The cluster CA, which every pod already has, signs the local kubelets' serving certificates.
      c.args.push(
        kubeletTls === "cluster-ca" ? "--kubelet-certificate-authority=/var/run/secrets/kubernetes.io/serviceaccount/ca.crt" : "--kubelet-insecure-tls",
      );
    }
  }
  return docs.map((d) => stringify(d)).join("---\n");
}

/** local-path-provisioner's deploy/local-path-storage.yaml, with kind's StorageClass name `standard`. */
export async function localPathManifest(hostPath: string = state.localPath): Promise<string> {
  const deploy = join(await moduleDir("github.com/rancher/local-path-provisioner", versions.localPathProvisioner), "deploy");
  const docs = await readDocs(join(deploy, "local-path-storage.yaml"));
  for (const d of docs) {
    if (d.kind === "Deployment") d.spec.template.spec.containers[0].image = imageNames.localPathProvisioner;
    if (d.kind === "StorageClass") {
      // kind names its default class `standard` (same provisioner): examples written for kind bind here too.
      d.metadata.name = "standard";
      d.metadata.annotations = { "storageclass.kubernetes.io/is-default-class": "true" };
    }
    if (d.kind === "ConfigMap" && d.metadata.name === "local-path-config") {
      d.data["config.json"] = JSON.stringify(
        { nodePathMap: [{ node: "DEFAULT_PATH_FOR_NON_LISTED_NODES", paths: [hostPath] }] },
        null,
        2,
      );
      d.data["helperPod.yaml"] = d.data["helperPod.yaml"].replace(/image: busybox\b.*/, `image: ${imageNames.busybox}`);
    }
  }
  return docs.map((d) => stringify(d)).join("---\n");
}
