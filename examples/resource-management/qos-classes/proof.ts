import { defineProof } from "#proof";

// What the kubelet wrote into the guaranteed Pod's cgroup: cgroup v2 files first, cgroup v1 files otherwise.
const cgroup =
  "kubectl exec guaranteed -- sh -c 'cd /sys/fs/cgroup; cat cpu.weight cpu.max memory.max 2>/dev/null || cat cpu/cpu.shares cpu/cpu.cfs_quota_us memory/memory.limit_in_bytes'";

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
      // v1: shares = 250 × 1024 / 1000, quota in µs, 64Mi. v2: the weight runc derives from those shares (its
      // formula changed between runc releases), quota and period, 64Mi.
      expect: (out) => /^256\n25000\n67108864$/.test(out) || /^\d+\n25000 100000\n67108864$/.test(out),
      note: {
        en: "What the kubelet made of requests 250m / limits 250m, 64Mi in the container's cgroup: the CPU request becomes a CPU weight (cgroup v1: cpu.shares 256 = 250 × 1024 / 1000), the CPU limit a CFS quota of 25 ms per 100 ms period, the memory limit a hard limit of 67108864 bytes (64Mi).",
        "zh-cn": "kubelet 把 requests 250m / limits 250m、64Mi 写进了容器的 cgroup：CPU request 变成 CPU 权重（cgroup v1 下 cpu.shares 为 256 = 250 × 1024 / 1000），CPU limit 变成每 100 ms 周期 25 ms 的 CFS 配额，内存 limit 变成 67108864 字节（64Mi）的硬上限。",
      },
    });
  },
});
