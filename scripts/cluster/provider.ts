// The clusters proofs can run on. `local` is started from upstream components on this machine; `kind`
// needs a Docker engine; `existing` is whatever the current kubeconfig context points at.
import type { Capability } from "../verify/proof.ts";
import type { UpLedger } from "./rollback.ts";

export interface UpOptions {
  /** Worker nodes beside the control plane (kind only). */
  workers?: number;
  /** --retain: a failed create keeps what it made (kind's own --retain keeps its nodes). */
  retain?: boolean;
  /** Where up notes what it starts, with its undo, so a failed up can be rolled back (rollback.ts). */
  ledger?: UpLedger;
}

export interface Provider {
  name: "local" | "kind" | "existing";
  up(options?: UpOptions): Promise<void>;
  down(): Promise<void>;
  /** Prints the state; true when the cluster is usable. */
  status(): Promise<boolean>;
  /** Path of a kubeconfig whose current context reaches the cluster as an admin (undefined: the user's own). */
  kubeconfig(): Promise<string | undefined>;
  /** Printed after `up`: how to point kubectl at the cluster. */
  hint(): string;
  /** What the running cluster offers the proofs; `env` reaches it as admin (KUBECONFIG, PATH). */
  capabilities(env: NodeJS.ProcessEnv): Promise<Set<Capability>>;
  /**
   * The kubectl built for this cluster's Kubernetes version (`v1.37.2`), if this machine has one; otherwise the
   * proofs use the kubectl on PATH.
   */
  kubectl(serverVersion: string): string | undefined;
  /** What this provider knows of its cluster beyond the API: cgroup version, kube-proxy mode, network plugin. */
  facts(env: NodeJS.ProcessEnv): Promise<ProviderFacts>;
  /** Where the cluster's kubelet keeps pod volumes on this machine, when it runs here (local); for the leftover check. */
  kubeletRootOnHost?: string;
}

/** Facts about a cluster that matter for what a proof shows; recorded with every run. */
export interface ProviderFacts {
  cgroup?: "v1" | "v2";
  proxyMode?: string;
  cni?: string;
}

export const providerNames = ["local", "kind", "existing"] as const;
export type ProviderName = (typeof providerNames)[number];

export function parseProviderName(value: string): ProviderName {
  if ((providerNames as readonly string[]).includes(value)) return value as ProviderName;
  throw new Error(`unknown provider "${value}": use one of ${providerNames.join(", ")}`);
}
