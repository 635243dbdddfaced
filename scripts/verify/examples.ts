// Finding examples and hashing their folders: the hash ties a transcript to the files it proved.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

export const examplesDir = join(import.meta.dirname, "..", "..", "examples");

function filesBelow(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((e) => {
      const p = join(dir, e);
      return statSync(p).isDirectory() ? filesBelow(p) : [p];
    })
    .sort();
}

/** Proof ids: folder paths under examples/ that hold a proof.ts. */
export function listExampleIds(dir = examplesDir): string[] {
  if (!existsSync(dir)) return [];
  return filesBelow(dir)
    .filter((f) => f.endsWith(`${sep}proof.ts`))
    .map((f) => relative(dir, f).split(sep).slice(0, -1).join("/"))
    .sort();
}

export function exampleHash(id: string, dir = examplesDir): string {
  const root = join(dir, id);
  const h = createHash("sha256");
  for (const f of filesBelow(root)) {
    h.update(relative(root, f).split(sep).join("/")).update("\0").update(readFileSync(f)).update("\0");
  }
  return h.digest("hex");
}

/** The manifests a reader applies: every YAML file of the folder, in name order. */
export function manifestFiles(id: string, dir = examplesDir): string[] {
  return readdirSync(join(dir, id))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
}

/** Ids matching any filter: an exact id or a folder above it ("env"); a filter matching none is an error. */
export function selectIds(ids: string[], filters: string[]): string[] {
  if (!filters.length) return ids;
  const matches = (id: string, f: string) => id === f.replace(/\/$/, "") || id.startsWith(`${f.replace(/\/$/, "")}/`);
  const unknown = filters.filter((f) => !ids.some((id) => matches(id, f)));
  if (unknown.length) throw new Error(`no proof matches ${unknown.map((f) => `"${f}"`).join(", ")} (ids are folders under examples/)`);
  return ids.filter((id) => filters.some((f) => matches(id, f)));
}

/** Namespace for a proof: readable and stable, so transcripts read the same on every run. */
export function namespaceFor(id: string): string {
  const base = id.replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  if (base.length <= 63) return base;
  const suffix = createHash("sha256").update(id).digest("hex").slice(0, 6);
  return `${base.slice(0, 56).replace(/-$/, "")}-${suffix}`;
}
