import { defineProof, tableRows as rows, that } from "#proof";

/** One row per Pod: [name, ready]. */
const pods = "kubectl get pods -l app.kubernetes.io/name=app -o custom-columns=NAME:.metadata.name,READY:.status.containerStatuses[0].ready";
const environ = (pod: string) => `kubectl exec ${pod} -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep -E "MODE|NEW_KEY" | sort'`;
/** One row per ReplicaSet: [name, revision, desired replicas]. */
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
    const before = await p.step(pods, {
      expect: that({ en: "two Pods, both READY true", "zh-cn": "两个 Pod，READY 都为 true" }, (out) => {
        const r = rows(out);
        return r.length === 2 && r.every((x) => x[1] === "true");
      }),
    });
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
        en: "A second ReplicaSet (revision 2) is now scaled to both replicas; the first is scaled to 0.",
        "zh-cn": "第二个 ReplicaSet（修订版本 2）现在扩到了两个副本；第一个缩容到了 0。",
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
      note: { en: "Both Pods are new, from the revision 2 ReplicaSet.", "zh-cn": "两个 Pod 都是新的，来自修订版本 2 的 ReplicaSet。" },
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
