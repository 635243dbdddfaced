import { defineProof, tableRows as rows, that } from "#proof";

const pods = "kubectl get pods -l app.kubernetes.io/name=spread -o custom-columns=NAME:.metadata.name,PHASE:.status.phase,NODE:.spec.nodeName";

export default defineProof({
  title: {
    en: "With required pod anti-affinity per node, a replica more than there are schedulable nodes stays Pending, and the scheduler says why",
    "zh-cn": "按节点设置了强制 Pod 反亲和性时，副本数比可调度节点多出的那个副本一直 Pending，调度器会说明原因",
  },
  async run(p) {
    const { output: nodeTable } = await p.step("kubectl get nodes -o custom-columns=NAME:.metadata.name,TAINTS:.spec.taints[*].effect,UNSCHEDULABLE:.spec.unschedulable", {
      expect: that(
        { en: "at least one node without taints that is not cordoned", "zh-cn": "至少有一个没有污点、也没有被封锁（cordon）的节点" },
        (o) => rows(o).some(([, taints, cordoned]) => taints === "<none>" && cordoned === "<none>"),
      ),
      note: {
        en: "The nodes a plain Pod can land on: no taint (a control-plane node of kind carries NoSchedule) and not cordoned.",
        "zh-cn": "普通 Pod 能落到的节点：没有污点（kind 的控制平面节点带 NoSchedule 污点），也没有被封锁。",
      },
    });
    const all = rows(nodeTable);
    const schedulable = all.filter(([, taints, cordoned]) => taints === "<none>" && cordoned === "<none>").length;
    await p.step("kubectl apply -f deployment.yaml", { expect: "deployment.apps/spread created" });
    await p.step(`kubectl scale deployment/spread --replicas=${schedulable + 1}`, {
      expect: "deployment.apps/spread scaled",
      note: {
        en: `One replica more than the ${schedulable} schedulable node(s): at most one replica fits on each.`,
        "zh-cn": `比 ${schedulable} 个可调度节点多一个副本：每个节点最多只能放一个。`,
      },
    });
    const { output: placed } = await p.step(pods, {
      until: true,
      timeout: 120,
      expect: that(
        {
          en: `${schedulable} Pod(s) Running, each on a different node, and one Pending on no node`,
          "zh-cn": `${schedulable} 个 Pod 处于 Running，各在不同节点上；另有一个 Pending，没有分配节点`,
        },
        (o) => {
          const r = rows(o);
          const running = r.filter(([, phase]) => phase === "Running");
          const pending = r.filter(([, phase, node]) => phase === "Pending" && node === "<none>");
          return r.length === schedulable + 1 && running.length === schedulable && new Set(running.map(([, , n]) => n)).size === schedulable && pending.length === 1;
        },
      ),
    });
    const pending = rows(placed).find(([, phase]) => phase === "Pending")?.[0] ?? "";
    await p.step(`kubectl get events --field-selector involvedObject.name=${pending},reason=FailedScheduling -o jsonpath='{.items[0].message}'`, {
      until: true,
      timeout: 60,
      expect: new RegExp(`^0/${all.length} nodes are available: .*${schedulable} node\\(s\\) didn't match pod anti-affinity rules`),
      note: {
        en: "The FailedScheduling event counts the nodes ruled out, by reason: on each schedulable node a replica already runs, so the anti-affinity rule excludes it. The Deployment is not told: it reports the replica as unavailable, and the Pod waits until a node frees up or joins.",
        "zh-cn": "FailedScheduling 事件按原因统计被排除的节点：每个可调度节点上都已经有一个副本，反亲和性规则把它排除了。Deployment 并不会收到拒绝，只是把这个副本算作不可用；Pod 一直等到有节点空出来或新节点加入。",
      },
    });
    await p.step("kubectl get deployment spread -o jsonpath='{.status.replicas} {.status.availableReplicas} {.status.unavailableReplicas}'", {
      until: true,
      timeout: 60,
      expect: `${schedulable + 1} ${schedulable} 1`,
      note: {
        en: `The Deployment's view: ${schedulable + 1} replicas, ${schedulable} available, 1 unavailable.`,
        "zh-cn": `Deployment 看到的是：${schedulable + 1} 个副本，${schedulable} 个可用，1 个不可用。`,
      },
    });
    await p.step(`kubectl scale deployment/spread --replicas=${schedulable}`, { expect: "deployment.apps/spread scaled" });
    await p.step(pods, {
      until: true,
      timeout: 60,
      expect: that(
        {
          en: `the ${schedulable} Running Pod(s) remain, and ${pending} is gone`,
          "zh-cn": `${schedulable} 个 Running 的 Pod 都还在，${pending} 已被删除`,
        },
        (o) => {
          const r = rows(o);
          return r.length === schedulable && r.every(([name, phase]) => phase === "Running" && name !== pending);
        },
      ),
      note: {
        en: "Scaling down removes the unscheduled replica first: the ReplicaSet controller deletes Pods not yet on a node before running ones.",
        "zh-cn": "缩容时先删掉没调度上的副本：ReplicaSet 控制器优先删除还没分配到节点的 Pod，再考虑运行中的。",
      },
    });
  },
});
