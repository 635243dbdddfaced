import { defineProof, tableRows as rows, that } from "#proof";

/** One row per Pod: [name, ready]. */
const pods = "kubectl get pods -l app.kubernetes.io/name=app -o custom-columns=NAME:.metadata.name,READY:.status.containerStatuses[0].ready";
const environ = (pod: string) => `kubectl exec ${pod} -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep MODE'`;
/** One row per ReplicaSet: [name, revision, desired replicas]. */
const replicaSets =
  "kubectl get replicasets -l app.kubernetes.io/name=app -o custom-columns='NAME:.metadata.name,REVISION:.metadata.annotations.deployment\\.kubernetes\\.io/revision,DESIRED:.spec.replicas'";

export default defineProof({
  title: {
    en: "Changing env in a Deployment's template rolls out new Pods",
    "zh-cn": "修改 Deployment 模板里的 env 会滚动出新的 Pod",
  },
  async run(p) {
    await p.step("kubectl apply -f deployment.yaml", { expect: "deployment.apps/app created" });
    await p.step("kubectl rollout status deployment/app --timeout=120s", { expect: /successfully rolled out/ });
    const before = await p.step(pods, {
      expect: that({ en: "two Pods, both READY true", "zh-cn": "两个 Pod，READY 都为 true" }, (out) => {
        const r = rows(out);
        return r.length === 2 && r.every((x) => x[1] === "true");
      }),
    });
    const oldNames = rows(before.output).map((r) => r[0]);
    await p.step(environ(oldNames[0]), { expect: "MODE=blue" });
    await p.step("kubectl set env deployment/app MODE=debug", {
      expect: "deployment.apps/app env updated",
      note: {
        en: "Unlike a Pod, a Deployment accepts the change: it edits the Pod template.",
        "zh-cn": "和 Pod 不同，Deployment 接受这个修改：它改的是 Pod 模板。",
      },
    });
    await p.step("kubectl get deployment app -o jsonpath='{.spec.template.spec.containers[0].env}'", {
      expect: '[{"name":"MODE","value":"debug"}]',
    });
    await p.step("kubectl rollout status deployment/app --timeout=120s", {
      expect: /successfully rolled out/,
      note: {
        en: "A changed template is a rollout: new Pods are created and the old ones removed, by the update strategy (RollingUpdate by default).",
        "zh-cn": "模板变了就是一次滚动更新：按更新策略（默认 RollingUpdate）创建新 Pod、删除旧 Pod。",
      },
    });
    await p.step("kubectl rollout history deployment/app", {
      expect: that({ en: "the revisions listed are 1 and 2", "zh-cn": "列出的修订版本是 1 和 2" }, (out) => (out.match(/^\d+(?=\s)/gm) ?? []).join() === "1,2"),
    });
    const sets = await p.step(replicaSets, {
      expect: that(
        {
          en: "two ReplicaSets: revision 1 with DESIRED 0, revision 2 with DESIRED 2",
          "zh-cn": "两个 ReplicaSet：修订版本 1 的 DESIRED 为 0，修订版本 2 的 DESIRED 为 2",
        },
        (out) => {
          const r = rows(out);
          return r.length === 2 && r.some((x) => x[1] === "1" && x[2] === "0") && r.some((x) => x[1] === "2" && x[2] === "2");
        },
      ),
      note: {
        en: "A new ReplicaSet (revision 2) is scaled to both replicas; the old one is scaled to 0 and kept for rollback.",
        "zh-cn": "新的 ReplicaSet（修订版本 2）扩到了两个副本；旧的缩容到 0，保留下来以便回滚。",
      },
    });
    const [revision2] = rows(sets.output).find((x) => x[1] === "2")!;
    const after = await p.step(pods, {
      until: true,
      timeout: 120,
      expect: that(
        {
          en: `two Pods, both READY true, neither of them one from before, both named ${revision2}-… after the revision 2 ReplicaSet`,
          "zh-cn": `两个 Pod，READY 都为 true，都不是之前的 Pod，名字都以修订版本 2 的 ReplicaSet 名 ${revision2}- 开头`,
        },
        (out) => {
          const r = rows(out);
          return r.length === 2 && r.every((x) => !oldNames.includes(x[0]) && x[0].startsWith(`${revision2}-`) && x[1] === "true");
        },
      ),
      note: {
        en: "Both Pods have been replaced, by Pods of the revision 2 ReplicaSet.",
        "zh-cn": "两个 Pod 都被替换了，换成了修订版本 2 的 ReplicaSet 的 Pod。",
      },
    });
    const [first, second] = rows(after.output).map((r) => r[0]);
    await p.step(environ(first), {
      expect: "MODE=debug",
      note: { en: "The new Pods have the new value.", "zh-cn": "新 Pod 拿到了新值。" },
    });
    await p.step(environ(second), { expect: "MODE=debug" });
  },
});
