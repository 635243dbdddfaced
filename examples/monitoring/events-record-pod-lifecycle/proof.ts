import { defineProof, that } from "#proof";

const reasons = (out: string) =>
  out
    .split("\n")
    .slice(1)
    .map((l) => l.split(/\s+/)[2]);

export default defineProof({
  title: {
    en: "Events record a Pod's way from scheduling to a started container",
    "zh-cn": "事件记录了 Pod 从调度到容器启动的过程",
  },
  async run(p) {
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/demo created" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    await p.step("kubectl events --for pod/demo", {
      until: true,
      timeout: 30,
      expect: that(
        {
          en: `the REASON column holds Scheduled, Pulled, Created and Started, once each, and a message says "Successfully assigned ${p.namespace}/demo to …"`,
          "zh-cn": `REASON 一列中 Scheduled、Pulled、Created、Started 各出现一次，并且有一条消息是 "Successfully assigned ${p.namespace}/demo to …"`,
        },
        (out) =>
          /^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE/.test(out) &&
          [...reasons(out)].sort().join(" ") === "Created Pulled Scheduled Started" &&
          new RegExp(`Successfully assigned ${p.namespace}/demo to `).test(out),
      ),
      note: {
        en: "The scheduler assigned the Pod to a node (Scheduled); the kubelet got the image (Pulled: its message says whether the image was already on the node), created the container and started it. The check does not rely on the listed order: kubectl sorts by each event's time, which the scheduler records to the microsecond and the kubelet to the second, so events of the same second can be listed out of order (eventTime in kubectl's events.go).",
        "zh-cn": "调度器把 Pod 分配到节点（Scheduled）；kubelet 拿到镜像（Pulled：消息里写明镜像是否已经在节点上）、创建容器并启动它。这项检查不依赖列出的顺序：kubectl 按每个事件的时间排序，而调度器记录的时间精确到微秒，kubelet 只精确到秒，所以同一秒内的事件可能排错顺序（见 kubectl 的 events.go 中的 eventTime）。",
      },
    });
    await p.step("kubectl get events --field-selector involvedObject.name=demo -o custom-columns=REPORTER:.reportingComponent,REASON:.reason", {
      expect: that(
        {
          en: "Scheduled was reported by default-scheduler; Pulled, Created and Started by kubelet",
          "zh-cn": "Scheduled 由 default-scheduler 报告；Pulled、Created 和 Started 由 kubelet 报告",
        },
        (out) => {
          const rows = out.split("\n").slice(1).map((l) => l.trim().split(/\s+/));
          const by = (reason: string) => rows.find((r) => r.at(-1) === reason);
          return by("Scheduled")?.[0] === "default-scheduler" && ["Pulled", "Created", "Started"].every((r) => by(r)?.[0] === "kubelet");
        },
      ),
      note: {
        en: "Events are ordinary API objects, each recorded by the component that acted: the scheduler, then the kubelet.",
        "zh-cn": "事件是普通的 API 对象，由执行操作的组件各自记录：先是调度器，然后是 kubelet。",
      },
    });
  },
});
