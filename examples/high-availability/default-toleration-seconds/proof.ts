import { defineProof } from "#proof";

export default defineProof({
  title: {
    en: "A Pod created without tolerations gets 300-second tolerations for not-ready and unreachable nodes",
    "zh-cn": "没有写容忍的 Pod 会被加上针对 not-ready 和 unreachable 节点的 300 秒容忍",
  },
  async run(p) {
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/demo created" });
    await p.step("grep -c 'tolerations:' pod.yaml", {
      exitCode: "nonzero",
      expect: "0",
      note: { en: "The manifest has no tolerations.", "zh-cn": "清单里没有任何容忍。" },
    });
    await p.step(`kubectl get pod demo -o jsonpath='{range .spec.tolerations[*]}{.key} {.operator} {.effect} {.tolerationSeconds}{"\\n"}{end}'`, {
      expect: "node.kubernetes.io/not-ready Exists NoExecute 300\nnode.kubernetes.io/unreachable Exists NoExecute 300",
      note: {
        en: "The stored Pod has two: the DefaultTolerationSeconds admission plugin added them. If its node becomes not-ready or unreachable (and gets the matching NoExecute taint), the Pod stays bound to it for 300 seconds and is then evicted.",
        "zh-cn": "存储下来的 Pod 里有两条：是准入插件 DefaultTolerationSeconds 加上的。一旦所在节点变为 not-ready 或 unreachable（并被打上对应的 NoExecute 污点），Pod 会继续留在该节点上 300 秒，然后被驱逐。",
      },
    });
  },
});
