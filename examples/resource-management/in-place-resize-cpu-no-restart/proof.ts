import { defineProof, that } from "#proof";

// The container's CFS quota: cpu.max ("quota period") on cgroup v2, cpu.cfs_quota_us on cgroup v1 (period 100000 µs).
const quota = "kubectl exec app -- sh -c 'cat /sys/fs/cgroup/cpu.max 2>/dev/null || cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us'";
/** The quota file holds `us`: cpu.max "us 100000" (cgroup v2, with its period) or cpu.cfs_quota_us "us" (cgroup v1). */
const quotaIs = (us: number) =>
  that(
    {
      en: `the CFS quota is ${us} µs: cpu.max reads "${us} 100000" (cgroup v2) or cpu.cfs_quota_us reads ${us} (cgroup v1)`,
      "zh-cn": `CFS 配额为 ${us} µs：cpu.max 为 "${us} 100000"（cgroup v2），或 cpu.cfs_quota_us 为 ${us}（cgroup v1）`,
    },
    (out) => out === `${us} 100000` || out === `${us}`,
  );
const identity =
  "kubectl get pod app -o jsonpath='{.status.qosClass} {.status.containerStatuses[0].restartCount} {.status.containerStatuses[0].containerID}'";

export default defineProof({
  title: {
    en: "Resizing a running Pod's CPU in place changes its cgroup without restarting the container",
    "zh-cn": "原地调整运行中 Pod 的 CPU 会改变它的 cgroup，而不重启容器",
  },
  async run(p) {
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/app created" });
    await p.step("kubectl wait --for=condition=Ready pod/app --timeout=120s", { expect: "pod/app condition met" });
    const before = await p.step(identity, {
      expect: /^Guaranteed 0 \S+:\/\/[0-9a-f]+$/,
      note: { en: "QoS class, restart count and container ID before the resize.", "zh-cn": "调整前的 QoS 类别、重启次数和容器 ID。" },
    });
    await p.step(quota, {
      expect: quotaIs(10000),
      note: {
        en: "100m: a quota of 10000 µs (10 ms) of CPU per CFS period. Only cgroup v2's cpu.max shows the period as well: 100000 µs.",
        "zh-cn": "100m：每个 CFS 周期 10000 µs（10 ms）的 CPU 配额。只有 cgroup v2 的 cpu.max 会同时显示周期：100000 µs。",
      },
    });
    await p.step(
      `kubectl patch pod app --subresource resize --patch '{"spec":{"containers":[{"name":"app","resources":{"requests":{"cpu":"200m"},"limits":{"cpu":"200m"}}}]}}'`,
      { expect: "pod/app patched" },
    );
    await p.step("kubectl get pod app -o jsonpath='{.status.containerStatuses[0].resources}'", {
      until: true,
      timeout: 60,
      expect: '{"limits":{"cpu":"200m","memory":"64Mi"},"requests":{"cpu":"200m","memory":"64Mi"}}',
      note: {
        en: "The kubelet applied the resize: the container's status reports the new CPU request and limit.",
        "zh-cn": "kubelet 已执行调整：容器状态报告了新的 CPU request 和 limit。",
      },
    });
    await p.step("kubectl get pod app -o jsonpath='{.spec.containers[0].resources}'", {
      expect: '{"limits":{"cpu":"200m","memory":"64Mi"},"requests":{"cpu":"200m","memory":"64Mi"}}',
    });
    await p.step(quota, {
      expect: quotaIs(20000),
      note: {
        en: "Inside the running container the CFS quota has doubled: 20000 µs (20 ms) per period.",
        "zh-cn": "在运行中的容器里，CFS 配额翻了一倍：每个周期 20000 µs（20 ms）。",
      },
    });
    await p.step(identity, {
      expect: before.output,
      note: {
        en: "Same QoS class, no restart, same container ID: the process kept running through the resize.",
        "zh-cn": "QoS 类别不变，没有重启，容器 ID 也没变：进程在调整过程中一直在运行。",
      },
    });
    await p.step(
      `kubectl patch pod app --subresource resize --patch '{"spec":{"containers":[{"name":"app","resources":{"requests":{"cpu":"100m"},"limits":{"cpu":"200m"}}}]}}'`,
      {
        exitCode: "nonzero",
        expect: /^The Pod "app" is invalid: spec: Invalid value: "Guaranteed": Pod QOS Class may not change as a result of resizing$/,
        note: {
          en: "A resize that would turn the Guaranteed Pod into a Burstable one (request below limit) is refused.",
          "zh-cn": "会把 Guaranteed Pod 变成 Burstable 的调整（request 低于 limit）会被拒绝。",
        },
      },
    );
  },
});
