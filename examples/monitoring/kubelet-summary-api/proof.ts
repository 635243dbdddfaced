import { defineProof } from "#proof";

interface PodStats {
  podRef: { name: string; namespace: string };
  cpu: { usageNanoCores?: number };
  memory: { workingSetBytes?: number };
  containers: { name: string; cpu: { usageNanoCores?: number }; memory: { workingSetBytes?: number } }[];
}

export default defineProof({
  title: {
    en: "The kubelet's Summary API (/stats/summary) reports each Pod's CPU and memory as JSON",
    "zh-cn": "kubelet 的 Summary API（/stats/summary）以 JSON 报告每个 Pod 的 CPU 和内存",
  },
  async run(p) {
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/demo created" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    const { output: node } = await p.step("kubectl get pod demo -o jsonpath='{.spec.nodeName}'", { expect: /^\S+$/ });
    await p.step(`kubectl get --raw /api/v1/nodes/${node}/proxy/stats/summary | jq -c 'keys'`, {
      expect: '["node","pods"]',
      note: { en: "One object for the node, one per Pod.", "zh-cn": "一个节点对象，每个 Pod 一个对象。" },
    });
    await p.step(
      `kubectl get --raw /api/v1/nodes/${node}/proxy/stats/summary | jq '.pods[] | select(.podRef.namespace == "${p.namespace}") | {podRef: .podRef.name, cpu: {usageNanoCores: .cpu.usageNanoCores}, memory: {workingSetBytes: .memory.workingSetBytes}, containers: [.containers[] | {name, cpu: {usageNanoCores: .cpu.usageNanoCores}, memory: {workingSetBytes: .memory.workingSetBytes}}]}'`,
      {
        until: true,
        timeout: 60,
        expect: (out) => {
          const s = JSON.parse(out) as Omit<PodStats, "podRef"> & { podRef: string };
          const c = s.containers.find((x) => x.name === "app");
          return (
            s.podRef === "demo" &&
            (s.cpu.usageNanoCores ?? 0) > 0 &&
            (s.memory.workingSetBytes ?? 0) > 0 &&
            (c?.cpu.usageNanoCores ?? 0) > 0 &&
            (c?.memory.workingSetBytes ?? 0) > 0
          );
        },
        note: {
          en: "This Pod's entry, reduced with jq to the two figures metrics-server uses: CPU as a rate in nanocores (about 100000000, the busy loop at its 100m limit) and working-set memory in bytes, for the Pod and for its container.",
          "zh-cn": "这个 Pod 的条目，用 jq 精简为 metrics-server 使用的两个数字：以纳核为单位的 CPU 速率（约 100000000，即忙循环跑满 100m 的限制）和以字节为单位的工作集内存，Pod 级和容器级各一份。",
        },
      },
    );
  },
});
