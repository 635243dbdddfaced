// A private, authenticated image registry beside the local cluster, so imagePullSecrets can be shown working
// against a real registry: Debian's docker-registry (the CNCF Distribution registry) over TLS on the node's
// address, htpasswd authentication, one demo account, and an image that exists only there, pushed with skopeo.
// Optional: without those three Debian packages the cluster starts without it (and the proof is skipped).
import { mkdir, writeFile, copyFile } from "node:fs/promises";
import { join } from "node:path";
import { $ } from "zx";
import { ClusterError, step } from "../log.ts";
import { state, stateRoot } from "../paths.ts";
import type { ImageSpec } from "../images/oci.ts";
import type { Daemon } from "./processes.ts";
import { pkiFile } from "./pki.ts";
import { httpsGetStatus } from "./probe.ts";
import { topology } from "./topology.ts";

export const registry = {
  host: `${topology.nodeIP}:5000`,
  // A demo account of a registry that lives and dies with the local cluster; the proof shows it in commands.
  username: "proven",
  password: "proven-demo-password",
  image: `${topology.nodeIP}:5000/proven/hello:1.0`,
  /** The file only that image has, so a Pod can show where its image came from. */
  marker: { path: "/hello.txt", text: "pulled from the private registry\n" },
};

/**
 * busybox plus a file of its own. Not busybox itself: once the side-loaded busybox had been pulled again under a
 * registry name (one Pod with credentials, one without), containerd's CRI no longer found
 * docker.io/library/busybox:1.35.0 although `ctr images ls` still listed it, and every later busybox Pod tried
 * Docker Hub. An image found nowhere else also shows that the pull really came from this registry.
 */
export function registryImageSpec(busybox: ImageSpec): ImageSpec {
  return {
    ...busybox,
    name: registry.image,
    texts: { ...busybox.texts, [registry.marker.path]: registry.marker.text },
    source: `${busybox.source}, plus ${registry.marker.path}`,
  };
}
const dataDir = join(stateRoot, "registry");
const configPath = join(state.config, "registry.yml");
const htpasswdPath = join(state.config, "registry.htpasswd");
/** containerd's per-registry host configuration (config_path): trust the cluster CA for the registry. */
export const containerdCertsDir = join(state.config, "certs.d");

const tools = ["docker-registry", "htpasswd", "skopeo"];

export async function registryToolsMissing(): Promise<string[]> {
  const missing: string[] = [];
  for (const t of tools) if ((await $({ quiet: true, nothrow: true })`command -v ${t}`).exitCode !== 0) missing.push(t);
  return missing;
}

/** Writes the registry's config, its account and containerd's trust for it; returns its daemon. */
export async function prepareRegistry(): Promise<Daemon> {
  await mkdir(dataDir, { recursive: true });
  await mkdir(state.config, { recursive: true });
  const r = await $({ quiet: true, nothrow: true })`htpasswd -Bbn ${registry.username} ${registry.password}`;
  if (r.exitCode !== 0) throw new ClusterError("htpasswd could not write the registry's account", r.stderr);
  await writeFile(htpasswdPath, r.stdout, { mode: 0o600 });
  await writeFile(
    configPath,
    `version: 0.1
log:
  level: info
storage:
  filesystem:
    rootdirectory: ${dataDir}
  delete:
    enabled: false
http:
  addr: ${registry.host}
  tls:
    certificate: ${pkiFile("registry", "crt")}
    key: ${pkiFile("registry", "key")}
auth:
  htpasswd:
    realm: k8s-proven
    path: ${htpasswdPath}
`,
  );
  const hostDir = join(containerdCertsDir, registry.host);
  await mkdir(hostDir, { recursive: true });
  await writeFile(
    join(hostDir, "hosts.toml"),
    `server = "https://${registry.host}"\n\n[host."https://${registry.host}"]\n  capabilities = ["pull", "resolve"]\n  ca = "${pkiFile("ca", "crt")}"\n`,
  );
  return { name: "registry", argv: ["docker-registry", "serve", configPath] };
}

/** True once the registry answers and asks for credentials (HTTP 401 on /v2/). */
export async function registryAnswers(): Promise<boolean> {
  return (await httpsGetStatus(`https://${registry.host}/v2/`, "ca")) === 401;
}

/** Pushes the registry's image (an archive of registryImageSpec) into the registry, with the demo account. */
export async function pushRegistryImage(archive: string): Promise<void> {
  const certDir = join(state.config, "registry-client");
  await mkdir(certDir, { recursive: true });
  await copyFile(pkiFile("ca", "crt"), join(certDir, "ca.crt"));
  const r = await $({ quiet: true, nothrow: true })`skopeo copy --quiet --dest-cert-dir ${certDir} --dest-creds ${`${registry.username}:${registry.password}`} ${`oci-archive:${archive}`} ${`docker://${registry.image}`}`;
  if (r.exitCode !== 0) throw new ClusterError(`pushing ${registry.image} into the local registry failed`, r.stderr);
  step(`private registry: ${registry.image} pushed (account ${registry.username})`);
}
