// Every GitHub Actions workflow passes actionlint, built from its Go module (cached like the cluster's builds).
// In the `tooling` project: it needs Go and the Go module proxy, which the `unit` project must not.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { $ } from "zx";
import { ensureGoProgram } from "../../scripts/cluster/build/gomodule.ts";

const workflows = join(import.meta.dirname, "..", "..", ".github", "workflows");

describe("GitHub workflows", () => {
  it("pass actionlint", { timeout: 600_000 }, async () => {
    const dir = await ensureGoProgram({
      name: "actionlint",
      module: "github.com/rhysd/actionlint",
      version: "v1.7.12",
      packages: ["github.com/rhysd/actionlint/cmd/actionlint"],
    });
    const files = readdirSync(workflows).filter((f) => /\.ya?ml$/.test(f)).map((f) => join(workflows, f));
    expect(files.length).toBeGreaterThan(0);
    const r = await $({ nothrow: true, quiet: true })`${join(dir, "actionlint")} -no-color ${files}`;
    expect(r.stdout + r.stderr, "actionlint findings").toBe("");
    expect(r.exitCode).toBe(0);
  });
});
