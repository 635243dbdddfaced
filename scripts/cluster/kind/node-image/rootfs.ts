// The Debian root filesystem of the offline kind node image: what kind's base image (images/base/Dockerfile)
// installs on top of debian-slim, made with debootstrap from Debian's package mirror because no registry
// can serve a base image here. Cached as a directory, keyed by suite, package list and the fix-ups below.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { $ } from "zx";
import { ClusterError, timed } from "../../log.ts";
import { cacheRoot } from "../../paths.ts";
import { hostAptSources, mirrorFromSources } from "./apt-mirror.ts";

export const nodeImageCache = join(cacheRoot, "kind-node");
const suite = "bookworm";
// kind's base image list without nfs-common, open-iscsi, fuse-overlayfs and curl, which no proof uses (jq stays:
// kind's createContainer hook needs it); ipset for network plugins that keep their address sets in it.
const packages = [
  "systemd", "systemd-sysv", "conntrack", "iptables", "nftables", "ipset", "iproute2", "ethtool", "util-linux",
  "mount", "kmod", "libseccomp2", "pigz", "e2fsprogs", "bash", "ca-certificates", "procps", "jq",
];
// kind's base image does the same after installing: no units but the ones kind enables, no kernel log reading.
const fixups = `set -eu
find /lib/systemd/system/sysinit.target.wants/ -name systemd-tmpfiles-setup.service -delete
rm -f /lib/systemd/system/multi-user.target.wants/* /etc/systemd/system/*.wants/* /lib/systemd/system/local-fs.target.wants/*
rm -f /lib/systemd/system/sockets.target.wants/*udev* /lib/systemd/system/sockets.target.wants/*initctl* /lib/systemd/system/basic.target.wants/*
echo ReadKMsg=no >> /etc/systemd/journald.conf
mkdir -p /etc/kubernetes/manifests
apt-get clean
rm -rf /var/lib/apt/lists/* /var/log/*.log /var/cache/debconf/*-old
`;

const key = createHash("sha256").update(JSON.stringify({ suite, packages, fixups })).digest("hex").slice(0, 12);

/** Returns the directory holding the root filesystem, making it first when the cache lacks it. */
export async function ensureNodeRootfs(): Promise<string> {
  const dir = join(nodeImageCache, `rootfs-${suite}-${key}`);
  if (existsSync(dir)) return dir;
  if (process.getuid?.() !== 0) throw new ClusterError("building the kind node image's root filesystem needs root (debootstrap)");
  if ((await $({ quiet: true, nothrow: true })`command -v debootstrap`).exitCode !== 0) {
    throw new ClusterError("debootstrap is missing: install Debian's debootstrap (apt-get install -y debootstrap)");
  }
  const sources = hostAptSources();
  const mirror = process.env.DEBIAN_MIRROR || mirrorFromSources(sources, suite);
  if (!mirror) {
    throw new ClusterError(
      `no Debian archive with component main in this host's apt sources (${sources.map((f) => f.name).join(", ") || "none found in /etc/apt"}): set DEBIAN_MIRROR to the Debian mirror to debootstrap ${suite} from`,
    );
  }
  const partial = `${dir}.partial`;
  await rm(partial, { recursive: true, force: true });
  await timed(`debootstrap ${suite} for the kind node image (${mirror})`, async () => {
    const r = await $({ quiet: true, nothrow: true })`debootstrap --variant=minbase --include=${packages.join(",")} ${suite} ${partial} ${mirror}`;
    if (r.exitCode !== 0) {
      throw new ClusterError(`debootstrap of ${suite} from ${mirror} failed`, `${r.stdout}\n${r.stderr}`.trim().split("\n").slice(-15).join("\n"));
    }
    await $({ quiet: true })`chroot ${partial} /bin/sh -c ${fixups}`;
  });
  // Root filesystems of an earlier package list are never used again.
  for (const old of await readdir(nodeImageCache)) {
    if (old.startsWith(`rootfs-${suite}-`) && join(nodeImageCache, old) !== partial) await rm(join(nodeImageCache, old), { recursive: true, force: true });
  }
  await rename(partial, dir);
  return dir;
}
