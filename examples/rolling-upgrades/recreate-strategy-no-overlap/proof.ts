import { defineProof, tableRows as rows } from "#proof";

const pods =
  "kubectl get pods -l app.kubernetes.io/name=app -o custom-columns=NAME:.metadata.name,VERSION:.spec.containers[0].env[0].value,READY:.status.containerStatuses[0].ready,DELETING:.metadata.deletionTimestamp";
const replicaSets =
  "kubectl get rs -l app.kubernetes.io/name=app -o custom-columns='REVISION:.metadata.annotations.deployment\\.kubernetes\\.io/revision,VERSION:.spec.template.spec.containers[0].env[0].value,DESIRED:.spec.replicas,TERMINATING:.status.terminatingReplicas'";
/** The rows of a custom-columns table, without its header. */

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
      expect: (out) => {
        const r = rows(out);
        return r.length === 2 && r.every((x) => x[1] === "v1" && x[3] !== "<none>");
      },
      note: {
        en: "Both old Pods are shutting down (their preStop hook takes 10 s), and there is no new Pod at all.",
        "zh-cn": "两个旧 Pod 都在关闭中（preStop 钩子要 10 秒），而新 Pod 一个都还没有。",
      },
    });
    await p.step(replicaSets, {
      expect: (out) => JSON.stringify(rows(out)) === JSON.stringify([["1", "v1", "0", "2"]]),
      note: {
        en: "The old ReplicaSet is already scaled to 0 while its 2 Pods are still terminating; a ReplicaSet for v2 has not even been created yet.",
        "zh-cn": "旧 ReplicaSet 已经缩到 0，但它的 2 个 Pod 仍在终止中；v2 的 ReplicaSet 甚至还没有创建。",
      },
    });
    await p.step("kubectl rollout status deployment/app --timeout=120s", { expect: /successfully rolled out/ });
    await p.step(pods, {
      until: true,
      timeout: 60,
      expect: (out) => rows(out).length === 2 && rows(out).every((x) => x[1] === "v2" && x[2] === "true" && x[3] === "<none>"),
      note: { en: "Only then do the v2 Pods appear.", "zh-cn": "在那之后 v2 的 Pod 才出现。" },
    });
    await p.step("kubectl events --for deployment/app", {
      expect: (out) => {
        const scaled = out.split("\n").filter((l) => l.includes("ScalingReplicaSet")).map((l) => l.slice(l.indexOf("Scaled ")).replace(/app-[a-z0-9]+/, "RS"));
        return JSON.stringify(scaled) === JSON.stringify(["Scaled up replica set RS from 0 to 2", "Scaled down replica set RS from 2 to 0", "Scaled up replica set RS from 0 to 2"]);
      },
      note: {
        en: "The controller's record: v1 scaled from 2 to 0, and v2 from 0 to 2 only once the old Pods had finished terminating — the gap is the downtime.",
        "zh-cn": "控制器的记录：v1 从 2 缩到 0；等旧 Pod 全部终止之后，v2 才从 0 扩到 2——中间这段时间就是服务中断。",
      },
    });
  },
});
