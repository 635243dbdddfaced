import { defineProof, that } from "#proof";

// One edit, then every Pod polled at once, each once a second, for at most 240 s: each line is one Pod and the
// whole seconds from the edit until its file said green.
const measure = [
  `kubectl patch configmap app-config -p '{"data":{"MODE":"green"}}' >/dev/null && start=$(date +%s) &&`,
  "for pod in $(kubectl get pods -l app.kubernetes.io/name=app -o name); do",
  `(for i in $(seq 240); do [ "$(kubectl exec $pod -- cat /etc/app/MODE)" = green ] && break; sleep 1; done;`,
  'echo "$pod $(( $(date +%s) - start ))s") & done; wait',
].join(" ");

/** "pod/app-… 37s" lines → seconds. */
const delays = (output: string) =>
  output
    .split("\n")
    .map((line) => /^pod\/app-\S+ (\d+)s$/.exec(line)?.[1])
    .filter((s): s is string => s !== undefined)
    .map(Number);

export default defineProof({
  title: {
    en: "One ConfigMap edit reaches the volumes of four Pods, each after a delay of its own, measured",
    "zh-cn": "同一次 ConfigMap 修改到达四个 Pod 的卷，各有各的延迟：实测",
  },
  budget: 420,
  async run(p) {
    await p.step("kubectl apply -f configmap.yaml -f deployment.yaml", { expect: "configmap/app-config created\ndeployment.apps/app created" });
    await p.step("kubectl rollout status deployment/app --timeout=120s", { expect: /successfully rolled out/ });
    await p.step('for pod in $(kubectl get pods -l app.kubernetes.io/name=app -o name); do echo "$pod $(kubectl exec $pod -- cat /etc/app/MODE)"; done', {
      expect: that(
        { en: "four Pods, each file saying blue", "zh-cn": "四个 Pod，每个的文件内容都是 blue" },
        (o) => {
          const lines = o.split("\n");
          return lines.length === 4 && lines.every((l) => /^pod\/app-\S+ blue$/.test(l));
        },
      ),
      note: { en: "Four Pods, each with its own copy of the ConfigMap in its volume.", "zh-cn": "四个 Pod，各自的卷里都有一份 ConfigMap 的副本。" },
    });
    await p.step(measure, {
      timeout: 300,
      expect: that(
        {
          en: "four lines, one per Pod, each with the seconds from the edit until that Pod's file said green, every one under 240",
          "zh-cn": "四行，每个 Pod 一行，各自给出从修改到这个 Pod 的文件变成 green 所用的秒数，每个都小于 240",
        },
        (o) => {
          const d = delays(o);
          return d.length === 4 && d.every((s) => s < 240);
        },
      ),
      note: {
        en: "Each Pod's volume is rewritten when the kubelet next syncs that Pod — at the latest on that Pod's own periodic resync (one minute plus up to 50% jitter) — not at the moment the ConfigMap changes. So one edit lands in each Pod at a different moment; the figures (to within the one-second poll and the exec's own time) are this run's spread.",
        "zh-cn": "每个 Pod 的卷要等 kubelet 下一次同步这个 Pod 时才被改写——最迟是这个 Pod 自己的周期性重新同步（一分钟，外加最多 50% 的抖动）——而不是在 ConfigMap 变化的那一刻。所以同一次修改在不同的时刻到达各个 Pod；这些数字（误差为一秒的轮询间隔加上 exec 本身的耗时）就是这次运行测得的分布。",
      },
    });
  },
});
