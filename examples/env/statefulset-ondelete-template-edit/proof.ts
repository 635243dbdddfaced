import { defineProof, that } from "#proof";

const pods = "kubectl get pods -l app.kubernetes.io/name=db -o custom-columns=NAME:.metadata.name,REVISION:.metadata.labels.controller-revision-hash,UID:.metadata.uid --sort-by=.metadata.name";
const revisions = "kubectl get statefulset db -o jsonpath='{.status.observedGeneration} {.status.currentRevision} {.status.updateRevision}'";
const environ = (pod: string) => `kubectl exec ${pod} -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep MODE'`;

export default defineProof({
  title: {
    en: "A StatefulSet with updateStrategy OnDelete records a template edit but replaces a Pod only when it is deleted",
    "zh-cn": "updateStrategy 为 OnDelete 的 StatefulSet 会记下模板的修改，但只有 Pod 被删除时才换上新模板",
  },
  async run(p) {
    await p.step("kubectl apply -f statefulset.yaml", { expect: "statefulset.apps/db created" });
    await p.step("kubectl wait --for=jsonpath='{.status.readyReplicas}'=2 statefulset/db --timeout=120s", { expect: "statefulset.apps/db condition met" });
    await p.step("kubectl rollout status statefulset/db", {
      exitCode: "nonzero",
      expect: "error: rollout status is only available for RollingUpdate strategy type",
      note: {
        en: "There is no rollout to watch: with OnDelete the controller never replaces a Pod by itself.",
        "zh-cn": "没有上线过程可看：OnDelete 策略下，控制器从不主动替换 Pod。",
      },
    });
    const before = await p.step(pods, {
      expect: that(
        { en: "db-0 and db-1, both at the same revision", "zh-cn": "db-0 和 db-1，处于同一个修订版本" },
        (out) => {
          const rows = out.split("\n").slice(1).map((l) => l.split(/\s+/));
          return rows.length === 2 && rows[0][0] === "db-0" && rows[1][0] === "db-1" && rows[0][1] === rows[1][1];
        },
      ),
    });
    const first = before.output.split("\n")[1].split(/\s+/)[1];
    await p.step(environ("db-0"), { expect: "MODE=blue" });
    await p.step("kubectl set env statefulset/db MODE=green", { expect: "statefulset.apps/db env updated" });
    const seen = await p.step(revisions, {
      until: true,
      timeout: 30,
      expect: that(
        {
          en: `generation 2 observed; currentRevision is still ${first}, updateRevision is a new one`,
          "zh-cn": `generation 2 已被观察到；currentRevision 仍是 ${first}，updateRevision 是新的`,
        },
        (out) => {
          const [generation, current, update] = out.split(" ");
          return generation === "2" && current === first && !!update && update !== first;
        },
      ),
      note: {
        en: "The witness that the controller acted on the edit: it has stored the new template as a new revision (a ControllerRevision) and names it as the revision to update to.",
        "zh-cn": "见证控制器处理了这次修改：它把新模板存成了一个新的修订版本（ControllerRevision），并把它记为要更新到的版本。",
      },
    });
    const update = seen.output.split(" ")[2];
    await p.step(`kubectl wait --for=delete pod/db-0 --timeout=30s`, {
      exitCode: "nonzero",
      expect: /timed out waiting for the condition/,
      note: {
        en: "Give the controller 30 seconds to replace a Pod: it does not.",
        "zh-cn": "给控制器 30 秒时间去替换 Pod：它没有这样做。",
      },
    });
    await p.step(pods, {
      expect: before.output,
      note: {
        en: "The same two Pods, same UIDs, still at the old revision.",
        "zh-cn": "还是那两个 Pod，UID 没变，仍处于旧的修订版本。",
      },
    });
    await p.step(environ("db-0"), { expect: "MODE=blue" });
    await p.step("kubectl delete pod db-0", {
      expect: /^pod "db-0" deleted/,
      note: { en: "Now delete one Pod by hand.", "zh-cn": "现在手动删除一个 Pod。" },
    });
    await p.step("kubectl get pod db-0 -o jsonpath='{.metadata.labels.controller-revision-hash} {.status.containerStatuses[0].ready}'", {
      until: true,
      timeout: 120,
      expect: `${update} true`,
      note: {
        en: "The controller creates db-0 again, this time from the new revision.",
        "zh-cn": "控制器重新创建 db-0，这次用的是新的修订版本。",
      },
    });
    await p.step(environ("db-0"), { expect: "MODE=green" });
    await p.step(environ("db-1"), {
      expect: "MODE=blue",
      note: {
        en: "db-1, never deleted, still runs the old template: until every Pod is replaced, one StatefulSet runs two templates.",
        "zh-cn": "没被删除的 db-1 仍在用旧模板运行：在所有 Pod 都被替换之前，一个 StatefulSet 同时跑着两个模板。",
      },
    });
    await p.step("kubectl get statefulset db -o jsonpath='{.status.currentRevision} {.status.updateRevision} {.status.currentReplicas} {.status.updatedReplicas}'", {
      until: true,
      timeout: 30,
      expect: `${first} ${update} 1 1`,
      note: {
        en: "The status says the same: one Pod at the current (old) revision, one at the update revision.",
        "zh-cn": "状态里也是这样：一个 Pod 处于当前（旧）修订版本，一个处于要更新到的版本。",
      },
    });
  },
});
