import { defineProof, tableRows as rows, that } from "#proof";

export default defineProof({
  title: {
    en: "optional: true on a missing ConfigMap, key or Secret: the container runs without those variables",
    "zh-cn": "optional: true 引用缺失的 ConfigMap、键或 Secret：容器照常运行，只是没有这些变量",
  },
  async run(p) {
    await p.step("kubectl apply -f configmap.yaml -f pod.yaml", {
      expect: "configmap/app-config created\npod/demo created",
    });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", {
      expect: "pod/demo condition met",
      note: {
        en: "Every missing reference is marked optional, so the kubelet creates the container anyway.",
        "zh-cn": "缺失的引用都标了 optional，kubelet 照样创建容器。",
      },
    });
    await p.step("kubectl get configmap,secret", {
      expect: that(
        {
          en: "configmap/app-config is listed, and no object whose name contains no-such",
          "zh-cn": "列出了 configmap/app-config，没有任何名字含 no-such 的对象",
        },
        (o) => {
          const names = rows(o).map((r) => r[0]);
          return names.includes("configmap/app-config") && !names.some((n) => n.includes("no-such"));
        },
      ),
      note: {
        en: "app-config exists; no-such-config and no-such-secret do not. (kube-root-ca.crt is the cluster's CA bundle, put in every namespace.)",
        "zh-cn": "app-config 存在；no-such-config 和 no-such-secret 都不存在。（kube-root-ca.crt 是集群的 CA 证书包，每个命名空间里都有。）",
      },
    });
    await p.step(`kubectl exec demo -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | sort'`, {
      expect: that(
        {
          en: "COLOR=blue; besides it and the KUBERNETES_* variables, exactly HOME, HOSTNAME and PATH",
          "zh-cn": "有 COLOR=blue；除它和 KUBERNETES_* 变量外，恰好只有 HOME、HOSTNAME、PATH",
        },
        (o) => {
          const names = o.split("\n").map((l) => l.split("=")[0]).filter((n) => !n.startsWith("KUBERNETES_"));
          return o.split("\n").includes("COLOR=blue") && names.join(" ") === "COLOR HOME HOSTNAME PATH";
        },
      ),
      note: {
        en: "PID 1's whole environment: COLOR is set; FROM_MISSING_KEY, FROM_MISSING_CONFIGMAP and FROM_MISSING_SECRET are absent (not empty), and the two optional envFrom sources added nothing. The rest is PATH, HOME and HOSTNAME, which the image and the container runtime set, and the KUBERNETES_* Service variables.",
        "zh-cn": "PID 1 的完整环境：COLOR 有值；FROM_MISSING_KEY、FROM_MISSING_CONFIGMAP、FROM_MISSING_SECRET 根本不存在（而不是空值），两个 optional 的 envFrom 来源也没有带来任何变量。其余是镜像和容器运行时设置的 PATH、HOME、HOSTNAME，以及 KUBERNETES_* 这组 Service 变量。",
      },
    });
  },
});
