// Health probes over HTTPS with a client certificate (etcd and the API server require one).
import { readFileSync } from "node:fs";
import { request } from "node:https";
import { pkiFile } from "./pki.ts";

export function httpsGetOk(url: string, ca: string, cert: string): Promise<boolean> {
  return httpsGetStatus(url, ca, cert).then((status) => status === 200);
}

/** The HTTP status of a GET (0 when there is no answer), trusting the named CA, with an optional client certificate. */
export function httpsGetStatus(url: string, ca: string, cert?: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        ca: readFileSync(pkiFile(ca, "crt")),
        ...(cert ? { cert: readFileSync(pkiFile(cert, "crt")), key: readFileSync(pkiFile(cert, "key")) } : {}),
        timeout: 2000,
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on("error", () => resolve(0));
    req.on("timeout", () => req.destroy());
    req.end();
  });
}
