import { defineProof, that } from "#proof";

export default defineProof({
  title: {
    en: "A container that exceeds its memory limit is OOM-killed and restarted",
    "zh-cn": "超出内存 limit 的容器会被 OOM kill，然后重启",
  },
  async run(p) {
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/hog created" });
    await p.step(
      "kubectl get pod hog -o jsonpath='{.status.containerStatuses[0].lastState.terminated.reason} {.status.containerStatuses[0].lastState.terminated.exitCode}'",
      {
        until: true,
        timeout: 90,
        expect: "OOMKilled 137",
        note: {
          en: "The previous container was ended by the kernel's OOM killer once it reached 64Mi: reason OOMKilled, exit code 137 (128 + SIGKILL's 9).",
          "zh-cn": "上一个容器用到 64Mi 时被内核的 OOM killer 结束：原因 OOMKilled，退出码 137（128 + SIGKILL 的 9）。",
        },
      },
    );
    await p.step("kubectl get pod hog -o jsonpath='{.status.phase} {.status.containerStatuses[0].restartCount}'", {
      expect: that(
        { en: "phase is Running and restartCount is at least 1", "zh-cn": "phase 为 Running，restartCount 至少为 1" },
        (out) => /^Running [1-9]\d*$/.test(out),
      ),
      note: {
        en: "The Pod stays, Running, and its container has been restarted (restartPolicy Always).",
        "zh-cn": "Pod 还在，处于 Running，容器已被重启（restartPolicy 为 Always）。",
      },
    });
  },
});
