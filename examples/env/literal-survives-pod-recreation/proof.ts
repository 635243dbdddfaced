import { defineProof, tableRows as rows, that } from "#proof";

/** One row per Pod: [name, uid, ready]. */
const pods = "kubectl get pods -l app.kubernetes.io/name=app -o custom-columns=NAME:.metadata.name,UID:.metadata.uid,READY:.status.containerStatuses[0].ready";
// A Deployment's Pod is named <ReplicaSet>-<suffix>, and the ReplicaSet <Deployment>-<pod template hash>: the
// same prefix means the same ReplicaSet, so the same template.
const replicaSetOf = (pod: string) => pod.slice(0, pod.lastIndexOf("-"));
const environ = (pod: string) => `kubectl exec ${pod} -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep GREETING'`;

export default defineProof({
  title: {
    en: "A value written in a Deployment's template is in the replacement Pod too",
    "zh-cn": "写在 Deployment 模板里的值，替换出来的新 Pod 里也有",
  },
  async run(p) {
    await p.step("kubectl apply -f deployment.yaml", { expect: "deployment.apps/app created" });
    await p.step("kubectl rollout status deployment/app --timeout=120s", { expect: /successfully rolled out/ });
    const before = await p.step(pods, {
      expect: that(
        {
          en: "one Pod, READY true, with a name of the form app-<hash>-<suffix>, as the Deployment's ReplicaSet names its Pods",
          "zh-cn": "只有一个 Pod，READY 为 true，名字形如 app-<hash>-<后缀>，正是 Deployment 的 ReplicaSet 给 Pod 起名的方式",
        },
        (out) => {
          const r = rows(out);
          return r.length === 1 && /^app-[0-9a-z]+-[0-9a-z]+$/.test(r[0][0]) && r[0][2] === "true";
        },
      ),
      note: { en: "One Pod, created by the Deployment's ReplicaSet.", "zh-cn": "Deployment 的 ReplicaSet 创建了一个 Pod。" },
    });
    const [oldName, oldUid] = rows(before.output)[0];
    await p.step(environ(oldName), {
      expect: "GREETING=hello from the template",
      note: { en: "Its main process has the value from the template.", "zh-cn": "它的主进程拿到了模板里的值。" },
    });
    await p.step(`kubectl delete pod ${oldName}`, {
      expect: new RegExp(`^pod "${oldName}" deleted`),
      note: {
        en: "Delete the Pod: its container, its process and that process's environment are gone.",
        "zh-cn": "删除这个 Pod：它的容器、进程以及进程的环境变量都随之消失。",
      },
    });
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
        en: "The ReplicaSet creates a replacement: a different Pod, with a new name and UID.",
        "zh-cn": "ReplicaSet 创建了替代的 Pod：这是另一个 Pod，名字和 UID 都是新的。",
      },
    });
    const [newName] = rows(after.output)[0];
    await p.step(environ(newName), {
      expect: "GREETING=hello from the template",
      note: {
        en: "The new Pod has the same value: it was created from the same template, where the value is stored.",
        "zh-cn": "新 Pod 里的值没变：它和旧 Pod 出自同一个模板，而值就保存在模板里。",
      },
    });
  },
});
