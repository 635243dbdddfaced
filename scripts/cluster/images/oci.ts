// Writes OCI image archives (one layer of files, optionally on a root filesystem layer) without a registry or a
// Docker engine: there is no registry to pull from here, so every image the cluster runs is assembled from binaries built or installed locally.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { $ } from "zx";
import { imageDir } from "../paths.ts";

export interface ImageSpec {
  /** The full reference the manifests use, e.g. registry.k8s.io/pause:3.10.2. */
  name: string;
  /** Where each file comes from on the host, keyed by its absolute path in the image. */
  files: Record<string, string>;
  symlinks?: Record<string, string>;
  /** Plain text files written into the image (e.g. /etc/passwd). */
  texts?: Record<string, string>;
  dirs?: Record<string, number>;
  config: {
    Entrypoint?: string[];
    Cmd?: string[];
    Env?: string[];
    User?: string;
    WorkingDir?: string;
  };
  /** Where the image's contents come from, recorded as an OCI annotation for readers who inspect it. */
  source: string;
  /** A directory whose whole tree becomes a first layer beneath the files above (e.g. a Debian root filesystem). */
  baseDir?: string;
}

const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");

/** Returns the path of the image's archive, writing it when the inputs changed since the last time. */
export async function ensureImageArchive(spec: ImageSpec): Promise<string> {
  const inputs = [JSON.stringify(spec)];
  // Size and mtime stand for a binary's content: a rebuild rewrites the file, and hashing ~300 MB of
  // binaries on every `up` would cost seconds.
  for (const src of Object.values(spec.files)) {
    const s = await stat(src);
    inputs.push(`${src}:${s.size}:${s.mtimeMs}`);
  }
  const key = sha256(inputs.join("\n")).slice(0, 16);
  const prefix = `${spec.name.replace(/[^A-Za-z0-9._-]+/g, "_")}-`;
  const archive = join(imageDir, `${prefix}${key}.tar`);
  if (existsSync(archive)) return archive;
  // Archives of earlier inputs for this image are never used again.
  if (existsSync(imageDir)) {
    for (const old of await readdir(imageDir)) if (old.startsWith(prefix) && /^[0-9a-f]{16}\.tar$/.test(old.slice(prefix.length))) await rm(join(imageDir, old));
  }

  const work = await mkdtemp(join(tmpdir(), "k8s-proven-image-"));
  try {
    const rootfs = join(work, "rootfs");
    await mkdir(rootfs);
    for (const [dir, mode] of Object.entries(spec.dirs ?? {})) {
      await mkdir(join(rootfs, dir), { recursive: true });
      await chmod(join(rootfs, dir), mode);
    }
    for (const [path, src] of Object.entries(spec.files)) {
      await mkdir(dirname(join(rootfs, path)), { recursive: true });
      await copyFile(src, join(rootfs, path));
      await chmod(join(rootfs, path), 0o755);
    }
    for (const [path, text] of Object.entries(spec.texts ?? {})) {
      await mkdir(dirname(join(rootfs, path)), { recursive: true });
      await writeFile(join(rootfs, path), text, { mode: 0o644 });
    }
    for (const [path, target] of Object.entries(spec.symlinks ?? {})) {
      await mkdir(dirname(join(rootfs, path)), { recursive: true });
      await symlink(target, join(rootfs, path));
    }
    // Reproducible layer: sorted, owned by root, epoch timestamps.
    const layerPath = join(work, "layer.tar");
    await $({ quiet: true })`tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C ${rootfs} -cf ${layerPath} .`;
    const layers = [await readFile(layerPath)];
    if (spec.baseDir) {
      // Owners kept: a root filesystem has files of other users (e.g. /var/log/journal's group).
      const basePath = join(work, "base.tar");
      await $({ quiet: true })`tar --sort=name --numeric-owner --mtime=@0 -C ${spec.baseDir} -cf ${basePath} .`;
      layers.unshift(await readFile(basePath));
    }
    const digests = layers.map((l) => sha256(l));

    const config = Buffer.from(
      JSON.stringify({
        architecture: "amd64",
        os: "linux",
        config: spec.config,
        rootfs: { type: "layers", diff_ids: digests.map((d) => `sha256:${d}`) },
        history: [{ created_by: spec.source }],
      }),
    );
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: "application/vnd.oci.image.manifest.v1+json",
        config: { mediaType: "application/vnd.oci.image.config.v1+json", digest: `sha256:${sha256(config)}`, size: config.length },
        layers: layers.map((l, i) => ({ mediaType: "application/vnd.oci.image.layer.v1.tar", digest: `sha256:${digests[i]}`, size: l.length })),
        annotations: { "org.opencontainers.image.source": spec.source },
      }),
    );
    const layout = join(work, "layout");
    const blobs = join(layout, "blobs", "sha256");
    await mkdir(blobs, { recursive: true });
    for (const [i, l] of layers.entries()) await writeFile(join(blobs, digests[i]!), l);
    await writeFile(join(blobs, sha256(config)), config);
    await writeFile(join(blobs, sha256(manifest)), manifest);
    await writeFile(join(layout, "oci-layout"), JSON.stringify({ imageLayoutVersion: "1.0.0" }));
    const tag = spec.name.slice(spec.name.lastIndexOf(":") + 1);
    await writeFile(
      join(layout, "index.json"),
      JSON.stringify({
        schemaVersion: 2,
        manifests: [
          {
            mediaType: "application/vnd.oci.image.manifest.v1+json",
            digest: `sha256:${sha256(manifest)}`,
            size: manifest.length,
            platform: { architecture: "amd64", os: "linux" },
            // containerd names the imported image after this annotation.
            annotations: { "io.containerd.image.name": spec.name, "org.opencontainers.image.ref.name": tag },
          },
        ],
      }),
    );
    await mkdir(imageDir, { recursive: true });
    await $({ quiet: true })`tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C ${layout} -cf ${archive}.partial .`;
    await rename(`${archive}.partial`, archive);
    return archive;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
