// Health probes over HTTPS with a client certificate (etcd and the API server require one).
import { readFileSync } from "node:fs";
import { request } from "node:https";
import { pkiFile } from "./pki.ts";

export function httpsGetOk(url: string, ca: string, cert: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        ca: readFileSync(pkiFile(ca, "crt")),
        cert: readFileSync(pkiFile(cert, "crt")),
        key: readFileSync(pkiFile(cert, "key")),
        timeout: 2000,
      },
      (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      },
    );
    req.on("error", () => resolve(false));
    req.on("timeout", () => req.destroy());
    req.end();
  });
}
