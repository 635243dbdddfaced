import { defineProof, tableRows as rows } from "#proof";

const replicaSets =
  "kubectl get rs -l app.kubernetes.io/name=app -o custom-columns='NAME:.metadata.name,REVISION:.metadata.annotations.deployment\\.kubernetes\\.io/revision,VERSION:.spec.template.spec.containers[0].env[0].value,DESIRED:.spec.replicas'";
const pods =
  "kubectl get pods -l app.kubernetes.io/name=app -o custom-columns=NAME:.metadata.name,OWNER:.metadata.ownerReferences[0].name,VERSION:.spec.containers[0].env[0].value";
/** The rows of a table, without its header. */
/** The REVISION column of `kubectl rollout history`. */
const revisions = (output: string) =>
  output
    .split("\n")
    .map((l) => l.trim().split(/\s+/))
    .filter((c) => /^\d+$/.test(c[0]))
    .map((c) => c[0]);

export default defineProof({
  title: {
    en: "rollout history lists one revision per template; rollout undo --to-revision scales the old ReplicaSet back up as the newest revision",
    "zh-cn": "rollout history 每个模板一个修订版本；rollout undo --to-revision 把旧 ReplicaSet 重新扩容，并让它成为最新修订版本",
  },
  async run(p) {
    await p.step("kubectl apply -f deployment.yaml", { expect: "deployment.apps/app created" });
    await p.step("kubectl rollout status deployment/app --timeout=120s", { expect: /successfully rolled out/ });
    const first = await p.step(replicaSets, { expect: (out) => rows(out).length === 1 && rows(out)[0][1] === "1" && rows(out)[0][2] === "v1" });
    const v1 = rows(first.output)[0][0];
    await p.step("kubectl set env deployment/app VERSION=v2", { expect: "deployment.apps/app env updated" });
    await p.step("kubectl rollout status deployment/app --timeout=120s", { expect: /successfully rolled out/ });
    await p.step("kubectl set env deployment/app VERSION=v3", { expect: "deployment.apps/app env updated" });
    await p.step("kubectl rollout status deployment/app --timeout=120s", { expect: /successfully rolled out/ });
    await p.step("kubectl rollout history deployment/app", {
      expect: (out) => revisions(out).join() === "1,2,3",
      note: {
        en: "Three templates, three revisions. CHANGE-CAUSE shows the annotation kubernetes.io/change-cause, which nothing set here.",
        "zh-cn": "三个模板，三个修订版本。CHANGE-CAUSE 显示的是注解 kubernetes.io/change-cause，这里没有设置它。",
      },
    });
    await p.step("kubectl rollout history deployment/app --revision=1", {
      expect: /revision #1\n[\s\S]*VERSION:\s+v1\n/,
      note: { en: "Each revision keeps its whole Pod template.", "zh-cn": "每个修订版本都保存着完整的 Pod 模板。" },
    });
    await p.step(replicaSets, {
      expect: (out) => {
        const r = rows(out);
        return r.length === 3 && r.some((x) => x[0] === v1 && x[1] === "1" && x[3] === "0") && r.some((x) => x[1] === "3" && x[2] === "v3" && x[3] === "2");
      },
      note: {
        en: "The history is the ReplicaSets themselves: the old ones are kept, scaled to 0.",
        "zh-cn": "历史就是这些 ReplicaSet 本身：旧的被保留下来，缩容到 0。",
      },
    });
    await p.step("kubectl rollout undo deployment/app --to-revision=1", {
      expect: /^Warning: resource deployments\/app was previously managed with 'kubectl apply'\. .*\ndeployment\.apps\/app rolled back$/,
      note: {
        en: "kubectl warns: the Deployment was created with kubectl apply, and a rollback does not update the last-applied-configuration annotation that the next kubectl apply compares against. Keep your manifests in step with what you rolled back to.",
        "zh-cn": "kubectl 发出警告：这个 Deployment 是用 kubectl apply 创建的，而回滚不会更新下一次 kubectl apply 用来比较的 last-applied-configuration 注解。要让手里的清单和回滚后的状态保持一致。",
      },
    });
    await p.step("kubectl rollout status deployment/app --timeout=120s", { expect: /successfully rolled out/ });
    await p.step(replicaSets, {
      expect: (out) => {
        const r = rows(out);
        return r.length === 3 && r.some((x) => x[0] === v1 && x[1] === "4" && x[2] === "v1" && x[3] === "2") && r.filter((x) => x[0] !== v1).every((x) => x[3] === "0");
      },
      note: {
        en: "No new ReplicaSet: the one of revision 1 (same name) is scaled back up and now carries revision 4. The others stay at 0.",
        "zh-cn": "没有新建 ReplicaSet：修订版本 1 的那个（名字不变）重新扩容，现在的修订号是 4。其余的保持为 0。",
      },
    });
    await p.step("kubectl rollout history deployment/app", {
      expect: (out) => revisions(out).join() === "2,3,4",
      note: { en: "Revision 1 has become revision 4.", "zh-cn": "修订版本 1 变成了修订版本 4。" },
    });
    await p.step(pods, {
      until: true,
      timeout: 60,
      expect: (out) => rows(out).length === 2 && rows(out).every((x) => x[1] === v1 && x[2] === "v1"),
    });
  },
});
