import { defineProof } from "#proof";

/** A CPU quantity in millicores ("2", "1950m", "1.5"). */
const millicores = (q: string) => (q.endsWith("m") ? Number(q.slice(0, -1)) : Number(q) * 1000);
/** A memory quantity in bytes ("24581696Ki", "16Gi", "17179869184"). */
const bytes = (q: string) => {
  const m = /^(\d+)(Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(q);
  if (!m) return NaN;
  const unit = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, k: 1e3, M: 1e6, G: 1e9, T: 1e12 }[m[2] ?? ""] ?? 1;
  return Number(m[1]) * unit;
};

export default defineProof({
  title: {
    en: "A Pod whose requests fit no node stays Pending, and the scheduler says why",
    "zh-cn": "requests 放不进任何节点的 Pod 一直 Pending，调度器会说明原因",
  },
  async run(p) {
    await p.step("kubectl get nodes -o custom-columns=NAME:.metadata.name,CPU:.status.allocatable.cpu,MEMORY:.status.allocatable.memory", {
      // Every node's allocatable is below what pod.yaml requests (64 CPUs, 1Ti).
      expect: (out) => {
        const rows = out.split("\n").slice(1).map((l) => l.trim().split(/\s+/));
        return rows.length > 0 && rows.every(([, cpu, mem]) => millicores(cpu) < 64_000 && bytes(mem) < 2 ** 40);
      },
      note: {
        en: "What each node can give to Pods (allocatable): far below the 64 CPUs and 1Ti that pod.yaml requests.",
        "zh-cn": "每个节点能分给 Pod 的量（allocatable）：远低于 pod.yaml 申请的 64 个 CPU 和 1Ti 内存。",
      },
    });
    await p.step("kubectl apply -f pod.yaml", {
      expect: "pod/greedy created",
      note: { en: "The API server accepts the Pod: fitting it is the scheduler's job.", "zh-cn": "API server 接受这个 Pod：能否放下是调度器的事。" },
    });
    await p.step("kubectl get events --field-selector involvedObject.name=greedy,reason=FailedScheduling -o jsonpath='{.items[0].message}'", {
      until: true,
      timeout: 60,
      expect: /^0\/\d+ nodes are available: .*\d+ Insufficient cpu, \d+ Insufficient memory\./,
      note: {
        en: "The scheduler's FailedScheduling event names the reason for every node: not enough allocatable CPU and memory left for the requests.",
        "zh-cn": "调度器的 FailedScheduling 事件给出每个节点的原因：剩余的可分配 CPU 和内存不够这些 requests。",
      },
    });
    await p.step(
      `kubectl get pod greedy -o jsonpath='{.status.phase} {.status.conditions[?(@.type=="PodScheduled")].status} {.status.conditions[?(@.type=="PodScheduled")].reason}'`,
      {
        expect: "Pending False Unschedulable",
        note: {
          en: "The Pod stays Pending with PodScheduled=False, reason Unschedulable; it is retried, not rejected.",
          "zh-cn": "Pod 保持 Pending，PodScheduled=False，原因 Unschedulable；它会被重试，而不是被拒绝。",
        },
      },
    );
  },
});
