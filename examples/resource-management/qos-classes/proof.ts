import { defineProof, that } from "#proof";

// What the kubelet wrote into the guaranteed Pod's cgroup: cgroup v2 files first, cgroup v1 files otherwise.
const cgroup =
  "kubectl exec guaranteed -- sh -c 'cd /sys/fs/cgroup; cat cpu.weight cpu.max memory.max 2>/dev/null || cat cpu/cpu.shares cpu/cpu.cfs_quota_us memory/memory.limit_in_bytes'";
// cgroup v1: cpu.shares = 250m × 1024 / 1000, the quota in µs, 64Mi.
const cgroupV1 = "256\n25000\n67108864";
// cgroup v2 has no shares: the runtime converts the kubelet's 256 to a weight. runc ≥ 1.3.2 and crun ≥ 1.23 use
// ceil(10^((L² + 125L) / 612 − 7/34)) with L = log2(256) = 8, which is 35; older ones the linear
// 1 + (256 − 2) × 9999 / 262142, which is 10. Then quota and period, and 64Mi.
const cgroupV2 = [35, 10].map((weight) => `${weight}\n25000 100000\n67108864`);

export default defineProof({
  title: {
    en: "Requests and limits decide the QoS class; limits alone make requests equal to them",
    "zh-cn": "requests 和 limits 决定 QoS 类别；只写 limits 时 requests 等于 limits",
  },
  async run(p) {
    await p.step("kubectl apply -f pods.yaml", {
      expect: "pod/guaranteed created\npod/burstable created\npod/besteffort created\npod/limits-only created",
    });
    await p.step("kubectl get pods -o custom-columns=NAME:.metadata.name,QOS:.status.qosClass --sort-by=.metadata.name", {
      expect: /^NAME\s+QOS\nbesteffort\s+BestEffort\nburstable\s+Burstable\nguaranteed\s+Guaranteed\nlimits-only\s+Guaranteed$/,
      note: {
        en: "The API server records the class in status.qosClass when the Pod is created: requests = limits gives Guaranteed, requests only Burstable, nothing BestEffort.",
        "zh-cn": "API server 在创建 Pod 时就把类别写进 status.qosClass：requests 等于 limits 是 Guaranteed，只有 requests 是 Burstable，什么都不写是 BestEffort。",
      },
    });
    await p.step("kubectl get pod limits-only -o jsonpath='{.spec.containers[0].resources}'", {
      expect: '{"limits":{"cpu":"100m","memory":"64Mi"},"requests":{"cpu":"100m","memory":"64Mi"}}',
      note: {
        en: "The manifest gave only limits; the stored spec has requests equal to them, so the Pod counts as Guaranteed.",
        "zh-cn": "清单里只写了 limits；存下来的 spec 里 requests 与之相等，所以这个 Pod 算作 Guaranteed。",
      },
    });
    await p.step("kubectl wait --for=condition=Ready pod --all --timeout=120s", {
      expect: /^(pod\/\S+ condition met\n?){4}$/,
    });
    await p.step(cgroup, {
      expect: that(
        {
          en: 'cgroup v1: cpu.shares 256 (250m × 1024 / 1000), cpu.cfs_quota_us 25000, memory.limit_in_bytes 67108864; or cgroup v2: cpu.weight 35 (those 256 shares by the runtime\'s current conversion; 10 by the older one), cpu.max "25000 100000", memory.max 67108864',
          "zh-cn": 'cgroup v1：cpu.shares 为 256（250m × 1024 / 1000），cpu.cfs_quota_us 为 25000，memory.limit_in_bytes 为 67108864；或 cgroup v2：cpu.weight 为 35（运行时按现行公式由这 256 shares 换算而来；旧公式得 10），cpu.max 为 "25000 100000"，memory.max 为 67108864',
        },
        (out) => out === cgroupV1 || cgroupV2.includes(out),
      ),
      note: {
        en: "What the kubelet made of requests 250m / limits 250m, 64Mi in the container's cgroup: the CPU request becomes a CPU weight, the CPU limit a CFS quota of 25000 µs (25 ms) per period, the memory limit a hard limit of 67108864 bytes (64Mi). The second line tells the cgroup version. A bare 25000 is cgroup v1's cpu.cfs_quota_us, and the first line its cpu.shares, 256 = 250 × 1024 / 1000. \"25000 100000\" is cgroup v2's cpu.max, quota and 100000 µs period, and the first line its cpu.weight, which the runtime converts from those 256 shares.",
        "zh-cn": "kubelet 把 requests 250m / limits 250m、64Mi 写进了容器的 cgroup：CPU request 变成 CPU 权重，CPU limit 变成每个周期 25000 µs（25 ms）的 CFS 配额，内存 limit 变成 67108864 字节（64Mi）的硬上限。第二行可以看出 cgroup 版本：只有 25000 的是 cgroup v1 的 cpu.cfs_quota_us，此时第一行是 cpu.shares，256 = 250 × 1024 / 1000；\"25000 100000\" 是 cgroup v2 的 cpu.max（配额和 100000 µs 的周期），此时第一行是 cpu.weight，由运行时从这 256 shares 换算而来。",
      },
    });
  },
});
