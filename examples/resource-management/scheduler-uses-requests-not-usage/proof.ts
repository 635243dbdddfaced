import { defineProof, that } from "#proof";

const nodeCpu = "kubectl describe nodes | grep -E -A6 '^(Allocatable|Allocated resources):'";
/** A CPU quantity in millicores ("2", "1950m", "1.5"). */
const millicores = (q: string) => (q.endsWith("m") ? Number(q.slice(0, -1)) : Number(q) * 1000);
/** Allocatable CPU and the sum of the CPU requests of the Pods on the (single) node, from `describe nodes`. */
function cpu(out: string) {
  if ((out.match(/^Allocatable:/gm) ?? []).length !== 1) return { allocatable: NaN, requested: NaN, free: NaN };
  const allocatable = millicores(/^Allocatable:\n\s+cpu:\s+(\S+)/m.exec(out)?.[1] ?? "");
  const requested = millicores(/^Allocated resources:[\s\S]*?^\s+cpu\s+(\S+)\s+\(/m.exec(out)?.[1] ?? "");
  return { allocatable, requested, free: allocatable - requested };
}
const lateRequest = 1000; // late.yaml

const hogPod = (request: number) => `kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: hog
  labels:
    app.kubernetes.io/name: hog
spec:
  securityContext:
    runAsNonRoot: true
    runAsUser: 65534
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: app
      image: docker.io/library/busybox:1.35.0
      command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
      resources:
        requests:
          cpu: ${request}m
      securityContext:
        allowPrivilegeEscalation: false
        capabilities:
          drop: ["ALL"]
        readOnlyRootFilesystem: true
EOF`;

export default defineProof({
  title: {
    en: "The scheduler counts requests, not usage: an idle Pod's request keeps another Pod out",
    "zh-cn": "调度器看的是 requests 而不是实际用量：一个空闲 Pod 的 request 也能把别的 Pod 挡在外面",
  },
  // It fills the node's CPU to make the point; with more nodes the Pods would simply go elsewhere.
  lacks: ["multi-node"],
  async run(p) {
    const before = await p.step(nodeCpu, {
      until: true,
      timeout: 180,
      // Room for late.yaml's request plus a margin, so the hog can take all but 500m.
      expect: that(
        {
          en: "one node, whose allocatable cpu minus the cpu requests already on it leaves at least 1500m (late.yaml's 1000m and a 500m margin)",
          "zh-cn": "只有一个节点，其可分配 cpu 减去节点上已有的 cpu requests 后至少剩 1500m（late.yaml 的 1000m 加 500m 余量）",
        },
        (out) => cpu(out).free >= lateRequest + 500,
      ),
      note: {
        en: "The node's allocatable CPU and the sum of the CPU requests of the Pods already on it (the first cpu line under Allocated resources).",
        "zh-cn": "节点的可分配 CPU，以及节点上已有 Pod 的 CPU requests 之和（Allocated resources 下第一行 cpu）。",
      },
    });
    const hog = Math.floor((cpu(before.output).free - 500) / 100) * 100;
    await p.step(hogPod(hog), {
      expect: "pod/hog created",
      note: {
        en: `A Pod that only sleeps but requests ${hog}m: all that is free on the node but 500m.`,
        "zh-cn": `一个只会 sleep 的 Pod，却申请了 ${hog}m：节点上空闲的量只剩 500m 不给它。`,
      },
    });
    await p.step("kubectl wait --for=condition=Ready pod/hog --timeout=120s", { expect: "pod/hog condition met" });
    await p.step(nodeCpu, {
      expect: that(
        {
          en: "allocatable cpu minus the cpu requests on the node now leaves less than 1000m, late.yaml's request",
          "zh-cn": "可分配 cpu 减去节点上的 cpu requests，现在剩下不到 1000m，即不够 late.yaml 的 request",
        },
        (out) => cpu(out).free < lateRequest,
      ),
      note: {
        en: "For the scheduler the node is now almost full: less than one CPU is left unrequested.",
        "zh-cn": "对调度器而言，这个节点现在几乎满了：没被申请的 CPU 不到一个。",
      },
    });
    await p.step("kubectl exec hog -- sh -c 'grep usage_usec /sys/fs/cgroup/cpu.stat 2>/dev/null || cat /sys/fs/cgroup/cpuacct/cpuacct.usage'", {
      expect: that(
        {
          en: "the container's CPU time so far is under one second: cpuacct.usage below 1000000000 ns (cgroup v1) or usage_usec below 1000000 µs (cgroup v2)",
          "zh-cn": "容器至今的 CPU 时间不到一秒：cpuacct.usage 低于 1000000000 纳秒（cgroup v1），或 usage_usec 低于 1000000 微秒（cgroup v2）",
        },
        (out) => {
          const v2 = /^usage_usec (\d+)$/.exec(out);
          return v2 ? Number(v2[1]) < 1e6 : /^\d+$/.test(out) && Number(out) < 1e9;
        },
      ),
      note: {
        en: "Yet the hog has used almost no CPU: this is the total CPU time of its container so far (cgroup v1 counts nanoseconds, cgroup v2 microseconds), under one CPU-second.",
        "zh-cn": "而这个 Pod 几乎没用 CPU：这是它的容器至今用掉的 CPU 总时间（cgroup v1 以纳秒计，cgroup v2 以微秒计），不到一个 CPU 秒。",
      },
    });
    await p.step("kubectl apply -f late.yaml", { expect: "pod/late created" });
    await p.step("kubectl get events --field-selector involvedObject.name=late,reason=FailedScheduling -o jsonpath='{.items[0].message}'", {
      until: true,
      timeout: 60,
      expect: /^0\/\d+ nodes are available: \d+ Insufficient cpu\./,
      note: {
        en: "One CPU does not fit next to the hog's request, idle or not: Insufficient cpu.",
        "zh-cn": "不管 hog 闲不闲，它的 request 旁边放不下一个 CPU：Insufficient cpu。",
      },
    });
    await p.step("kubectl get pod late -o jsonpath='{.status.phase}'", { expect: "Pending" });
    await p.step("kubectl delete pod hog", { expect: /^pod "hog" deleted/ });
    await p.step("kubectl wait --for=condition=Ready pod/late --timeout=120s", {
      expect: "pod/late condition met",
      note: {
        en: "Once the hog's request is gone, the waiting Pod is scheduled and starts.",
        "zh-cn": "hog 的 request 一消失，等待中的 Pod 就被调度并启动了。",
      },
    });
  },
});
