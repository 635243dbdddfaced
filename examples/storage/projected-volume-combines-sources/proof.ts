import { defineProof } from "#proof";

interface Volume {
  name: string;
  projected?: { sources: Record<string, unknown>[] };
}

export default defineProof({
  title: {
    en: "A projected volume puts a ConfigMap, a Secret, downward API fields and a token in one directory",
    "zh-cn": "投射卷把 ConfigMap、Secret、downward API 字段和令牌放进同一个目录",
  },
  async run(p) {
    await p.step("kubectl apply -f secret.yaml -f configmap.yaml -f pod.yaml", {
      expect: "secret/api-credentials created\nconfigmap/app-config created\npod/demo created",
    });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    await p.step("kubectl exec demo -- ls /etc/bundle", {
      expect: "api-key\nmode\npod-name\ntoken",
      note: {
        en: "One mount, four files from four kinds of source.",
        "zh-cn": "一个挂载点，四个文件，来自四种来源。",
      },
    });
    await p.step("kubectl exec demo -- sh -c 'cd /etc/bundle && grep . mode api-key pod-name'", {
      expect: "mode:blue\napi-key:s3cr3t-key\npod-name:demo",
      note: {
        en: "mode from the ConfigMap, api-key from the Secret, pod-name from the Pod's own metadata (downward API).",
        "zh-cn": "mode 来自 ConfigMap，api-key 来自 Secret，pod-name 来自 Pod 自己的元数据（downward API）。",
      },
    });
    // A JWT is header.payload.signature, each part base64url without padding: take the payload, restore the
    // standard alphabet, pad (BusyBox's base64 accepts surplus '='), decode.
    await p.step(`kubectl exec demo -- sh -c 'echo "$(cut -d. -f2 /etc/bundle/token)==" | tr _- /+ | base64 -d'`, {
      expect: (out) => {
        const c = JSON.parse(out) as { aud: string[]; exp: number; iat: number; "kubernetes.io": { pod: { name: string } } };
        return JSON.stringify(c.aud) === '["example.com"]' && c.exp - c.iat === 600 && c["kubernetes.io"].pod.name === "demo";
      },
      note: {
        en: "token is a service account token the kubelet requested for this Pod: audience example.com, valid 600 s, as the serviceAccountToken source asked.",
        "zh-cn": "token 是 kubelet 为这个 Pod 申请的服务账号令牌：受众 example.com，有效期 600 秒，正是 serviceAccountToken 来源所要求的。",
      },
    });
    await p.step("kubectl exec demo -- ls /var/run/secrets/kubernetes.io/serviceaccount", {
      expect: "ca.crt\nnamespace\ntoken",
      note: {
        en: "The default service account mount, which pod.yaml does not mention: a token, the cluster's CA certificate and the namespace.",
        "zh-cn": "默认的服务账号挂载（pod.yaml 里并没有写）：令牌、集群 CA 证书和命名空间。",
      },
    });
    await p.step(`kubectl get pod demo -o jsonpath='{.spec.volumes[?(@.name!="bundle")]}'`, {
      expect: (out) => {
        const v = JSON.parse(out) as Volume;
        const kinds = (v.projected?.sources ?? []).map((s) => Object.keys(s).join(","));
        return /^kube-api-access-[a-z0-9]{5}$/.test(v.name) && kinds.join(" ") === "serviceAccountToken configMap downwardAPI";
      },
      note: {
        en: "It comes from a projected volume that admission added to the Pod: a serviceAccountToken, the ca.crt key of ConfigMap kube-root-ca.crt, and the namespace from the downward API.",
        "zh-cn": "它来自准入控制给 Pod 加上的一个投射卷：一个 serviceAccountToken、ConfigMap kube-root-ca.crt 的 ca.crt 键，以及来自 downward API 的命名空间。",
      },
    });
  },
});
