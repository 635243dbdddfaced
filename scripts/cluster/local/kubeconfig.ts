// Self-contained kubeconfig files (certificates embedded), one per client identity.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { stringify } from "yaml";
import { state } from "../paths.ts";
import { pkiFile } from "./pki.ts";
import { topology } from "./topology.ts";

const b64 = async (path: string) => (await readFile(path)).toString("base64");

export const kubeconfigPath = (identity: string) => join(state.kubeconfigs, `${identity}.conf`);

export async function writeKubeconfig(identity: string, certName: string, server = `https://127.0.0.1:${topology.apiPort}`): Promise<string> {
  await mkdir(state.kubeconfigs, { recursive: true, mode: 0o700 });
  const user = identity === "admin" ? "kubernetes-admin" : identity;
  const context = identity === "admin" ? topology.clusterName : `${identity}@${topology.clusterName}`;
  const doc = {
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: topology.clusterName, cluster: { server, "certificate-authority-data": await b64(pkiFile("ca", "crt")) } }],
    users: [
      {
        name: user,
        user: {
          "client-certificate-data": await b64(pkiFile(certName, "crt")),
          "client-key-data": await b64(pkiFile(certName, "key")),
        },
      },
    ],
    contexts: [{ name: context, context: { cluster: topology.clusterName, user } }],
    "current-context": context,
  };
  const path = kubeconfigPath(identity);
  await writeFile(path, stringify(doc), { mode: 0o600 });
  return path;
}
