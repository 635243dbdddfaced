// The certificates a kubeadm cluster has, made with openssl: a cluster CA, a front-proxy CA for aggregated
// APIs (metrics-server), an etcd CA, and the service-account signing key.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { $ } from "zx";
import { state } from "../paths.ts";
import { topology } from "./topology.ts";

interface Leaf {
  name: string;
  ca: "ca" | "front-proxy-ca" | "etcd-ca";
  cn: string;
  org?: string;
  usage: "server" | "client" | "both";
  dns?: string[];
  ips?: string[];
}

const { nodeName, nodeIP, apiServiceIP, clusterDomain } = topology;

export const leaves: Leaf[] = [
  {
    name: "apiserver",
    ca: "ca",
    cn: "kube-apiserver",
    usage: "server",
    dns: ["kubernetes", "kubernetes.default", "kubernetes.default.svc", `kubernetes.default.svc.${clusterDomain}`, "localhost", nodeName],
    ips: ["127.0.0.1", nodeIP, apiServiceIP],
  },
  { name: "apiserver-kubelet-client", ca: "ca", cn: "kube-apiserver-kubelet-client", org: "system:masters", usage: "client" },
  { name: "admin", ca: "ca", cn: "kubernetes-admin", org: "system:masters", usage: "client" },
  { name: "controller-manager", ca: "ca", cn: "system:kube-controller-manager", usage: "client" },
  { name: "scheduler", ca: "ca", cn: "system:kube-scheduler", usage: "client" },
  // The default ClusterRoleBinding system:node-proxier binds this user name.
  { name: "kube-proxy", ca: "ca", cn: "system:kube-proxy", usage: "client" },
  // The Node authorizer and NodeRestriction admission recognise a kubelet by this name and group.
  { name: "kubelet-client", ca: "ca", cn: `system:node:${nodeName}`, org: "system:nodes", usage: "client" },
  { name: "kubelet-serving", ca: "ca", cn: nodeName, usage: "server", dns: [nodeName, "localhost"], ips: [nodeIP, "127.0.0.1"] },
  { name: "front-proxy-client", ca: "front-proxy-ca", cn: "front-proxy-client", usage: "client" },
  { name: "etcd-server", ca: "etcd-ca", cn: "etcd", usage: "both", dns: ["localhost"], ips: ["127.0.0.1"] },
  { name: "apiserver-etcd-client", ca: "etcd-ca", cn: "kube-apiserver-etcd-client", usage: "client" },
  // The private image registry on the node's address (registry.ts); containerd trusts the cluster CA for it.
  { name: "registry", ca: "ca", cn: "proven-registry", usage: "server", ips: [nodeIP] },
];

export const pkiFile = (name: string, ext: "crt" | "key" | "pub") => join(state.pki, `${name}.${ext}`);

const genKey = (path: string) => $({ quiet: true })`openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ${path}`;

export async function writePki(): Promise<void> {
  await mkdir(state.pki, { recursive: true, mode: 0o700 });
  for (const [ca, cn] of [
    ["ca", "kubernetes"],
    ["front-proxy-ca", "front-proxy-ca"],
    ["etcd-ca", "etcd-ca"],
  ]) {
    await genKey(pkiFile(ca, "key"));
    await $({ quiet: true })`openssl req -x509 -new -key ${pkiFile(ca, "key")} -subj ${`/CN=${cn}`} -days 3650 -sha256 -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign,digitalSignature -out ${pkiFile(ca, "crt")}`;
  }
  await Promise.all(leaves.map(writeLeaf));
  // ECDSA signs service-account tokens (ES256); the API server verifies with the public half.
  await genKey(pkiFile("sa", "key"));
  await $({ quiet: true })`openssl pkey -in ${pkiFile("sa", "key")} -pubout -out ${pkiFile("sa", "pub")}`;
}

async function writeLeaf(leaf: Leaf): Promise<void> {
  const key = pkiFile(leaf.name, "key");
  const csr = join(state.pki, `${leaf.name}.csr`);
  const ext = join(state.pki, `${leaf.name}.ext`);
  const eku = { server: "serverAuth", client: "clientAuth", both: "serverAuth,clientAuth" }[leaf.usage];
  const sans = [...(leaf.dns ?? []).map((d) => `DNS:${d}`), ...(leaf.ips ?? []).map((i) => `IP:${i}`)];
  await writeFile(
    ext,
    [
      "basicConstraints=critical,CA:FALSE",
      "keyUsage=critical,digitalSignature,keyEncipherment",
      `extendedKeyUsage=${eku}`,
      ...(sans.length ? [`subjectAltName=${sans.join(",")}`] : []),
    ].join("\n") + "\n",
  );
  await genKey(key);
  const subject = `${leaf.org ? `/O=${leaf.org}` : ""}/CN=${leaf.cn}`;
  await $({ quiet: true })`openssl req -new -key ${key} -subj ${subject} -out ${csr}`;
  await $({ quiet: true })`openssl x509 -req -in ${csr} -CA ${pkiFile(leaf.ca, "crt")} -CAkey ${pkiFile(leaf.ca, "key")} -set_serial ${`0x${randomBytes(16).toString("hex")}`} -days 365 -sha256 -extfile ${ext} -out ${pkiFile(leaf.name, "crt")}`;
}

export const readPem = (name: string, ext: "crt" | "key") => readFile(pkiFile(name, ext));
