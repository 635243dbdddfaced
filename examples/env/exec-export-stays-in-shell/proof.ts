import { defineProof, that } from "#proof";

const pid1 = `kubectl exec demo -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep ^MODE= || echo "MODE is not set"'`;
// HOSTNAME=demo: the output is the container's environment, not an empty listing in which anything would be missing.
const noMode = that(
  { en: "no MODE variable, and HOSTNAME=demo is listed", "zh-cn": "没有 MODE 变量，且列出了 HOSTNAME=demo" },
  (out) => !/^MODE=/m.test(out) && /^HOSTNAME=demo$/m.test(out),
);

export default defineProof({
  title: {
    en: "A variable exported inside kubectl exec lives only in that shell",
    "zh-cn": "在 kubectl exec 里 export 的变量只活在那一个 shell 里",
  },
  async run(p) {
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/demo created" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    await p.step(`kubectl exec demo -- sh -c 'export MODE=debug; echo "$MODE"; env | grep ^MODE='`, {
      expect: "debug\nMODE=debug",
      note: {
        en: "kubectl exec starts a new shell in the container. The export sets MODE for that shell and the processes it starts (here env).",
        "zh-cn": "kubectl exec 在容器里启动了一个新的 shell。export 只给这个 shell 以及它启动的子进程（这里是 env）设置了 MODE。",
      },
    });
    await p.step(pid1, {
      expect: "MODE is not set",
      note: {
        en: "The container's main process (PID 1) never sees it: another process's environment cannot be changed from outside.",
        "zh-cn": "容器的主进程（PID 1）看不到它：一个进程的环境变量无法从外部修改。",
      },
    });
    await p.step("kubectl exec demo -- env", {
      expect: noMode,
      note: {
        en: "A later exec starts from the container's configured environment again: no MODE.",
        "zh-cn": "之后的 exec 又从容器配置的环境变量开始：没有 MODE。",
      },
    });
    await p.step("kubectl exec demo -- killall sleep", {
      // The exec can die with the container it stops (137); the next steps check what the kill did.
      exitCode: [0, 137],
      note: {
        en: "End the main process's work: the container exits with an error and the kubelet restarts it.",
        "zh-cn": "结束主进程的工作进程：容器以错误退出，kubelet 会重启它。",
      },
    });
    await p.step("kubectl get pod demo -o jsonpath='{.status.containerStatuses[0].restartCount}'", {
      until: true,
      expect: "1",
    });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    await p.step(pid1, {
      expect: "MODE is not set",
      note: { en: "After the container restart: still no MODE.", "zh-cn": "容器重启之后：仍然没有 MODE。" },
    });
    await p.step("kubectl delete pod demo", {
      expect: /^pod "demo" deleted/,
    });
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/demo created" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    await p.step(pid1, {
      expect: "MODE is not set",
      note: {
        en: "A new Pod from the same manifest: no MODE either. Nothing done inside a container is written back to the spec.",
        "zh-cn": "用同一个清单重新创建 Pod：同样没有 MODE。在容器里做的任何改动都不会写回 spec。",
      },
    });
  },
});
