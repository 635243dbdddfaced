import { defineProof, tableRows as rows, that } from "#proof";

const replicaSets =
  "kubectl get rs -l app.kubernetes.io/name=app -o custom-columns='NAME:.metadata.name,REVISION:.metadata.annotations.deployment\\.kubernetes\\.io/revision,VERSION:.spec.template.spec.containers[0].env[0].value,DESIRED:.spec.replicas'";
const pods =
  "kubectl get pods -l app.kubernetes.io/name=app -o custom-columns=NAME:.metadata.name,OWNER:.metadata.ownerReferences[0].name,VERSION:.spec.containers[0].env[0].value";
/** The rows of `kubectl rollout history`, as "REVISION CHANGE-CAUSE". */
const history = (output: string) =>
  output
    .split("\n")
    .map((l) => l.trim().split(/\s+/))
    .filter((c) => /^\d+$/.test(c[0]))
    .map((c) => c.join(" "));
/** The ReplicaSets by revision, as "revision version desired", with a * on the one named `first`. */
const replicaSetList = (output: string, first: string) =>
  rows(output)
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map(([name, revision, version, desired]) => `${name === first ? "*" : ""}${revision} ${version} ${desired}`)
    .join(", ");

export default defineProof({
  title: {
    en: "rollout history lists one revision per template; rollout undo --to-revision scales the old ReplicaSet back up as the newest revision",
    "zh-cn": "rollout history 每个模板一个修订版本；rollout undo --to-revision 把旧 ReplicaSet 重新扩容，并让它成为最新修订版本",
  },
  async run(p) {
    await p.step("kubectl apply -f deployment.yaml", { expect: "deployment.apps/app created" });
    await p.step("kubectl rollout status deployment/app --timeout=120s", { expect: /successfully rolled out/ });
    const first = await p.step(replicaSets, {
      expect: that(
        { en: "one ReplicaSet: revision 1, VERSION v1", "zh-cn": "一个 ReplicaSet：修订版本 1，VERSION 为 v1" },
        (out) => rows(out).length === 1 && rows(out)[0][1] === "1" && rows(out)[0][2] === "v1",
      ),
    });
    const v1 = rows(first.output)[0][0];
    await p.step("kubectl set env deployment/app VERSION=v2", { expect: "deployment.apps/app env updated" });
    await p.step("kubectl rollout status deployment/app --timeout=120s", { expect: /successfully rolled out/ });
    await p.step("kubectl set env deployment/app VERSION=v3", { expect: "deployment.apps/app env updated" });
    await p.step("kubectl rollout status deployment/app --timeout=120s", { expect: /successfully rolled out/ });
    await p.step("kubectl rollout history deployment/app", {
      expect: that(
        { en: "revisions 1, 2 and 3, each with CHANGE-CAUSE <none>", "zh-cn": "修订版本 1、2、3，CHANGE-CAUSE 都是 <none>" },
        (out) => history(out).join() === "1 <none>,2 <none>,3 <none>",
      ),
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
      expect: that(
        {
          en: `three ReplicaSets: revision 1 (${v1}, VERSION v1) and revision 2 (VERSION v2) with 0 desired, revision 3 (VERSION v3) with 2`,
          "zh-cn": `三个 ReplicaSet：修订版本 1（${v1}，VERSION 为 v1）和修订版本 2（VERSION 为 v2）期望 0 个，修订版本 3（VERSION 为 v3）期望 2 个`,
        },
        (out) => replicaSetList(out, v1) === "*1 v1 0, 2 v2 0, 3 v3 2",
      ),
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
      expect: that(
        {
          en: `three ReplicaSets: revisions 2 (VERSION v2) and 3 (VERSION v3) with 0 desired, and ${v1}, VERSION v1, now revision 4, with 2`,
          "zh-cn": `三个 ReplicaSet：修订版本 2（VERSION 为 v2）和 3（VERSION 为 v3）期望 0 个；${v1}，VERSION 为 v1，现在是修订版本 4，期望 2 个`,
        },
        (out) => replicaSetList(out, v1) === "2 v2 0, 3 v3 0, *4 v1 2",
      ),
      note: {
        en: "No new ReplicaSet: the one of revision 1 (same name) is scaled back up and now carries revision 4. The others stay at 0.",
        "zh-cn": "没有新建 ReplicaSet：修订版本 1 的那个（名字不变）重新扩容，现在的修订号是 4。其余的保持为 0。",
      },
    });
    await p.step("kubectl rollout history deployment/app", {
      expect: that(
        { en: "revisions 2, 3 and 4, each with CHANGE-CAUSE <none>", "zh-cn": "修订版本 2、3、4，CHANGE-CAUSE 都是 <none>" },
        (out) => history(out).join() === "2 <none>,3 <none>,4 <none>",
      ),
      note: { en: "Revision 1 has become revision 4.", "zh-cn": "修订版本 1 变成了修订版本 4。" },
    });
    await p.step(pods, {
      until: true,
      timeout: 60,
      expect: that(
        { en: `2 Pods, both owned by ${v1}, both VERSION v1`, "zh-cn": `2 个 Pod，属主都是 ${v1}，VERSION 都是 v1` },
        (out) => rows(out).length === 2 && rows(out).every((x) => x[1] === v1 && x[2] === "v1"),
      ),
    });
  },
});
