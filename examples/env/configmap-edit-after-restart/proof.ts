import { defineProof } from "#proof";

const pid1 = `kubectl exec demo -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep MODE'`;

export default defineProof({
  title: {
    en: "After a container restart, a ConfigMap reference gives the current value",
    "zh-cn": "容器重启后，ConfigMap 引用拿到的是当前的值",
  },
  async run(p) {
    await p.step("kubectl apply -f configmap.yaml -f pod.yaml", { expect: "configmap/app-config created\npod/demo created" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    const { output: uid } = await p.step("kubectl get pod demo -o jsonpath='{.metadata.uid}'", {
      expect: /^[0-9a-f-]{36}$/,
      note: { en: "The Pod's UID, to compare at the end.", "zh-cn": "记下 Pod 的 UID，最后对比。" },
    });
    await p.step(pid1, { expect: "MODE=blue" });
    await p.step(`kubectl patch configmap app-config -p '{"data":{"MODE":"green"}}'`, { expect: "configmap/app-config patched" });
    await p.step(pid1, {
      expect: "MODE=blue",
      note: { en: "The running process keeps the value it started with.", "zh-cn": "运行中的进程保留着启动时的值。" },
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
      expect: "MODE=green",
      note: {
        en: "The new container has the current value: the kubelet looked the ConfigMap up again when it created the container.",
        "zh-cn": "新容器拿到的是当前的值：kubelet 在创建容器时重新查了一次 ConfigMap。",
      },
    });
    await p.step("kubectl get pod demo -o jsonpath='{.metadata.uid} {.status.containerStatuses[0].restartCount}'", {
      expect: `${uid} 1`,
      note: {
        en: "Same Pod (same UID), one container restart: no new Pod and no rollout was needed.",
        "zh-cn": "还是同一个 Pod（UID 相同），容器重启了一次：不需要新 Pod，也不需要滚动更新。",
      },
    });
  },
});
