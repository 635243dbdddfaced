import { defineProof, that } from "#proof";

// The container's own cpu.stat: /sys/fs/cgroup/cpu.stat on cgroup v2, /sys/fs/cgroup/cpu/cpu.stat on cgroup v1.
const cpuStat = "kubectl exec spin -- sh -c 'cat /sys/fs/cgroup/cpu.stat 2>/dev/null || cat /sys/fs/cgroup/cpu/cpu.stat'";

const field = (out: string, name: string) => Number(new RegExp(`^${name} (\\d+)$`, "m").exec(out)?.[1] ?? NaN);

export default defineProof({
  title: {
    en: "A container that wants more CPU than its limit is throttled, not killed",
    "zh-cn": "想用超过 limit 的 CPU 的容器会被限流，而不会被杀",
  },
  async run(p) {
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/spin created" });
    await p.step("kubectl wait --for=condition=Ready pod/spin --timeout=120s", { expect: "pod/spin condition met" });
    await p.step(cpuStat, {
      until: true,
      timeout: 90,
      // 300 CFS periods of 100 ms in which the loop wanted to run: 30 s of running, most of them cut short.
      expect: that(
        {
          en: "nr_periods is at least 300, and nr_throttled is more than half of nr_periods",
          "zh-cn": "nr_periods 至少为 300，且 nr_throttled 超过 nr_periods 的一半",
        },
        (out) => field(out, "nr_periods") >= 300 && field(out, "nr_throttled") * 2 > field(out, "nr_periods"),
      ),
      note: {
        en: "Polled until the loop has run for 300 CFS periods (100 ms each, so 30 s): in most of them the container used up its 10 ms quota and was throttled (nr_throttled). throttled_time (throttled_usec on cgroup v2) is how long it was held back in total.",
        "zh-cn": "轮询到这个循环已经运行了 300 个 CFS 周期（每个 100 ms，即 30 秒）：其中大部分周期里容器用完了 10 ms 的配额而被限流（nr_throttled）。throttled_time（cgroup v2 下为 throttled_usec）是累计被限流的时间。",
      },
    });
    await p.step(
      "kubectl get pod spin -o jsonpath='{.status.phase} {.status.containerStatuses[0].restartCount} {.status.containerStatuses[0].state}'",
      {
        expect: /^Running 0 \{"running":\{"startedAt":"[^"]+"\}\}$/,
        note: {
          en: "Still the first container, running, with no restart: exceeding a CPU limit slows a container down but never kills it.",
          "zh-cn": "仍是第一个容器，正在运行，没有重启：超出 CPU limit 只会让容器变慢，不会杀掉它。",
        },
      },
    );
  },
});
