import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exampleHash, listExampleIds, manifestFiles, namespaceFor, selectIds } from "../../scripts/verify/examples.ts";

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "examples-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe("examples", () => {
  const root = tree({
    "env/a/proof.ts": "x",
    "env/a/pod.yaml": "kind: Pod",
    "env/a/cm.yml": "kind: ConfigMap",
    "env/ab/proof.ts": "x",
    "storage/b/proof.ts": "x",
    "storage/notes.md": "not a proof",
  });

  it("lists folders that hold a proof.ts as ids", () => {
    expect(listExampleIds(root)).toEqual(["env/a", "env/ab", "storage/b"]);
  });

  it("selects by exact id or by folder, never by a partial name", () => {
    const ids = listExampleIds(root);
    expect(selectIds(ids, ["env"])).toEqual(["env/a", "env/ab"]);
    expect(selectIds(ids, ["env/a"])).toEqual(["env/a"]);
    expect(() => selectIds(ids, ["en"])).toThrow(/no proof matches "en"/);
  });

  it("hashes file names and contents", () => {
    const h = exampleHash("env/a", root);
    writeFileSync(join(root, "env/a/pod.yaml"), "kind: Pod # changed");
    expect(exampleHash("env/a", root)).not.toBe(h);
  });

  it("lists manifests in name order", () => {
    expect(manifestFiles("env/a", root)).toEqual(["cm.yml", "pod.yaml"]);
  });

  it("derives valid, stable namespace names", () => {
    expect(namespaceFor("env/literal-survives-container-restart")).toBe("env-literal-survives-container-restart");
    const long = namespaceFor(`resource-management/${"x".repeat(80)}`);
    expect(long.length).toBeLessThanOrEqual(63);
    expect(long).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
    expect(namespaceFor(`resource-management/${"x".repeat(80)}`)).toBe(long);
  });
});
