import { defineProof, that } from "#proof";

interface Volume {
  name: string;
  projected?: {
    sources: {
      serviceAccountToken?: { path?: string };
      configMap?: { name?: string; items?: { key: string; path: string }[] };
      downwardAPI?: { items?: { path: string; fieldRef?: { fieldPath?: string } }[] };
    }[];
  };
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
      expect: that(
        {
          en: "the token's claims: audience (aud) only example.com, exp − iat = 600 s, and the Pod it was issued for is demo",
          "zh-cn": "令牌的声明：受众（aud）只有 example.com，exp − iat = 600 秒，签发对象 Pod 是 demo",
        },
        (out) => {
          const c = JSON.parse(out) as { aud: string[]; exp: number; iat: number; "kubernetes.io": { pod: { name: string } } };
          return JSON.stringify(c.aud) === '["example.com"]' && c.exp - c.iat === 600 && c["kubernetes.io"].pod.name === "demo";
        },
      ),
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
      expect: that(
        {
          en: "one other volume, kube-api-access-…, projected from three sources: a serviceAccountToken at path token, the key ca.crt of ConfigMap kube-root-ca.crt, and the downward API field metadata.namespace at path namespace",
          "zh-cn": "另有一个卷 kube-api-access-…，由三个来源投射而成：路径为 token 的 serviceAccountToken、ConfigMap kube-root-ca.crt 的 ca.crt 键，以及路径为 namespace 的 downward API 字段 metadata.namespace",
        },
        (out) => {
          const v = JSON.parse(out) as Volume;
          const [token, ca, ns, ...more] = v.projected?.sources ?? [];
          const caItems = ca?.configMap?.items ?? [];
          const nsItems = ns?.downwardAPI?.items ?? [];
          return (
            /^kube-api-access-[a-z0-9]{5}$/.test(v.name) &&
            more.length === 0 &&
            token?.serviceAccountToken?.path === "token" &&
            ca?.configMap?.name === "kube-root-ca.crt" && caItems.length === 1 && caItems[0].key === "ca.crt" && caItems[0].path === "ca.crt" &&
            nsItems.length === 1 && nsItems[0].path === "namespace" && nsItems[0].fieldRef?.fieldPath === "metadata.namespace"
          );
        },
      ),
      note: {
        en: "It comes from a projected volume that admission added to the Pod: a serviceAccountToken, the ca.crt key of ConfigMap kube-root-ca.crt, and the namespace from the downward API.",
        "zh-cn": "它来自准入控制给 Pod 加上的一个投射卷：一个 serviceAccountToken、ConfigMap kube-root-ca.crt 的 ca.crt 键，以及来自 downward API 的命名空间。",
      },
    });
  },
});
