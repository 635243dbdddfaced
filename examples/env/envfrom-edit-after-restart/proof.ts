import { defineProof } from "#proof";

const pid1 = `kubectl exec demo -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep -E "MODE|NEW_KEY" | sort'`;

export default defineProof({
  title: {
    en: "After a container restart, envFrom gives the ConfigMap's current keys and values",
    "zh-cn": "容器重启后，envFrom 拿到的是 ConfigMap 当前的键和值",
  },
  async run(p) {
    await p.step("kubectl apply -f configmap.yaml -f pod.yaml", { expect: "configmap/app-config created\npod/demo created" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    const { output: uid } = await p.step("kubectl get pod demo -o jsonpath='{.metadata.uid}'", { expect: /^[0-9a-f-]{36}$/ });
    await p.step(pid1, { expect: "MODE=blue" });
    await p.step(`kubectl patch configmap app-config -p '{"data":{"MODE":"green","NEW_KEY":"added"}}'`, {
      expect: "configmap/app-config patched",
      note: { en: "Change a value and add a key.", "zh-cn": "修改一个值，并新增一个键。" },
    });
    await p.step(pid1, {
      expect: "MODE=blue",
      note: { en: "The running process: old value, no new key.", "zh-cn": "运行中的进程：旧值，也没有新键。" },
    });
    await p.step("kubectl exec demo -- killall sleep", {
      // The exec can die with the container it stops (137); the next steps check what the kill did.
      exitCode: [0, 137],
      note: {
        en: "End the main process's work: the container exits with an error and the kubelet restarts it.",
        "zh-cn": "结束主进程的工作进程：容器以错误退出，kubelet 会重启它。",
      },
    });
    await p.step("kubectl get pod demo -o jsonpath='{.status.containerStatuses[0].restartCount}'", { until: true, expect: "1" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    await p.step(pid1, {
      expect: "MODE=green\nNEW_KEY=added",
      note: {
        en: "The new container has the changed value and the added key: envFrom is expanded again at every container creation.",
        "zh-cn": "新容器既有修改后的值，也有新增的键：每次创建容器时 envFrom 都会重新展开。",
      },
    });
    await p.step("kubectl get pod demo -o jsonpath='{.metadata.uid} {.status.containerStatuses[0].restartCount}'", {
      expect: `${uid} 1`,
      note: { en: "Same Pod, one container restart.", "zh-cn": "同一个 Pod，容器重启了一次。" },
    });
  },
});
