import { defineProof, that } from "#proof";

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
      // A busy loop held to 100m, measured over a window: some room either side of the limit.
      expect: that(
        {
          en: "columns NAME, CPU(cores), MEMORY(bytes); demo uses between 50m and 110m of CPU, and its memory is given in Mi",
          "zh-cn": "列为 NAME、CPU(cores)、MEMORY(bytes)；demo 的 CPU 在 50m 到 110m 之间，内存以 Mi 为单位给出",
        },
        (out) => {
          const m = /^demo\s+(\d+)m\s+(\d+)Mi\s*$/m.exec(out);
          const cpu = Number(m?.[1]);
          return /^NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)/.test(out) && cpu >= 50 && cpu <= 110;
        },
      ),
      note: {
        en: "The busy loop, held to its 100m limit. Polled: metrics-server has to scrape the new Pod first.",
        "zh-cn": "忙循环，被限制在 100m。需要轮询：metrics-server 得先抓取到这个新 Pod。",
      },
    });
    const { output: node } = await p.step("kubectl get pod demo -o jsonpath='{.spec.nodeName}'", { expect: /^\S+$/ });
    await p.step("kubectl top node", {
      expect: that(
        {
          en: `columns NAME, CPU(cores), CPU(%), MEMORY(bytes), MEMORY(%), and a row for ${node}, the Pod's node, with CPU in m, memory in Mi and both percentages`,
          "zh-cn": `列为 NAME、CPU(cores)、CPU(%)、MEMORY(bytes)、MEMORY(%)，并且有 Pod 所在节点 ${node} 的一行：CPU 以 m 为单位，内存以 Mi 为单位，外加两个百分比`,
        },
        (out) =>
          /^NAME\s+CPU\(cores\)\s+CPU\(%\)\s+MEMORY\(bytes\)\s+MEMORY\(%\)/.test(out) &&
          new RegExp(`^${node}\\s+\\d+m\\s+\\d+%\\s+\\d+Mi\\s+\\d+%\\s*$`, "m").test(out),
      ),
      note: {
        en: "Nodes too: usage, and its share of the node's allocatable CPU and memory.",
        "zh-cn": "节点也一样：用量，以及它占节点可分配 CPU 和内存的比例。",
      },
    });
  },
});
