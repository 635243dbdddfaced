import { defineProof, that } from "#proof";

export default defineProof({
  title: {
    en: "A new ServiceAccount gets no token Secret; kubectl create token issues a short-lived token",
    "zh-cn": "新建的 ServiceAccount 不会得到令牌 Secret；kubectl create token 签发短期令牌",
  },
  async run(p) {
    await p.step("kubectl apply -f serviceaccount.yaml", { expect: "serviceaccount/build-bot created" });
    await p.step("kubectl get serviceaccount build-bot -o jsonpath='{.secrets}'", {
      expect: "",
      note: {
        en: "The ServiceAccount references no Secret: before v1.24 a controller created a kubernetes.io/service-account-token Secret here, holding a token that never expired.",
        "zh-cn": "这个 ServiceAccount 没有引用任何 Secret：v1.24 之前，会有控制器在这里创建一个 kubernetes.io/service-account-token 类型的 Secret，里面的令牌永不过期。",
      },
    });
    // The current time comes from the same command, so the check can be re-read from the output alone.
    await p.step(
      "date -u +%Y-%m-%dT%H:%M:%SZ && kubectl create token build-bot --duration=10m -o jsonpath='{.spec.expirationSeconds} {.status.expirationTimestamp}'",
      {
        expect: that(
          {
            en: "expirationSeconds is 600, and expirationTimestamp is 8 to 12 minutes after the time date printed first",
            "zh-cn": "expirationSeconds 为 600，expirationTimestamp 比 date 先打印的时间晚 8 到 12 分钟",
          },
          (out) => {
            const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)\n600 (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)$/.exec(out);
            if (!m) return false;
            const lifetime = (Date.parse(m[2]) - Date.parse(m[1])) / 1000;
            return lifetime > 480 && lifetime <= 720;
          },
        ),
        note: {
          en: "The current time, then a token: kubectl create token calls the TokenRequest API. The token asked for lives 600 s, and the API server says when it expires: about ten minutes from the time above.",
          "zh-cn": "先是当前时间，然后是令牌：kubectl create token 调用的是 TokenRequest API。所申请的令牌有效期 600 秒，API server 给出了它的过期时间：比上面的时间晚大约十分钟。",
        },
      },
    );
    await p.step(`kubectl config set-credentials build-bot --token="$(kubectl create token build-bot --duration=10m)"`, {
      expect: 'User "build-bot" set.',
    });
    await p.step("kubectl auth whoami --user=build-bot", {
      expect: that(
        {
          en: `Username is system:serviceaccount:${p.namespace}:build-bot, the credential id is a token id (JTI=…), and no pod-name appears`,
          "zh-cn": `Username 为 system:serviceaccount:${p.namespace}:build-bot，凭据 ID 是令牌 ID（JTI=…），没有出现 pod-name`,
        },
        (out) =>
          new RegExp(`^Username\\s+system:serviceaccount:${p.namespace}:build-bot$`, "m").test(out) &&
          /^Extra: authentication\.kubernetes\.io\/credential-id\s+\[JTI=[0-9a-f-]{36}\]$/m.test(out) &&
          !/pod-name/.test(out),
      ),
      note: {
        en: "The token authenticates as the ServiceAccount. It is bound to no Pod, only to its expiry.",
        "zh-cn": "这个令牌被认证为该 ServiceAccount。它不绑定任何 Pod，只受过期时间约束。",
      },
    });
    await p.step("kubectl get secrets", {
      expect: `No resources found in ${p.namespace} namespace.`,
      note: {
        en: "Still no Secret in the namespace: issued tokens are not stored in the API at all.",
        "zh-cn": "命名空间里仍然没有任何 Secret：签发的令牌根本不存储在 API 中。",
      },
    });
    await p.step("kubectl config delete-user build-bot", { expect: /^deleted user build-bot from / });
  },
});
