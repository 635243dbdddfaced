import { defineProof, tableRows as rows } from "#proof";

const pods = "kubectl get pods -l app.kubernetes.io/name=app -o custom-columns=NAME:.metadata.name,READY:.status.containerStatuses[0].ready";
/** The rows of a custom-columns table, without its header. */
const environ = (pod: string) => `kubectl exec ${pod} -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep -E "MODE|NEW_KEY" | sort'`;
const replicaSets =
  "kubectl get replicasets -l app.kubernetes.io/name=app -o custom-columns='NAME:.metadata.name,REVISION:.metadata.annotations.deployment\\.kubernetes\\.io/revision,DESIRED:.spec.replicas'";

export default defineProof({
  title: {
    en: "kubectl rollout restart gives every Pod the ConfigMap's current values",
    "zh-cn": "kubectl rollout restart 让每个 Pod 都拿到 ConfigMap 当前的值",
  },
  async run(p) {
    await p.step("kubectl apply -f configmap.yaml -f deployment.yaml", { expect: "configmap/app-config created\ndeployment.apps/app created" });
    await p.step("kubectl rollout status deployment/app --timeout=120s", { expect: /successfully rolled out/ });
    const before = await p.step(pods, { expect: (out) => rows(out).length === 2 && rows(out).every((r) => r[1] === "true") });
    const oldNames = rows(before.output).map((r) => r[0]);
    await p.step(environ(oldNames[0]), { expect: "APP_MODE=blue\nMODE=blue" });
    await p.step(`kubectl patch configmap app-config -p '{"data":{"MODE":"green","NEW_KEY":"added"}}'`, {
      expect: "configmap/app-config patched",
      note: { en: "Change a value and add a key.", "zh-cn": "修改一个值，并新增一个键。" },
    });
    await p.step("kubectl rollout restart deployment/app", { expect: "deployment.apps/app restarted" });
    await p.step("kubectl rollout status deployment/app --timeout=120s", { expect: /successfully rolled out/ });
    await p.step("kubectl get deployment app -o jsonpath='{.spec.template.metadata.annotations}'", {
      expect: /^\{"kubectl\.kubernetes\.io\/restartedAt":"\d{4}-\d\d-\d\dT[\d:]+Z"\}$/,
      note: {
        en: "What rollout restart did: it wrote a timestamp annotation into the Pod template. A changed template is a new rollout.",
        "zh-cn": "rollout restart 做的事：在 Pod 模板里写入一个时间戳注解。模板变了，就是一次新的滚动更新。",
      },
    });
    await p.step(replicaSets, {
      expect: (out) => {
        const r = rows(out);
        return r.length === 2 && r.some((x) => x[1] === "1" && x[2] === "0") && r.some((x) => x[1] === "2" && x[2] === "2");
      },
      note: {
        en: "A second ReplicaSet (revision 2) now runs both replicas; the first is scaled to 0.",
        "zh-cn": "第二个 ReplicaSet（修订版本 2）运行着两个副本；第一个缩容到了 0。",
      },
    });
    const after = await p.step(pods, {
      until: true,
      timeout: 120,
      expect: (out) => {
        const r = rows(out);
        return r.length === 2 && r.every((x) => !oldNames.includes(x[0]) && x[1] === "true");
      },
      note: { en: "Both Pods are new.", "zh-cn": "两个 Pod 都是新的。" },
    });
    const [first, second] = rows(after.output).map((r) => r[0]);
    await p.step(environ(first), {
      expect: "APP_MODE=green\nMODE=green\nNEW_KEY=added",
      note: {
        en: "Each new Pod has the current values and the added key.",
        "zh-cn": "每个新 Pod 都拿到了当前的值和新增的键。",
      },
    });
    await p.step(environ(second), { expect: "APP_MODE=green\nMODE=green\nNEW_KEY=added" });
  },
});
