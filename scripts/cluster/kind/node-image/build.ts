// Builds a kind node image without a registry: the Debian root filesystem (rootfs.ts), kind's own base image
// files from its Go module, the Kubernetes, containerd, runc and CNI binaries built here, and every image the
// node runs imported into its containerd, then `docker import`ed with the entrypoint kind's base image has.
// The result is cached in the Docker engine under a tag keyed by everything that went into it.
import { createHash } from "node:crypto";
import { chmod, copyFile, mkdir, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { $ } from "zx";
import * as programs from "../../build/components.ts";
import { ensureGoPrograms, moduleDir } from "../../build/gomodule.ts";
import { imageNames, imageSpecs } from "../../images/catalog.ts";
import { ensureImageArchive } from "../../images/oci.ts";
import { ClusterError, timed } from "../../log.ts";
import { localPathManifest } from "../../local/addons.ts";
import { versions } from "../../versions.ts";
import { controlPlaneImages, routesImage } from "./images.ts";
import { kubeRouterManifest } from "./network-policy.ts";
import { ensureNodeRootfs, nodeImageCache } from "./rootfs.ts";

const here = dirname(fileURLToPath(import.meta.url));
export const nodeImageRepository = "k8s-proven.local/kind-node";
// kind's default StorageClass keeps volumes here on each node.
const localPathDir = "/var/local-path-provisioner";

/** Returns the node image's tag, building and importing it into the Docker engine when it is not there. */
export async function ensureNodeImage(): Promise<string> {
  const built = await ensureGoPrograms([programs.runc, programs.cniPlugins, programs.containerd, programs.etcd, programs.coredns, programs.metricsServer,
    programs.localPathProvisioner, programs.kubernetes, programs.kubeadm, programs.crictl, programs.kubeRouter, programs.kind]);
  const bins = {
    kubernetes: built.kubernetes!, kubeadm: built.kubeadm!, etcd: built.etcd!, containerd: built.containerd!, runc: built.runc!,
    cni: built["cni-plugins"]!, kubeRouter: built["kube-router"]!, coredns: built.coredns!, metricsServer: built["metrics-server"]!, localPath: built["local-path-provisioner"]!,
  };
  const rootfs = await ensureNodeRootfs();
  const specs = [...(await imageSpecs(bins)), ...controlPlaneImages(bins, rootfs)];
  const archives = await timed("assembling the node's images", () => Promise.all(specs.map(ensureImageArchive)));
  const kindBase = join(await moduleDir("sigs.k8s.io/kind", programs.kind.version), "images", "base", "files");

  const files: Record<string, string> = {
    "/usr/local/bin/containerd": join(bins.containerd, "containerd"),
    "/usr/local/bin/containerd-shim-runc-v2": join(bins.containerd, "containerd-shim-runc-v2"),
    "/usr/local/bin/ctr": join(bins.containerd, "ctr"),
    "/usr/local/bin/crictl": join(built["cri-tools"]!, "crictl"),
    "/usr/local/sbin/runc": join(bins.runc, "runc"),
    "/usr/bin/kubeadm": join(bins.kubeadm, "kubeadm"),
    "/usr/bin/kubelet": join(bins.kubernetes, "kubelet"),
    "/usr/bin/kubectl": join(bins.kubernetes, "kubectl"),
    ...Object.fromEntries(["bridge", "host-local", "loopback", "portmap"].map((p) => [`/opt/cni/bin/${p}`, join(bins.cni, p)])),
  };
  // kind's base image files we take as they are; its containerd unit and config are replaced below.
  const kindFiles = [
    "usr/local/bin/entrypoint", "kind/bin/mount-product-files.sh", "kind/bin/undo-mount-hacks.sh", "kind/bin/create-kubelet-cgroup-v2.sh",
    "etc/crictl.yaml", "etc/default/kubelet", "etc/sysctl.d/10-network-magic.conf", "etc/sysctl.d/10-network-security.conf",
    "etc/systemd/system/kubelet.slice", "etc/systemd/system/kubelet.service", "etc/systemd/system/undo-mount-hacks.service",
    "etc/systemd/system/kubelet.service.d/10-kubeadm.conf", "etc/systemd/system/kubelet.service.d/11-kind.conf",
  ];
  const texts: Record<string, string> = {
    // kind's unit without OOMScoreAdjust=-999: lowering it needs CAP_SYS_RESOURCE, which this VM's root lacks,
    // and systemd refuses to start a unit whose OOM adjustment fails.
    "/etc/systemd/system/containerd.service": (await readFile(join(kindBase, "etc/systemd/system/containerd.service"), "utf8"))
      .replace(/^OOMScoreAdjust=.*\n/m, ""),
    "/etc/containerd/config.toml": (await readFile(join(here, "containerd.toml"), "utf8")).replaceAll("{{PAUSE_IMAGE}}", imageNames.pause),
    "/kind/version": versions.kubernetes,
    // kind applies this file as the cluster's network plugin: our routes, and kube-router for NetworkPolicy.
    "/kind/manifests/default-cni.yaml": [
      (await readFile(join(here, "default-cni.yaml"), "utf8")).replaceAll("{{ROUTES_IMAGE}}", routesImage),
      await kubeRouterManifest(),
    ].join("---\n"),
    "/kind/manifests/default-storage.yaml": await localPathManifest(localPathDir),
  };

  const inputs = [rootfs, ...archives, ...kindFiles, JSON.stringify(texts)];
  for (const src of Object.values(files)) {
    const s = await stat(src);
    inputs.push(`${src}:${s.size}:${s.mtimeMs}`);
  }
  const tag = `${nodeImageRepository}:${versions.kubernetes}-${createHash("sha256").update(inputs.join("\n")).digest("hex").slice(0, 12)}`;
  if ((await $({ quiet: true, nothrow: true })`docker image inspect ${tag}`).exitCode === 0) return tag;

  // docker import refuses an archive that names a path twice, so the root filesystem is copied and added to.
  const overlay = join(nodeImageCache, "node-rootfs.partial");
  await rm(overlay, { recursive: true, force: true });
  try {
    await timed(`building the kind node image ${tag}`, async () => {
      await $({ quiet: true })`cp -a ${rootfs} ${overlay}`;
      const put = async (path: string, from: { src?: string; text?: string }, mode: number) => {
        const dest = join(overlay, path);
        await mkdir(dirname(dest), { recursive: true });
        if (from.src) await copyFile(from.src, dest);
        else await writeFile(dest, from.text!);
        await chmod(dest, mode);
      };
      for (const [path, src] of Object.entries(files)) await put(path, { src }, 0o755);
      for (const f of kindFiles) await put(`/${f}`, { src: join(kindBase, f) }, /bin\//.test(f) ? 0o755 : 0o644);
      for (const [path, text] of Object.entries(texts)) await put(path, { text }, 0o644);
      // `systemctl enable` as kind's base image does, and binfmt masked.
      const wants = join(overlay, "etc/systemd/system/multi-user.target.wants");
      await mkdir(wants, { recursive: true });
      for (const unit of ["containerd.service", "kubelet.service", "undo-mount-hacks.service"]) {
        await symlink(`/etc/systemd/system/${unit}`, join(wants, unit));
      }
      await symlink("/dev/null", join(overlay, "etc/systemd/system/systemd-binfmt.service"));
      await writeFile(join(overlay, "etc/containerd/cri-base.json"), await criBaseSpec(bins.containerd));
      await importImages(bins.containerd, join(overlay, "var/lib/containerd"), archives);

      const imported = await $({ quiet: true, nothrow: true })`tar -c --numeric-owner -C ${overlay} . | docker import \
        --change ${"ENV container=docker"} --change ${'ENTRYPOINT ["/usr/local/bin/entrypoint", "/sbin/init"]'} -`;
      if (imported.exitCode !== 0) throw new ClusterError(`docker import of the kind node image ${tag} failed`, imported.stderr);
      // `docker import` takes no STOPSIGNAL; systemd as PID 1 stops cleanly on SIGRTMIN+3, as in kind's image.
      const id = imported.stdout.trim();
      const built = await $({ quiet: true, nothrow: true, input: `FROM ${id}\nSTOPSIGNAL SIGRTMIN+3\n` })`docker build -q -t ${tag} -`;
      await $({ quiet: true, nothrow: true })`docker image rm ${id}`;
      if (built.exitCode !== 0) throw new ClusterError(`docker build of the kind node image ${tag} failed`, built.stderr);
    });
  } finally {
    await rm(overlay, { recursive: true, force: true });
  }
  // Node images of earlier inputs are never used again (one still running a cluster is kept by Docker).
  const others = (await $({ quiet: true, nothrow: true })`docker image ls ${nodeImageRepository} --format {{.Repository}}:{{.Tag}}`).stdout
    .split("\n")
    .filter((t) => t && t !== tag);
  for (const old of others) await $({ quiet: true, nothrow: true })`docker image rm ${old}`;
  return tag;
}

/** kind's base image: containerd's default OCI spec, with kind's product_uuid hook and no rlimits. */
async function criBaseSpec(containerdBin: string): Promise<string> {
  const spec = JSON.parse((await $({ quiet: true })`${join(containerdBin, "ctr")} oci spec`).stdout) as {
    hooks?: { createContainer?: { path: string }[] };
    process: { rlimits?: unknown };
  };
  spec.hooks = { ...spec.hooks, createContainer: [...(spec.hooks?.createContainer ?? []), { path: "/kind/bin/mount-product-files.sh" }] };
  delete spec.process.rlimits;
  return JSON.stringify(spec, null, 2);
}

/**
 * Imports the archives into a containerd store under the node's /var/lib/containerd, with a containerd of the
 * same version started on the host for that only. Not unpacked: the node's containerd unpacks on first use,
 * as with the images `kind build node-image` imports.
 */
async function importImages(containerdBin: string, root: string, archives: string[]): Promise<void> {
  const stateDir = join(nodeImageCache, "import-state");
  const socket = join(stateDir, "containerd.sock");
  await rm(stateDir, { recursive: true, force: true });
  await mkdir(stateDir, { recursive: true });
  const config = join(stateDir, "config.toml");
  await writeFile(
    config,
    `version = 3\nroot = '${root}'\nstate = '${stateDir}'\ndisabled_plugins = ['io.containerd.grpc.v1.cri', 'io.containerd.cri.v1.images', 'io.containerd.cri.v1.runtime', 'io.containerd.nri.v1.nri']\n[grpc]\n  address = '${socket}'\n[ttrpc]\n  address = '${socket}.ttrpc'\n`,
  );
  const daemon = $({ quiet: true, nothrow: true })`${join(containerdBin, "containerd")} --config ${config}`;
  try {
    const ctr = (args: string[]) => $({ quiet: true, nothrow: true })`${join(containerdBin, "ctr")} --address ${socket} ${args}`;
    for (let i = 0; (await ctr(["version"])).exitCode !== 0; i++) {
      if (i > 50) throw new ClusterError("the containerd that imports the node image's images did not start", (await daemon.nothrow()).stderr);
      await new Promise((r) => setTimeout(r, 200));
    }
    for (const archive of archives) {
      const r = await ctr(["-n", "k8s.io", "images", "import", "--no-unpack", "--local", archive]);
      if (r.exitCode !== 0) throw new ClusterError(`importing ${archive} into the kind node image failed`, r.stderr);
    }
  } finally {
    daemon.kill("SIGTERM");
    await daemon;
    await rm(stateDir, { recursive: true, force: true });
  }
}
