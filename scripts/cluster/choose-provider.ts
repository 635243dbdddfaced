import { kindUsable } from "./kind/provider.ts";
import { parseProviderName, type ProviderName } from "./provider.ts";

/** --provider, else K8S_PROVEN_PROVIDER, else kind where a Docker engine runs, else local. */
export async function chooseProvider(explicit?: string): Promise<ProviderName> {
  const named = explicit ?? process.env.K8S_PROVEN_PROVIDER;
  if (named) return parseProviderName(named);
  return (await kindUsable()) ? "kind" : "local";
}
