// The clusters proofs can run on. `local` is started from upstream components on this machine; `kind`
// needs a Docker engine; `existing` is whatever the current kubeconfig context points at.
export interface UpOptions {
  /** Worker nodes beside the control plane (kind only). */
  workers?: number;
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
}

export const providerNames = ["local", "kind", "existing"] as const;
export type ProviderName = (typeof providerNames)[number];

export function parseProviderName(value: string): ProviderName {
  if ((providerNames as readonly string[]).includes(value)) return value as ProviderName;
  throw new Error(`unknown provider "${value}": use one of ${providerNames.join(", ")}`);
}
