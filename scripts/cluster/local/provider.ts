import { state } from "../paths.ts";
import type { Provider } from "../provider.ts";
import { downLocal } from "./down.ts";
import { statusLocal, usageHint } from "./status.ts";
import { upLocal } from "./up.ts";

export const localProvider: Provider = {
  name: "local",
  up: upLocal,
  down: downLocal,
  status: statusLocal,
  kubeconfig: async () => state.adminKubeconfig,
  hint: usageHint,
};
