import { defineProof, tableRows as rows } from "#proof";

const pods = "kubectl get pods -l app.kubernetes.io/name=app -o custom-columns=NAME:.metadata.name,READY:.status.containerStatuses[0].ready";
/** The rows of a custom-columns table, without its header. */
const environ = (pod: string) => `kubectl exec ${pod} -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep MODE'`;
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
    const before = await p.step(pods, { expect: (out) => rows(out).length === 2 && rows(out).every((r) => r[1] === "true") });
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
      expect: (out) => /^1\s/m.test(out) && /^2\s/m.test(out) && !/^3\s/m.test(out),
    });
    await p.step(replicaSets, {
      expect: (out) => {
        const r = rows(out);
        return r.length === 2 && r.some((x) => x[1] === "1" && x[2] === "0") && r.some((x) => x[1] === "2" && x[2] === "2");
      },
      note: {
        en: "A new ReplicaSet (revision 2) runs both replicas; the old one is scaled to 0 and kept for rollback.",
        "zh-cn": "新的 ReplicaSet（修订版本 2）运行着两个副本；旧的缩容到 0，保留下来以便回滚。",
      },
    });
    const after = await p.step(pods, {
      until: true,
      timeout: 120,
      expect: (out) => {
        const r = rows(out);
        return r.length === 2 && r.every((x) => !oldNames.includes(x[0]) && x[1] === "true");
      },
      note: { en: "Both Pods have been replaced.", "zh-cn": "两个 Pod 都被替换了。" },
    });
    const [first, second] = rows(after.output).map((r) => r[0]);
    await p.step(environ(first), {
      expect: "MODE=debug",
      note: { en: "The new Pods have the new value.", "zh-cn": "新 Pod 拿到了新值。" },
    });
    await p.step(environ(second), { expect: "MODE=debug" });
  },
});
