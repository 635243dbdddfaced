import { defineProof } from "#proof";

const environ = `kubectl exec demo -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep MODE'`;

export default defineProof({
  title: {
    en: "Deleting a ConfigMap leaves the running process alone but blocks the next container start",
    "zh-cn": "删掉 ConfigMap：正在运行的进程不受影响，但容器下一次启动会失败",
  },
  async run(p) {
    await p.step("kubectl apply -f configmap.yaml -f pod.yaml", {
      expect: "configmap/app-config created\npod/demo created",
    });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    await p.step(environ, { expect: "MODE=blue" });
    await p.step("kubectl delete configmap app-config", {
      expect: /^configmap "app-config" deleted/,
      note: {
        en: "Delete the ConfigMap the container's environment came from.",
        "zh-cn": "删掉容器环境变量所引用的 ConfigMap。",
      },
    });
    await p.step("kubectl get configmap app-config", { exitCode: "nonzero", expect: /NotFound/ });
    await p.step(environ, {
      expect: "MODE=blue",
      note: {
        en: "The running process is not disturbed: it still has the value it started with.",
        "zh-cn": "正在运行的进程不受影响：它仍然保有启动时拿到的值。",
      },
    });
    await p.step("kubectl get pod demo -o jsonpath='{.status.containerStatuses[0].restartCount} {.status.containerStatuses[0].ready}'", {
      expect: "0 true",
    });
    await p.step("kubectl exec demo -- killall sleep", {
      // The exec can die with the container it stops (137); the next steps check what the kill did.
      exitCode: [0, 137],
      note: {
        en: "Make the main process exit, as a crash would: the kubelet has to create a new container.",
        "zh-cn": "让主进程退出，就像崩溃一样：kubelet 需要创建一个新容器。",
      },
    });
    await p.step("kubectl get pod demo -o jsonpath='{.status.containerStatuses[0].state.waiting.reason}'", {
      until: true,
      timeout: 60,
      expect: "CreateContainerConfigError",
      note: {
        en: "Building the new container's environment fails: the referenced ConfigMap is gone, so the container is not re-created.",
        "zh-cn": "为新容器构造环境变量失败：引用的 ConfigMap 已经没了，容器因此无法重新创建。",
      },
    });
    await p.step("kubectl get pod demo -o jsonpath='{.status.containerStatuses[0].state.waiting.message}'", {
      expect: 'configmap "app-config" not found',
    });
    await p.step("kubectl get pod demo -o jsonpath='{.status.containerStatuses[0].lastState.terminated.exitCode} {.status.containerStatuses[0].restartCount}'", {
      expect: "143 0",
      note: {
        en: "The old container ended with exit status 143 (its sleep was killed by SIGTERM); restartCount is still 0 because no new container was created.",
        "zh-cn": "旧容器以退出码 143 结束（其中的 sleep 被 SIGTERM 杀掉）；restartCount 仍是 0，因为新容器根本没有被创建。",
      },
    });
    await p.step("kubectl get pod demo", {
      expect: /^demo\s+0\/1\s+CreateContainerConfigError\s/m,
    });
  },
});
