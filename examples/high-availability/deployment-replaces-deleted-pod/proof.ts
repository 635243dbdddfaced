import { defineProof, tableRows as rows, that } from "#proof";

/** A custom-columns table; its rows are [name, owner, ready]. */
const pods =
  "kubectl get pods -l app.kubernetes.io/name=app -o custom-columns=NAME:.metadata.name,OWNER:.metadata.ownerReferences[0].name,READY:.status.containerStatuses[0].ready";

export default defineProof({
  title: {
    en: "A Deployment's ReplicaSet replaces a deleted Pod with a new one",
    "zh-cn": "Deployment 的 ReplicaSet 会用一个新 Pod 替换被删除的 Pod",
  },
  async run(p) {
    await p.step("kubectl apply -f deployment.yaml", { expect: "deployment.apps/app created" });
    await p.step("kubectl rollout status deployment/app --timeout=120s", { expect: /successfully rolled out/ });
    const before = await p.step(pods, {
      expect: that(
        { en: "three Pods, all ready, all with the same owner", "zh-cn": "三个 Pod，全部就绪，属主都相同" },
        (out) => rows(out).length === 3 && rows(out).every((r) => r[2] === "true") && new Set(rows(out).map((r) => r[1])).size === 1,
      ),
      note: { en: "Three Pods, all owned by one ReplicaSet.", "zh-cn": "三个 Pod，都属于同一个 ReplicaSet。" },
    });
    const names = rows(before.output).map((r) => r[0]);
    const replicaSet = rows(before.output)[0][1];
    await p.step(`kubectl delete pod ${names[0]}`, {
      expect: new RegExp(`^pod "${names[0]}" deleted`),
      note: { en: "Delete one of them.", "zh-cn": "删除其中一个。" },
    });
    const after = await p.step(pods, {
      until: true,
      timeout: 90,
      expect: that(
        {
          en: `three Pods, all ready: ${names[1]} and ${names[2]}, and one new Pod owned by ${replicaSet}; ${names[0]} is gone`,
          "zh-cn": `三个 Pod，全部就绪：${names[1]}、${names[2]}，以及一个属于 ${replicaSet} 的新 Pod；${names[0]} 已不在`,
        },
        (out) => {
          const r = rows(out);
          const fresh = r.filter((x) => !names.includes(x[0]));
          return (
            r.length === 3 &&
            !r.some((x) => x[0] === names[0]) &&
            fresh.length === 1 &&
            fresh[0][1] === replicaSet &&
            r.every((x) => x[2] === "true")
          );
        },
      ),
      note: {
        en: "Three again: the two untouched Pods and a new one with a different name, from the same ReplicaSet.",
        "zh-cn": "又是三个：两个没动过的 Pod，加上一个名字不同的新 Pod，出自同一个 ReplicaSet。",
      },
    });
    const fresh = rows(after.output).find((x) => !names.includes(x[0]))![0];
    await p.step("kubectl get deployment app -o jsonpath='{.status.readyReplicas}/{.spec.replicas}'", { expect: "3/3" });
    await p.step(`kubectl events --for replicaset/${replicaSet}`, {
      expect: that(
        {
          en: `four SuccessfulCreate events, one for each Pod: the three first ones and ${fresh}`,
          "zh-cn": `四个 SuccessfulCreate 事件，每个 Pod 一个：最初的三个，以及 ${fresh}`,
        },
        (out) => {
          const created = [...out.matchAll(/\sSuccessfulCreate\s.*Created pod: (\S+)$/gm)].map((m) => m[1]).sort();
          return JSON.stringify(created) === JSON.stringify([...names, fresh].sort());
        },
      ),
      note: {
        en: "The ReplicaSet's events: three Pods created at the start, and a fourth when it saw only two left.",
        "zh-cn": "ReplicaSet 的事件：开始时创建了三个 Pod，发现只剩两个时又创建了第四个。",
      },
    });
  },
});
