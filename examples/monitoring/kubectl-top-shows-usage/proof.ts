import { defineProof } from "#proof";

export default defineProof({
  title: {
    en: "kubectl top shows the current CPU and memory of Pods and nodes",
    "zh-cn": "kubectl top 显示 Pod 和节点当前的 CPU 与内存",
  },
  needs: ["metrics-api"],
  async run(p) {
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/demo created" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    await p.step("kubectl top pod demo", {
      until: true,
      timeout: 120,
      expect: (out) => {
        const m = /^demo\s+(\d+)m\s+(\d+)Mi\s*$/m.exec(out);
        return /^NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)/.test(out) && Number(m?.[1]) > 0;
      },
      note: {
        en: "The busy loop at its 100m limit. Until metrics-server has scraped the new Pod, kubectl top reports that metrics are not available yet (polled).",
        "zh-cn": "忙循环跑满了 100m 的限制。在 metrics-server 抓取到这个新 Pod 之前，kubectl top 会报告指标尚不可用（因此轮询）。",
      },
    });
    const { output: node } = await p.step("kubectl get pod demo -o jsonpath='{.spec.nodeName}'", { expect: /^\S+$/ });
    await p.step("kubectl top node", {
      expect: (out) => /^NAME\s+CPU\(cores\)\s+CPU\(%\)\s+MEMORY\(bytes\)\s+MEMORY\(%\)/.test(out) && new RegExp(`^${node}\\s+\\d+m\\s+\\d+%\\s+\\d+Mi\\s+\\d+%\\s*$`, "m").test(out),
      note: {
        en: "Nodes too: usage, and its share of the node's allocatable CPU and memory.",
        "zh-cn": "节点也一样：用量，以及它占节点可分配 CPU 和内存的比例。",
      },
    });
  },
});
