import { defineProof, that } from "#proof";

export default defineProof({
  title: {
    en: "kubectl logs --previous shows the log of the container instance before the restart",
    "zh-cn": "kubectl logs --previous 显示重启前那个容器实例的日志",
  },
  async run(p) {
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/demo created" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    const { output: first } = await p.step("kubectl logs demo", {
      expect: /^run [0-9a-f-]{36} started$/,
      note: { en: "The first run's id.", "zh-cn": "第一次运行的 id。" },
    });
    const run1 = first.split(" ")[1] ?? "";
    await p.step("kubectl exec demo -- touch /tmp/stop", {
      note: {
        en: "Tell the main process to stop: it logs, then exits with status 1, and the kubelet restarts the container.",
        "zh-cn": "通知主进程停止：它写一行日志后以状态 1 退出，kubelet 随即重启容器。",
      },
    });
    await p.step("kubectl get pod demo -o jsonpath='{.status.containerStatuses[0].restartCount}'", { until: true, timeout: 90, expect: "1" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    await p.step("kubectl logs demo --previous", {
      expect: `run ${run1} started\nrun ${run1} stopping`,
      note: {
        en: "The terminated instance's whole log, including its last words.",
        "zh-cn": "已终止实例的完整日志，包括它最后写下的那一行。",
      },
    });
    await p.step("kubectl logs demo", {
      expect: that(
        {
          en: `one line, run <id> started, with an id other than the first run's (${run1})`,
          "zh-cn": `只有一行 run <id> started，其中的 id 不是第一次运行的（${run1}）`,
        },
        (out) => /^run [0-9a-f-]{36} started$/.test(out) && !out.includes(run1),
      ),
      note: {
        en: "Without --previous: the current instance, a new run with a new id.",
        "zh-cn": "不加 --previous：当前实例，一次带有新 id 的新运行。",
      },
    });
  },
});
