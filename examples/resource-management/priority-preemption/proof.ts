import { defineProof, proofLabel, that } from "#proof";

const nodeCpu = "kubectl describe nodes | grep -E -A6 '^(Allocatable|Allocated resources):'";
/** A CPU quantity in millicores ("2", "1950m", "1.5"). */
const millicores = (q: string) => (q.endsWith("m") ? Number(q.slice(0, -1)) : Number(q) * 1000);
/** Allocatable CPU minus the sum of the CPU requests of the Pods on the (single) node, from `describe nodes`. */
function freeCpu(out: string) {
  if ((out.match(/^Allocatable:/gm) ?? []).length !== 1) return NaN;
  const allocatable = millicores(/^Allocatable:\n\s+cpu:\s+(\S+)/m.exec(out)?.[1] ?? "");
  const requested = millicores(/^Allocated resources:[\s\S]*?^\s+cpu\s+(\S+)\s+\(/m.exec(out)?.[1] ?? "");
  return allocatable - requested;
}

// The Pods name a PriorityClass that must exist when they are created, and request a share of this node's CPU
// measured during the proof, so their manifests are generated here rather than kept as files.
const pod = (name: string, priorityClass: string, cpu: number) => `kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels:
    app.kubernetes.io/name: ${name}
spec:
  priorityClassName: ${priorityClass}
  securityContext:
    runAsNonRoot: true
    runAsUser: 65534
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: app
      image: docker.io/library/busybox:1.35.0
      command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
      lifecycle:
        preStop: # a graceful shutdown that takes 5 s
          exec:
            command: ["sleep", "5"]
      resources:
        requests:
          cpu: ${cpu}m
      securityContext:
        allowPrivilegeEscalation: false
        capabilities:
          drop: ["ALL"]
        readOnlyRootFilesystem: true
EOF`;

export default defineProof({
  title: {
    en: "A high-priority Pod that fits nowhere preempts a lower-priority Pod",
    "zh-cn": "哪里都放不下的高优先级 Pod 会抢占低优先级 Pod",
  },
  // It fills the node's CPU to make the point; with more nodes the Pods would simply go elsewhere.
  lacks: ["multi-node"],
  async run(p) {
    // PriorityClasses are cluster-wide: named after this proof's namespace, labelled with it, deleted afterwards.
    const low = `${p.namespace}-low`;
    const high = `${p.namespace}-high`;
    const createClass = (name: string, value: number, description: string) =>
      `kubectl create priorityclass ${name} --value=${value} --description="${description}" && kubectl label priorityclass ${name} ${proofLabel}=${p.namespace}`;
    const created = (name: string) => `priorityclass.scheduling.k8s.io/${name} created\npriorityclass.scheduling.k8s.io/${name} labeled`;
    p.cleanup(`kubectl delete priorityclass ${low} ${high} --ignore-not-found`);

    const before = await p.step(nodeCpu, {
      until: true,
      timeout: 180,
      expect: that(
        {
          en: "one node, whose allocatable cpu minus the cpu requests already on it leaves at least 1500m",
          "zh-cn": "只有一个节点，其可分配 cpu 减去节点上已有的 cpu requests 后至少剩 1500m",
        },
        (out) => freeCpu(out) >= 1500,
      ),
      note: {
        en: "The node's allocatable CPU and the sum of the CPU requests already on it (the first cpu line under Allocated resources).",
        "zh-cn": "节点的可分配 CPU，以及节点上已有的 CPU requests 之和（Allocated resources 下第一行 cpu）。",
      },
    });
    // Each Pod requests all that is free but 500m: one fits, two do not.
    const share = Math.floor((freeCpu(before.output) - 500) / 100) * 100;

    await p.step(createClass(low, 1000, "batch work that may be preempted"), {
      expect: created(low),
      note: {
        en: "A PriorityClass maps a name to an integer. It is cluster-wide, not in the proof's namespace: the label marks it as this proof's.",
        "zh-cn": "PriorityClass 把一个名称映射成一个整数。它是集群级对象，不在本验证的命名空间里：标签表明它属于本验证。",
      },
    });
    await p.step(createClass(high, 1000000, "work that may preempt"), { expect: created(high) });
    await p.step(`kubectl get priorityclass ${low} ${high} -o custom-columns=NAME:.metadata.name,VALUE:.value,PREEMPTION-POLICY:.preemptionPolicy`, {
      expect: new RegExp(`^NAME\\s+VALUE\\s+PREEMPTION-POLICY\\n${low}\\s+1000\\s+PreemptLowerPriority\\n${high}\\s+1000000\\s+PreemptLowerPriority$`),
      note: {
        en: "Neither command set a preemptionPolicy: both classes have the default, PreemptLowerPriority.",
        "zh-cn": "两条命令都没有设置 preemptionPolicy：两个类都取默认值 PreemptLowerPriority。",
      },
    });
    await p.step(pod("low", low, share), {
      expect: "pod/low created",
      note: {
        en: `The low-priority Pod requests ${share}m, all of the node's free CPU but 500m.`,
        "zh-cn": `低优先级 Pod 申请 ${share}m，即节点空闲 CPU 中除 500m 以外的全部。`,
      },
    });
    await p.step("kubectl wait --for=condition=Ready pod/low --timeout=120s", { expect: "pod/low condition met" });
    await p.step("kubectl get pod low -o jsonpath='{.spec.priorityClassName} {.spec.priority}'", {
      expect: `${low} 1000`,
      note: {
        en: "Admission resolved the class name to its value in spec.priority.",
        "zh-cn": "准入阶段把类名解析成了 spec.priority 中的数值。",
      },
    });
    await p.step(pod("high", high, share), {
      expect: "pod/high created",
      note: {
        en: "The high-priority Pod requests as much: it does not fit next to the low one.",
        "zh-cn": "高优先级 Pod 申请同样多：它和低优先级 Pod 放不到一起。",
      },
    });
    await p.step(
      `kubectl get pod low -o jsonpath='{.status.conditions[?(@.type=="DisruptionTarget")].reason}: {.status.conditions[?(@.type=="DisruptionTarget")].message}'`,
      {
        until: true,
        timeout: 30,
        expect: "PreemptionByScheduler: default-scheduler: preempting to accommodate a higher priority pod",
        note: {
          en: "The scheduler marks its victim with a DisruptionTarget condition, then deletes it: two steps below, it is gone.",
          "zh-cn": "调度器先给被抢占的 Pod 加上 DisruptionTarget 条件，再删除它：往下两步可以看到它已经不在了。",
        },
      },
    );
    await p.step("kubectl wait --for=condition=Ready pod/high --timeout=120s", {
      // The victim was marked before this step began, and its preStop hook alone takes 5 s; a second is left
      // for the time the step above may have taken to see the mark.
      expect: that(
        { en: "pod/high condition met, after at least 4 s of waiting", "zh-cn": "pod/high condition met，此前至少等待了 4 秒" },
        (out, { seconds }) => out === "pod/high condition met" && seconds >= 4,
      ),
      note: {
        en: "The preemptor is not started at once: it waits for its victim's graceful shutdown, here a 5 s preStop hook.",
        "zh-cn": "抢占者并不会立刻启动：它要等被抢占者优雅关闭，这里是 5 秒的 preStop 钩子。",
      },
    });
    await p.step("kubectl get pod low", {
      exitCode: "nonzero",
      expect: 'Error from server (NotFound): pods "low" not found',
      note: { en: "The low-priority Pod is gone: preemption deletes it.", "zh-cn": "低优先级 Pod 不见了：抢占会删除它。" },
    });
    const h = await p.step("kubectl get pod high -o jsonpath='{.metadata.uid} {.spec.nodeName} {.spec.priority}'", {
      expect: /^[0-9a-f-]{36} \S+ 1000000$/,
    });
    const [uid, node] = h.output.split(" ");
    await p.step("kubectl get events --field-selector involvedObject.name=low,reason=Preempted -o jsonpath='{.items[0].message}'", {
      expect: `Preempted by pod ${uid} on node ${node}`,
      note: {
        en: "The victim's Preempted event names the preemptor by UID: the high-priority Pod above.",
        "zh-cn": "被抢占者的 Preempted 事件用 UID 指明了抢占者：正是上面那个高优先级 Pod。",
      },
    });
  },
});
