import { defineProof, that } from "#proof";

const objects =
  "kubectl get deployment,replicaset,pod -l app.kubernetes.io/name=app -o custom-columns=KIND:.kind,NAME:.metadata.name,GENERATION:.metadata.generation,UID:.metadata.uid";
const environ = (pod: string) => `kubectl exec ${pod} -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep -E "MODE|NEW_KEY" | sort'`;

export default defineProof({
  title: {
    en: "Editing a ConfigMap does not roll out the Deployment that uses it",
    "zh-cn": "修改 ConfigMap 不会让使用它的 Deployment 上线新版本",
  },
  async run(p) {
    await p.step("kubectl apply -f configmap.yaml -f deployment.yaml", { expect: "configmap/app-config created\ndeployment.apps/app created" });
    await p.step("kubectl rollout status deployment/app --timeout=120s", { expect: /successfully rolled out/ });
    const before = await p.step(objects, {
      expect: that(
        {
          en: "Deployment app at generation 1, one ReplicaSet and one Pod",
          "zh-cn": "Deployment app 的 generation 为 1，ReplicaSet 和 Pod 各一个",
        },
        (out) => /^Deployment\s+app\s+1\s/m.test(out) && (out.match(/^ReplicaSet\s/gm) ?? []).length === 1 && (out.match(/^Pod\s/gm) ?? []).length === 1,
      ),
      note: {
        en: "The Deployment (generation 1), its ReplicaSet and its Pod, with their UIDs.",
        "zh-cn": "Deployment（generation 为 1）、它的 ReplicaSet 和 Pod，以及它们的 UID。",
      },
    });
    const pod = /^Pod\s+(\S+)/m.exec(before.output)![1];
    await p.step(environ(pod), { expect: "APP_MODE=blue\nMODE=blue" });
    await p.step(`kubectl patch configmap app-config -p '{"data":{"MODE":"green","NEW_KEY":"added"}}'`, { expect: "configmap/app-config patched" });
    await p.step(`kubectl wait --for=delete pod/${pod} --timeout=30s`, {
      exitCode: "nonzero",
      expect: /timed out waiting for the condition/,
      note: {
        en: "Give the cluster 30 seconds to replace the Pod: it does not.",
        "zh-cn": "给集群 30 秒时间去替换这个 Pod：它没有这样做。",
      },
    });
    await p.step(`kubectl exec ${pod} -- cat /etc/app/MODE`, {
      until: true,
      timeout: 180,
      expect: "green",
      note: {
        en: "The witness that the edit went somewhere: the kubelet has written it into the same Pod's ConfigMap volume (at its next sync of the Pod, so this can take another minute; the poll records how long). The edit reached the node; the Deployment was left alone all the while.",
        "zh-cn": "见证修改确实传下去了：kubelet 已经把它写进同一个 Pod 的 ConfigMap 卷（在下一次同步这个 Pod 时，所以可能还要再等一分钟左右；轮询记下了用了多久）。修改到达了节点，而 Deployment 自始至终没被动过。",
      },
    });
    await p.step(objects, {
      expect: before.output,
      note: {
        en: "Exactly as before: same generation, same ReplicaSet, same Pod (same UIDs). The Deployment's template did not change, so nothing rolls.",
        "zh-cn": "和之前完全一样：generation 相同，ReplicaSet 相同，Pod 也相同（UID 都没变）。Deployment 的模板没变，所以不会上线新版本。",
      },
    });
    await p.step("kubectl rollout history deployment/app", {
      expect: that({ en: "the only revision listed is 1", "zh-cn": "列出的修订版本只有 1" }, (out) => (out.match(/^\d+(?=\s)/gm) ?? []).join() === "1"),
      note: { en: "Still only revision 1.", "zh-cn": "仍然只有第 1 个修订版本。" },
    });
    await p.step(environ(pod), {
      expect: "APP_MODE=blue\nMODE=blue",
      note: { en: "And the Pod still runs with the old values.", "zh-cn": "Pod 仍然使用旧值运行。" },
    });
  },
});
