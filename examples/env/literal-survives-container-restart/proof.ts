import { defineProof } from "#proof";

export default defineProof({
  title: {
    en: "A value written in the pod spec survives a container restart",
    "zh-cn": "写在 Pod spec 里的值，容器重启后依然存在",
  },
  async run(p) {
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/env-literal created" });
    await p.step("kubectl wait --for=condition=Ready pod/env-literal --timeout=120s", { expect: "pod/env-literal condition met" });
    await p.step(`kubectl exec env-literal -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep GREETING'`, {
      expect: "GREETING=hello from the pod spec",
      note: {
        en: "The container's main process (PID 1) has the value from the spec in its environment.",
        "zh-cn": "容器主进程（PID 1）的环境里就是 spec 中写的值。",
      },
    });
    await p.step("kubectl exec env-literal -- killall sleep", {
      // The exec can die with the container it stops (137); the next steps check what the kill did.
      exitCode: [0, 137],
      note: {
        en: "Kill the main process's work: the container exits with an error and the kubelet restarts it.",
        "zh-cn": "杀掉主进程的工作进程：容器以错误退出，kubelet 会重启它。",
      },
    });
    await p.step("kubectl get pod env-literal -o jsonpath='{.status.containerStatuses[0].restartCount}'", {
      until: true,
      expect: "1",
      note: { en: "The same pod, its container restarted once.", "zh-cn": "还是同一个 Pod，容器重启了一次。" },
    });
    await p.step("kubectl wait --for=condition=Ready pod/env-literal --timeout=120s", { expect: "pod/env-literal condition met" });
    await p.step(
      "kubectl get pod env-literal -o jsonpath='{.status.containerStatuses[0].lastState.terminated.reason} {.status.containerStatuses[0].lastState.terminated.exitCode}'",
      {
        expect: "Error 143",
        note: {
          en: "The previous container ended in an error: the shell's exit status 143 is 128 + SIGTERM, passed on from the killed sleep.",
          "zh-cn": "上一个容器以错误结束：退出码 143 即 128 + SIGTERM，是 shell 从被杀掉的 sleep 那里传出来的。",
        },
      },
    );
    await p.step("kubectl logs env-literal --previous", { expect: /^started with GREETING=hello from the pod spec$/m });
    await p.step(`kubectl exec env-literal -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep GREETING'`, {
      expect: "GREETING=hello from the pod spec",
      note: {
        en: "The new container got the same value: the kubelet builds the environment from the spec each time it creates a container.",
        "zh-cn": "新容器拿到同样的值：kubelet 每次创建容器都会根据 spec 重新构造环境变量。",
      },
    });
  },
});
