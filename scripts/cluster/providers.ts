import { existingProvider } from "./existing/provider.ts";
import { kindProvider } from "./kind/provider.ts";
import { localProvider } from "./local/provider.ts";
import type { Provider, ProviderName } from "./provider.ts";

export function getProvider(name: ProviderName): Provider {
  return { local: localProvider, kind: kindProvider, existing: existingProvider }[name];
}
