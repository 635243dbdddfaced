// kubectl as the cluster admin, for the provider's own set-up steps.
import { join } from "node:path";
import { $ } from "zx";
import { binDir } from "../paths.ts";
import { state } from "../paths.ts";
import { versions } from "../versions.ts";

export const kubectlPath = join(binDir(`kubernetes-${versions.kubernetes}`), "kubectl");

export function kubectl(args: string[], input?: string) {
  return $({ quiet: true, nothrow: true, input, env: { ...process.env, KUBECONFIG: state.adminKubeconfig } })`${kubectlPath} ${args}`;
}
