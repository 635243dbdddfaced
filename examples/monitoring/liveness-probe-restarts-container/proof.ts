import { defineProof, that } from "#proof";

export default defineProof({
  title: {
    en: "A failing liveness probe makes the kubelet restart the container, in the same Pod",
    "zh-cn": "存活探针失败会让 kubelet 重启容器，Pod 还是同一个",
  },
  async run(p) {
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/demo created" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    const { output: uid } = await p.step("kubectl get pod demo -o jsonpath='{.metadata.uid} {.status.containerStatuses[0].restartCount}'", {
      expect: /^[0-9a-f-]{36} 0$/,
    });
    await p.step("kubectl exec demo -- rm /tmp/healthy", {
      note: {
        en: "The process keeps running, but the probe's command now fails.",
        "zh-cn": "进程仍在运行，但探针命令从此开始失败。",
      },
    });
    await p.step("kubectl get pod demo -o jsonpath='{.status.containerStatuses[0].restartCount}'", {
      until: true,
      timeout: 90,
      expect: "1",
      note: {
        en: "After failureThreshold (2) failures in a row, periodSeconds (2) apart, the kubelet killed the container and started a new one.",
        "zh-cn": "以 periodSeconds（2 秒）为间隔连续失败 failureThreshold（2）次之后，kubelet 杀掉了容器并启动了一个新容器。",
      },
    });
    await p.step("kubectl events --for pod/demo", {
      until: true,
      timeout: 30,
      expect: that(
        {
          en: "a Warning Unhealthy event says Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory; a Normal Killing event says Container app failed liveness probe, will be restarted; Pulled, Created and Started are each counted twice (x2)",
          "zh-cn": "有一条 Warning Unhealthy 事件写着 Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory；一条 Normal Killing 事件写着 Container app failed liveness probe, will be restarted；Pulled、Created 和 Started 各计数两次（x2）",
        },
        (out) =>
          /\sWarning\s+Unhealthy\s+Pod\/demo\s+.*Liveness probe failed: cat: can't open '\/tmp\/healthy': No such file or directory/.test(out) &&
          /\sNormal\s+Killing\s+Pod\/demo\s+.*Container app failed liveness probe, will be restarted/.test(out) &&
          ["Pulled", "Created", "Started"].every((r) => new RegExp(`\\(x2 over [^)]*\\)\\s+Normal\\s+${r}\\s`).test(out)),
      ),
      note: {
        en: "Unhealthy carries the probe's output; Killing says why the container was stopped. Pulled, Created and Started now count two: the kubelet created and started it again.",
        "zh-cn": "Unhealthy 事件带有探针的输出；Killing 事件说明了容器为什么被停止。Pulled、Created 和 Started 现在都计数为 2：kubelet 重新创建并启动了它。",
      },
    });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    await p.step("kubectl get pod demo -o jsonpath='{.metadata.uid} {.status.containerStatuses[0].restartCount}'", {
      expect: uid.replace(/ 0$/, " 1"),
      note: {
        en: "Same Pod (same uid), one restart; the new container created /tmp/healthy again and passes the probe.",
        "zh-cn": "同一个 Pod（uid 不变），重启了一次；新容器重新创建了 /tmp/healthy，探针通过。",
      },
    });
  },
});
