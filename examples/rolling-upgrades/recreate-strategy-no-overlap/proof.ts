import { defineProof, tableRows as rows, that } from "#proof";

const pods =
  "kubectl get pods -l app.kubernetes.io/name=app -o custom-columns=NAME:.metadata.name,VERSION:.spec.containers[0].env[0].value,READY:.status.containerStatuses[0].ready,DELETING:.metadata.deletionTimestamp";
const replicaSets =
  "kubectl get rs -l app.kubernetes.io/name=app -o custom-columns='REVISION:.metadata.annotations.deployment\\.kubernetes\\.io/revision,VERSION:.spec.template.spec.containers[0].env[0].value,DESIRED:.spec.replicas,TERMINATING:.status.terminatingReplicas'";
/** A LAST SEEN age as kubectl prints it ("12s", "2m5s", "3m"), in seconds. */
const age = (s: string) => {
  const m = /^(?:(\d+)m)?(?:(\d+)s)?$/.exec(s);
  return m && s ? Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) : NaN;
};
/** The ScalingReplicaSet events of `kubectl events`, oldest first. */
const scalings = (out: string) =>
  out.split("\n").flatMap((line) => {
    const m = /^(\S+)\s.*\sScalingReplicaSet\s.*Scaled (up|down) replica set (\S+) from (\d+) to (\d+)\s*$/.exec(line);
    return m ? [{ age: age(m[1]), scaled: `${m[2]} from ${m[4]} to ${m[5]}`, rs: m[3] }] : [];
  });

export default defineProof({
  title: {
    en: "strategy Recreate: every old Pod is gone before the first new Pod is created",
    "zh-cn": "strategy Recreate：所有旧 Pod 消失之后，才创建第一个新 Pod",
  },
  async run(p) {
    await p.step("kubectl apply -f deployment.yaml", { expect: "deployment.apps/app created" });
    await p.step("kubectl rollout status deployment/app --timeout=120s", { expect: /successfully rolled out/ });
    await p.step("kubectl set env deployment/app VERSION=v2", { expect: "deployment.apps/app env updated" });
    await p.step(pods, {
      until: true,
      timeout: 30,
      expect: that(
        {
          en: "exactly 2 Pods, both VERSION v1 and both being deleted (DELETING set)",
          "zh-cn": "恰好 2 个 Pod，VERSION 都是 v1，都在删除中（DELETING 有值）",
        },
        (out) => {
          const r = rows(out);
          return r.length === 2 && r.every((x) => x[1] === "v1" && x[3] !== "<none>");
        },
      ),
      note: {
        en: "Both old Pods are shutting down (their preStop hook takes 10 s), and there is no new Pod at all.",
        "zh-cn": "两个旧 Pod 都在关闭中（preStop 钩子要 10 秒），而新 Pod 一个都还没有。",
      },
    });
    await p.step(replicaSets, {
      expect: that(
        {
          en: "a single ReplicaSet: revision 1 (v1) with 0 desired and 2 terminating",
          "zh-cn": "只有一个 ReplicaSet：修订版本 1（v1），期望 0 个，2 个正在终止",
        },
        (out) => JSON.stringify(rows(out)) === JSON.stringify([["1", "v1", "0", "2"]]),
      ),
      note: {
        en: "The old ReplicaSet is already scaled to 0 while its 2 Pods are still terminating; a ReplicaSet for v2 has not even been created yet.",
        "zh-cn": "旧 ReplicaSet 已经缩到 0，但它的 2 个 Pod 仍在终止中；v2 的 ReplicaSet 甚至还没有创建。",
      },
    });
    await p.step("kubectl rollout status deployment/app --timeout=120s", { expect: /successfully rolled out/ });
    await p.step(pods, {
      until: true,
      timeout: 60,
      expect: that(
        {
          en: "exactly 2 Pods, both VERSION v2, Ready and not being deleted",
          "zh-cn": "恰好 2 个 Pod，VERSION 都是 v2，都已 Ready，都不在删除中",
        },
        (out) => rows(out).length === 2 && rows(out).every((x) => x[1] === "v2" && x[2] === "true" && x[3] === "<none>"),
      ),
      note: { en: "Only then do the v2 Pods appear.", "zh-cn": "在那之后 v2 的 Pod 才出现。" },
    });
    await p.step("kubectl events --for deployment/app", {
      // The old Pods' preStop hook alone takes 10 s; LAST SEEN is in whole seconds.
      expect: that(
        {
          en: "exactly three ScalingReplicaSet events, in this order: a ReplicaSet scaled up from 0 to 2, the same one down from 2 to 0, and another one up from 0 to 2, last seen at least 9 s after the scale-down",
          "zh-cn": "恰好三条 ScalingReplicaSet 事件，依次为：一个 ReplicaSet 从 0 扩到 2，同一个从 2 缩到 0，另一个从 0 扩到 2，且最后这条的 LAST SEEN 比缩容那条晚至少 9 秒",
        },
        (out) => {
          const s = scalings(out);
          return (
            s.map((e) => e.scaled).join() === "up from 0 to 2,down from 2 to 0,up from 0 to 2" &&
            s[1].rs === s[0].rs &&
            s[2].rs !== s[0].rs &&
            s[1].age - s[2].age >= 9
          );
        },
      ),
      note: {
        en: "The controller's record: v1 scaled from 2 to 0, and v2 from 0 to 2 only some ten seconds later, once the old Pods had finished terminating (their preStop hook takes 10 s) — the gap is the downtime.",
        "zh-cn": "控制器的记录：v1 从 2 缩到 0；大约十秒之后，旧 Pod 全部终止（它们的 preStop 钩子要 10 秒），v2 才从 0 扩到 2——中间这段时间就是服务中断。",
      },
    });
  },
});
