import { defineProof, tableRows as rows, that } from "#proof";

/** One row per Pod: [name, uid, ready]. */
const pods = "kubectl get pods -l app.kubernetes.io/name=app -o custom-columns=NAME:.metadata.name,UID:.metadata.uid,READY:.status.containerStatuses[0].ready";
// A Deployment's Pod is named <ReplicaSet>-<suffix>, and the ReplicaSet <Deployment>-<pod template hash>: the
// same prefix means the same ReplicaSet, so the same template.
const replicaSetOf = (pod: string) => pod.slice(0, pod.lastIndexOf("-"));
const environ = (pod: string) => `kubectl exec ${pod} -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep -E "MODE|NEW_KEY" | sort'`;

export default defineProof({
  title: {
    en: "After a ConfigMap edit, a Pod that replaces a deleted one gets the current values",
    "zh-cn": "修改 ConfigMap 后，替换被删 Pod 的新 Pod 拿到的是当前的值",
  },
  async run(p) {
    await p.step("kubectl apply -f configmap.yaml -f deployment.yaml", { expect: "configmap/app-config created\ndeployment.apps/app created" });
    await p.step("kubectl rollout status deployment/app --timeout=120s", { expect: /successfully rolled out/ });
    const before = await p.step(pods, {
      expect: that({ en: "one Pod, READY true", "zh-cn": "只有一个 Pod，READY 为 true" }, (out) => {
        const r = rows(out);
        return r.length === 1 && r[0][2] === "true";
      }),
    });
    const [oldName, oldUid] = rows(before.output)[0];
    await p.step(environ(oldName), {
      expect: "APP_MODE=blue\nMODE=blue",
      note: {
        en: "MODE comes from envFrom, APP_MODE from configMapKeyRef.",
        "zh-cn": "MODE 来自 envFrom，APP_MODE 来自 configMapKeyRef。",
      },
    });
    await p.step(`kubectl patch configmap app-config -p '{"data":{"MODE":"green","NEW_KEY":"added"}}'`, {
      expect: "configmap/app-config patched",
      note: { en: "Change a value and add a key.", "zh-cn": "修改一个值，并新增一个键。" },
    });
    await p.step(environ(oldName), {
      expect: "APP_MODE=blue\nMODE=blue",
      note: { en: "The running Pod keeps the old values.", "zh-cn": "正在运行的 Pod 保留着旧值。" },
    });
    await p.step(`kubectl delete pod ${oldName}`, { expect: new RegExp(`^pod "${oldName}" deleted`) });
    const after = await p.step(pods, {
      until: true,
      timeout: 120,
      expect: that(
        {
          en: `one Pod, READY true; its name and UID differ from the deleted Pod's, its ReplicaSet (the name prefix ${replicaSetOf(oldName)}) does not`,
          "zh-cn": `只有一个 Pod，READY 为 true；名字和 UID 都与被删的 Pod 不同，所属 ReplicaSet（名字前缀 ${replicaSetOf(oldName)}）相同`,
        },
        (out) => {
          const r = rows(out);
          return r.length === 1 && r[0][0] !== oldName && r[0][1] !== oldUid && replicaSetOf(r[0][0]) === replicaSetOf(oldName) && r[0][2] === "true";
        },
      ),
      note: {
        en: "The ReplicaSet creates a replacement Pod from the unchanged template.",
        "zh-cn": "ReplicaSet 用没有变化的模板创建了替代的 Pod。",
      },
    });
    const [newName] = rows(after.output)[0];
    await p.step(environ(newName), {
      expect: "APP_MODE=green\nMODE=green\nNEW_KEY=added",
      note: {
        en: "The new Pod's container was created after the edit, so it has the current values and the added key.",
        "zh-cn": "新 Pod 的容器是在修改之后创建的，所以拿到了当前的值和新增的键。",
      },
    });
  },
});
