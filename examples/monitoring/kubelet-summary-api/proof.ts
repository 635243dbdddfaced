import { defineProof, that } from "#proof";

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
        // A busy loop held to 100m (100000000 nanocores), as a rate over a short window: some room either side.
        expect: that(
          {
            en: "the entry is Pod demo's; the Pod's and its container app's usageNanoCores are each between 50000000 and 110000000, and their workingSetBytes above 0",
            "zh-cn": "这是 Pod demo 的条目；Pod 及其容器 app 的 usageNanoCores 都在 50000000 到 110000000 之间，workingSetBytes 都大于 0",
          },
          (out) => {
            const s = JSON.parse(out) as Omit<PodStats, "podRef"> & { podRef: string };
            const c = s.containers.find((x) => x.name === "app");
            const busy = (nanoCores = 0) => nanoCores >= 50e6 && nanoCores <= 110e6;
            return (
              s.podRef === "demo" &&
              busy(s.cpu.usageNanoCores) &&
              (s.memory.workingSetBytes ?? 0) > 0 &&
              busy(c?.cpu.usageNanoCores) &&
              (c?.memory.workingSetBytes ?? 0) > 0
            );
          },
        ),
        note: {
          en: "This Pod's entry, reduced with jq to the two figures metrics-server uses: CPU as a rate in nanocores (about 100000000, the busy loop at its 100m limit) and working-set memory in bytes, for the Pod and for its container.",
          "zh-cn": "这个 Pod 的条目，用 jq 精简为 metrics-server 使用的两个数字：以纳核为单位的 CPU 速率（约 100000000，即忙循环跑满 100m 的限制）和以字节为单位的工作集内存，Pod 级和容器级各一份。",
        },
      },
    );
  },
});
