import { defineProof } from "#proof";

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
      expect: (o) => /^configmap\/app-config\s/m.test(o) && !/no-such/.test(o),
      note: {
        en: "Only app-config exists; no-such-config and no-such-secret do not.",
        "zh-cn": "只有 app-config 存在；no-such-config 和 no-such-secret 都不存在。",
      },
    });
    await p.step(`kubectl exec demo -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | sort'`, {
      expect: (o) => {
        const names = o.split("\n").map((l) => l.split("=")[0]).filter((n) => !n.startsWith("KUBERNETES_"));
        return o.split("\n").includes("COLOR=blue") && names.join(" ") === "COLOR HOME HOSTNAME PATH";
      },
      note: {
        en: "PID 1's whole environment: COLOR is set; FROM_MISSING_KEY, FROM_MISSING_CONFIGMAP and FROM_MISSING_SECRET are absent (not empty), and the two optional envFrom sources added nothing. The rest is the image's PATH, HOME and HOSTNAME, and the KUBERNETES_* Service variables.",
        "zh-cn": "PID 1 的完整环境：COLOR 有值；FROM_MISSING_KEY、FROM_MISSING_CONFIGMAP、FROM_MISSING_SECRET 根本不存在（而不是空值），两个 optional 的 envFrom 来源也没有带来任何变量。其余是镜像自带的 PATH、HOME、HOSTNAME，以及 KUBERNETES_* 这组 Service 变量。",
      },
    });
  },
});
