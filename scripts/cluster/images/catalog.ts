// The images the local cluster side-loads, under the names upstream publishes them as. Nothing is
// pulled: each is assembled from a binary built here from the same upstream source and version.
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { $ } from "zx";
import { moduleDir } from "../build/gomodule.ts";
import { ClusterError } from "../log.ts";
import { binDir } from "../paths.ts";
import { versions } from "../versions.ts";
import type { ImageSpec } from "./oci.ts";

export const imageNames = {
  pause: `registry.k8s.io/pause:${versions.pause}`,
  // Debian 12's busybox-static is BusyBox 1.35.0, so it carries that upstream tag; it has the applets the
  // examples use (sh, env, sleep, wget, nc, nslookup, httpd, tail).
  busybox: "docker.io/library/busybox:1.35.0",
  coredns: `registry.k8s.io/coredns/coredns:${versions.coredns}`,
  metricsServer: `registry.k8s.io/metrics-server/metrics-server:${versions.metricsServer}`,
  localPathProvisioner: `docker.io/rancher/local-path-provisioner:${versions.localPathProvisioner}`,
} as const;

const busyboxBinary = "/bin/busybox";
const etcFiles = {
  "/etc/passwd": "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n",
  "/etc/group": "root:x:0:\nnobody:x:65534:\n",
};
const pathEnv = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/** kubernetes build/pause/Makefile compiles pause.c the same way, static, with its version string. */
async function ensurePauseBinary(): Promise<string> {
  const out = join(binDir(`pause-${versions.pause}`), "pause");
  if (existsSync(out)) return out;
  const kubernetesSource = await moduleDir("k8s.io/kubernetes", versions.kubernetes);
  await mkdir(binDir(`pause-${versions.pause}`), { recursive: true });
  const src = join(kubernetesSource, "build/pause/linux/pause.c");
  const r = await $({ quiet: true, nothrow: true })`gcc -Os -Wall -Werror -static -DVERSION=v${versions.pause}-k8s-proven -o ${out} ${src}`;
  if (r.exitCode !== 0) throw new ClusterError("building the pause image's binary failed (gcc and libc6-dev are needed)", r.stderr);
  return out;
}

async function busyboxApplets(): Promise<Record<string, string>> {
  if (!existsSync(busyboxBinary)) {
    throw new ClusterError(`${busyboxBinary} is missing: install Debian's busybox-static (apt-get install -y busybox-static)`);
  }
  const list = (await $({ quiet: true })`${busyboxBinary} --list`).stdout.split("\n").filter((a) => a && a !== "busybox");
  return Object.fromEntries(list.map((applet) => [`/bin/${applet}`, "busybox"]));
}

export async function imageSpecs(bins: { coredns: string; metricsServer: string; localPath: string }): Promise<ImageSpec[]> {
  return [
    {
      name: imageNames.pause,
      files: { "/pause": await ensurePauseBinary() },
      config: { Entrypoint: ["/pause"], User: "65535:65535" },
      source: `kubernetes ${versions.kubernetes} build/pause/linux/pause.c, gcc -static`,
    },
    {
      name: imageNames.busybox,
      files: { "/bin/busybox": busyboxBinary },
      symlinks: await busyboxApplets(),
      texts: etcFiles,
      dirs: { "/tmp": 0o1777, "/root": 0o700, "/home": 0o755, "/var/www": 0o755, "/usr/bin": 0o755 },
      config: { Cmd: ["sh"], Env: [pathEnv] },
      source: "Debian 12 busybox-static 1.35.0",
    },
    {
      name: imageNames.coredns,
      files: { "/coredns": join(bins.coredns, "coredns") },
      texts: etcFiles,
      config: { Entrypoint: ["/coredns"], Env: [pathEnv] },
      source: `github.com/coredns/coredns ${versions.coredns}`,
    },
    {
      name: imageNames.metricsServer,
      files: { "/metrics-server": join(bins.metricsServer, "metrics-server") },
      texts: etcFiles,
      dirs: { "/tmp": 0o1777 },
      config: { Entrypoint: ["/metrics-server"], Env: [pathEnv], User: "65534" },
      source: `sigs.k8s.io/metrics-server ${versions.metricsServer}`,
    },
    {
      name: imageNames.localPathProvisioner,
      files: { "/usr/bin/local-path-provisioner": join(bins.localPath, "local-path-provisioner") },
      texts: etcFiles,
      config: { Env: [pathEnv] },
      source: `github.com/rancher/local-path-provisioner ${versions.localPathProvisioner}`,
    },
  ];
}
