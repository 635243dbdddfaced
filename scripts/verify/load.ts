// Loading a proof module: examples/<id>/proof.ts, default export of defineProof.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { ProofDefinition } from "./proof.ts";

export async function loadProof(id: string, root: string): Promise<ProofDefinition> {
  const mod = (await import(pathToFileURL(join(root, id, "proof.ts")).href)) as { default?: ProofDefinition };
  if (!mod.default?.run || !mod.default.title) throw new Error(`examples/${id}/proof.ts must export default defineProof({ title, run })`);
  return mod.default;
}
