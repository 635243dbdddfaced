import { defineProof, tableRows as rows, that } from "#proof";

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
      expect: that(
        {
          en: "every node's allocatable cpu is below 64 and its allocatable memory below 1Ti",
          "zh-cn": "每个节点的可分配 cpu 都低于 64，可分配内存都低于 1Ti",
        },
        (out) => {
          const nodes = rows(out);
          return nodes.length > 0 && nodes.every(([, cpu, mem]) => millicores(cpu) < 64_000 && bytes(mem) < 2 ** 40);
        },
      ),
      note: {
        en: "What each node can give to Pods (allocatable): below the 64 CPUs and 1Ti that pod.yaml requests.",
        "zh-cn": "每个节点能分给 Pod 的量（allocatable）：低于 pod.yaml 申请的 64 个 CPU 和 1Ti 内存。",
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
        en: "The scheduler's FailedScheduling event counts the nodes it ruled out, by reason: Insufficient cpu and Insufficient memory for those without enough allocatable CPU and memory left for the requests.",
        "zh-cn": "调度器的 FailedScheduling 事件按原因统计被排除的节点：剩余可分配 CPU 和内存不够这些 requests 的，记为 Insufficient cpu 和 Insufficient memory。",
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
