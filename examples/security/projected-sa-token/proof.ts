import { defineProof, that } from "#proof";

// A JWT is header.payload.signature, each part base64url without padding: take the payload, restore the
// standard alphabet, pad (BusyBox's base64 accepts surplus '='), decode.
const payload = (file: string) => `kubectl exec demo -- sh -c 'echo "$(cut -d. -f2 ${file})==" | tr _- /+ | base64 -d'`;

interface Claims {
  aud: string[];
  exp: number;
  iat: number;
  nbf: number;
  sub: string;
  "kubernetes.io": { namespace: string; pod?: { name: string; uid: string }; serviceaccount: { name: string }; warnafter?: number };
}
const parse = (out: string) => JSON.parse(out) as Claims;

export default defineProof({
  title: {
    en: "The service account token in a Pod is projected, names the Pod and expires",
    "zh-cn": "Pod 里的服务账号令牌是投射进来的，写明了所属 Pod，并且会过期",
  },
  async run(p) {
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/demo created" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    const { output: uid } = await p.step("kubectl get pod demo -o jsonpath='{.metadata.uid}'", { expect: /^[0-9a-f-]{36}$/ });
    await p.step("kubectl exec demo -- ls /var/run/secrets/kubernetes.io/serviceaccount", {
      expect: "ca.crt\nnamespace\ntoken",
      note: {
        en: "Nothing about service accounts is in pod.yaml, yet the container has the API credentials: the token, the cluster CA and the namespace.",
        "zh-cn": "pod.yaml 里没有写任何服务账号相关的内容，容器里却有访问 API 的凭据：令牌、集群 CA 和命名空间。",
      },
    });
    await p.step(
      `kubectl get pod demo -o jsonpath='{range .spec.volumes[*]}{.name}{": "}{.projected.sources[*].serviceAccountToken}{"\\n"}{end}'`,
      {
        expect: /^vault-token: \{"audience":"vault","expirationSeconds":600,"path":"token"\}\nkube-api-access-[a-z0-9]{5}: \{"expirationSeconds":3607,"path":"token"\}$/,
        note: {
          en: "Admission added a projected volume kube-api-access-…: its serviceAccountToken source asks for a token valid 3607 s; the kubelet obtains it through the TokenRequest API. Our own volume asks for one for audience vault, valid 600 s.",
          "zh-cn": "准入控制添加了一个投射卷 kube-api-access-…：其中的 serviceAccountToken 来源申请一个有效期 3607 秒的令牌，由 kubelet 通过 TokenRequest API 获取。我们自己的卷申请一个受众为 vault、有效期 600 秒的令牌。",
        },
      },
    );
    await p.step(payload("/var/run/secrets/kubernetes.io/serviceaccount/token"), {
      expect: that(
        {
          en: `sub is system:serviceaccount:${p.namespace}:default; aud is not empty and does not include vault; kubernetes.io names namespace ${p.namespace}, ServiceAccount default and Pod demo with uid ${uid}; exp is one year (365 days) after iat; warnafter is 3607 s after iat`,
          "zh-cn": `sub 为 system:serviceaccount:${p.namespace}:default；aud 不为空，且不包含 vault；kubernetes.io 中写明命名空间 ${p.namespace}、ServiceAccount default，以及 uid 为 ${uid} 的 Pod demo；exp 比 iat 晚一年（365 天）；warnafter 比 iat 晚 3607 秒`,
        },
        (out) => {
          const c = parse(out);
          const k = c["kubernetes.io"];
          return (
            c.sub === `system:serviceaccount:${p.namespace}:default` &&
            c.aud.length > 0 &&
            !c.aud.includes("vault") &&
            k.namespace === p.namespace &&
            k.serviceaccount.name === "default" &&
            k.pod?.name === "demo" &&
            k.pod.uid === uid &&
            c.exp - c.iat === 365 * 24 * 3600 &&
            k.warnafter !== undefined &&
            k.warnafter - c.iat === 3607
          );
        },
      ),
      note: {
        en: "The default token's payload: it is for the API server's audience, not vault, names the ServiceAccount and this Pod (name and uid), and has an expiry. The API server's default --service-account-extend-token-expiration stretches exp to a year (so old clients that never re-read the file keep working) and sets warnafter at the requested 3607 s: after that, use of the token is flagged as stale.",
        "zh-cn": "默认令牌的载荷：受众是 API server 而不是 vault，写明了 ServiceAccount 和这个 Pod（名字和 uid），并且有过期时间。API server 默认开启的 --service-account-extend-token-expiration 把 exp 延长到一年（让从不重新读取文件的旧客户端继续可用），并把 warnafter 设在所申请的 3607 秒处：超过之后再使用该令牌会被标记为过期令牌。",
      },
    });
    await p.step(payload("/var/run/secrets/tokens/token"), {
      expect: that(
        {
          en: `aud is exactly ["vault"]; exp is 600 s after iat; there is no warnafter; the Pod named is demo, with uid ${uid}`,
          "zh-cn": `aud 恰好是 ["vault"]；exp 比 iat 晚 600 秒；没有 warnafter；写明的 Pod 是 demo，uid 为 ${uid}`,
        },
        (out) => {
          const c = parse(out);
          const k = c["kubernetes.io"];
          return JSON.stringify(c.aud) === '["vault"]' && c.exp - c.iat === 600 && k.warnafter === undefined && k.pod?.name === "demo" && k.pod.uid === uid;
        },
      ),
      note: {
        en: "Our own token: audience vault only, and it really expires after 600 s, with no extension. It is bound to the same Pod.",
        "zh-cn": "我们自己的令牌：受众只有 vault，并且 600 秒后真正过期，没有延长。它绑定的是同一个 Pod。",
      },
    });
    await p.step(`kubectl config set-credentials vault-token --token="$(kubectl exec demo -- cat /var/run/secrets/tokens/token)"`, {
      expect: 'User "vault-token" set.',
      note: {
        en: "Put that token in the kubeconfig as a user of its own, to present it to the API server.",
        "zh-cn": "把这个令牌作为一个单独的用户写进 kubeconfig，用它去访问 API server。",
      },
    });
    await p.step("kubectl auth whoami --user=vault-token", {
      expect: "error: You must be logged in to the server (Unauthorized)",
      exitCode: "nonzero",
      note: {
        en: "The API server does not accept a token for another audience: it is meant for the service that checks for vault.",
        "zh-cn": "API server 不接受受众是别人的令牌：它是给校验 vault 受众的那个服务用的。",
      },
    });
    await p.step("kubectl config delete-user vault-token", { expect: /^deleted user vault-token from / });
  },
});
