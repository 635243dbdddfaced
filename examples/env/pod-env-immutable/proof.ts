import { defineProof } from "#proof";

const forbidden = /Forbidden: pod updates may not change fields other than/;

export default defineProof({
  title: {
    en: "A Pod's env cannot be changed: the API server rejects the update",
    "zh-cn": "Pod 的 env 无法修改：API server 会拒绝更新",
  },
  async run(p) {
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/demo created" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    await p.step("kubectl set env pod/demo MODE=green", {
      exitCode: "nonzero",
      expect: forbidden,
      note: {
        en: "kubectl set env on a Pod: rejected. The message lists the few fields a Pod update may change; env is not one of them.",
        "zh-cn": "对 Pod 执行 kubectl set env：被拒绝。错误信息列出了 Pod 更新时允许修改的少数字段，env 不在其中。",
      },
    });
    await p.step("sed 's/value: blue/value: green/' pod.yaml | kubectl apply -f -", {
      exitCode: "nonzero",
      expect: forbidden,
      note: {
        en: "Applying the manifest with a changed value: rejected the same way.",
        "zh-cn": "应用修改过值的清单：同样被拒绝。",
      },
    });
    await p.step("kubectl get pod demo -o jsonpath='{.spec.containers[0].env}'", {
      expect: '[{"name":"MODE","value":"blue"}]',
      note: { en: "The stored spec is unchanged.", "zh-cn": "存储的 spec 没有变化。" },
    });
    await p.step(`kubectl exec demo -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep MODE'`, {
      expect: "MODE=blue",
      note: {
        en: "And so is the process. To change env, change a controller's template (or delete and recreate the Pod).",
        "zh-cn": "进程里的值也一样。要改 env，就去改控制器的模板（或者删除后重建 Pod）。",
      },
    });
  },
});
