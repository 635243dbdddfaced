import { defineProof } from "#proof";

const both = "kubectl exec demo -- grep . /etc/app/MODE /config/mode";

export default defineProof({
  title: {
    en: "A ConfigMap key mounted with subPath is not updated",
    "zh-cn": "用 subPath 挂载的 ConfigMap 键不会更新",
  },
  async run(p) {
    await p.step("kubectl apply -f configmap.yaml -f pod.yaml", { expect: "configmap/app-config created\npod/demo created" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    await p.step(both, {
      expect: "/etc/app/MODE:blue\n/config/mode:blue",
      note: {
        en: "The same key, through the directory mount and through the subPath mount.",
        "zh-cn": "同一个键，分别通过目录挂载和 subPath 挂载读取。",
      },
    });
    await p.step(`kubectl patch configmap app-config -p '{"data":{"MODE":"green"}}'`, { expect: "configmap/app-config patched" });
    await p.step(both, {
      until: true,
      timeout: 240,
      expect: /^\/etc\/app\/MODE:green$/m,
      note: {
        en: "Wait until the directory mount has the new value (the kubelet's next sync of the Pod).",
        "zh-cn": "等到目录挂载里出现新值（kubelet 下一次同步这个 Pod 时）。",
      },
    });
    await p.step("kubectl exec demo -- cat /config/mode", {
      expect: "blue",
      note: {
        en: "The subPath file still has the old content: it was bind-mounted once, when the container was created, and the kubelet's update swaps ..data in the volume without touching it.",
        "zh-cn": "subPath 文件仍是旧内容：它只在容器创建时被绑定挂载一次，kubelet 更新卷时切换的是 ..data，不会动到它。",
      },
    });
    await p.step("kubectl get pod demo -o jsonpath='{.status.containerStatuses[0].restartCount}'", {
      expect: "0",
      note: { en: "Same container, no restart.", "zh-cn": "同一个容器，没有重启。" },
    });
  },
});
