import { defineProof, tableRows as rows, that, type ProofContext, type Text } from "#proof";

const replicaSets =
  "kubectl get rs -l app.kubernetes.io/name=app -o custom-columns='NAME:.metadata.name,REVISION:.metadata.annotations.deployment\\.kubernetes\\.io/revision,DESIRED:.spec.replicas,READY:.status.readyReplicas'";
const pods =
  "kubectl get pods -l app.kubernetes.io/name=app -o custom-columns=NAME:.metadata.name,STARTED:.status.containerStatuses[0].started,READY:.status.containerStatuses[0].ready,DELETING:.metadata.deletionTimestamp";
const count = (s: string) => (s === "<none>" ? 0 : Number(s));
/** ReplicaSets by revision: [desired, ready]. */
const byRevision = (output: string) => Object.fromEntries(rows(output).map((r) => [r[1], [count(r[2]), count(r[3])]]));
/** The ReplicaSet table shows exactly these [desired, ready] per revision. */
const replicaSetsAre = (expected: Record<string, [number, number]>) => {
  const revisions = Object.keys(expected).sort();
  const list = (each: (revision: string, desired: number, ready: number) => string, separator: string) =>
    revisions.map((r) => each(r, ...expected[r])).join(separator);
  return that(
    {
      en: `ReplicaSets: ${list((r, desired, ready) => `revision ${r} with ${desired} desired, ${ready} ready`, "; ")}; no others`,
      "zh-cn": `ReplicaSet：${list((r, desired, ready) => `修订版本 ${r} 期望 ${desired} 个、就绪 ${ready} 个`, "；")}；没有别的`,
    },
    (out) => JSON.stringify(byRevision(out)) === JSON.stringify(Object.fromEntries(revisions.map((k) => [k, expected[k]]))),
  );
};

// A watch of the Pods, kept running in the background through the whole rollout: one line per event.
const watchFile = "/tmp/rolling-update-pod-counts.watch";
const watch = `timeout 300 kubectl get pods -l app.kubernetes.io/name=app --watch --output-watch-events -o custom-columns=EVENT:.type,NAME:.object.metadata.name,READY:.object.status.containerStatuses[0].ready,DELETING:.object.metadata.deletionTimestamp > ${watchFile} 2>&1 & echo $!`;
type PodState = { ready: boolean; deleting: boolean };
/** The watch's events applied one by one: the Pods that exist after each event (ADDED/MODIFIED set, DELETED removes). */
const states = (output: string) => {
  const pods = new Map<string, PodState>();
  return rows(output).map(([event, name, ready, deleting]) => {
    if (event === "DELETED") pods.delete(name);
    else pods.set(name, { ready: ready === "true", deleting: deleting !== "<none>" });
    return new Map(pods);
  });
};
/** Pods counted by the Deployment (not being deleted), and those of them that are Ready. */
const counted = (pods: Map<string, PodState>) => [...pods].filter(([, s]) => !s.deleting);
const available = (pods: Map<string, PodState>) => counted(pods).filter(([, s]) => s.ready);

/** Makes one not-yet-ready Pod of the new ReplicaSet Ready, once `started` of its Pods are running. */
async function readyOne(p: ProofContext, newRs: string, started: number, note?: Text) {
  const list = await p.step(pods, {
    until: true,
    timeout: 60,
    expect: that(
      {
        en: `${started} Pods of ${newRs} not being deleted, all started, at least one of them not Ready`,
        "zh-cn": `${newRs} 有 ${started} 个未在删除中的 Pod，都已启动，其中至少一个未 Ready`,
      },
      (out) => {
        const fresh = rows(out).filter((r) => r[0].startsWith(`${newRs}-`) && r[3] === "<none>");
        return fresh.length === started && fresh.every((r) => r[1] === "true") && fresh.some((r) => r[2] === "false");
      },
    ),
  });
  const pod = rows(list.output).find((r) => r[0].startsWith(`${newRs}-`) && r[3] === "<none>" && r[2] === "false")![0];
  await p.step(`kubectl exec ${pod} -- touch /tmp/ready`, { note });
}

export default defineProof({
  title: {
    en: "A rolling update of 4 replicas with the default 25%/25%: at most 5 Pods counted, never fewer than 3 available",
    "zh-cn": "4 个副本按默认 25%/25% 滚动更新：计入的 Pod 最多 5 个，可用的从不少于 3 个",
  },
  async run(p) {
    await p.step("kubectl apply -f deployment.yaml", { expect: "deployment.apps/app created" });
    await p.step(pods, {
      until: true,
      timeout: 90,
      expect: that(
        { en: "4 Pods, all started", "zh-cn": "4 个 Pod，都已启动" },
        (out) => rows(out).length === 4 && rows(out).every((r) => r[1] === "true"),
      ),
    });
    await p.step(`for pod in $(kubectl get pods -l app.kubernetes.io/name=app -o name); do kubectl exec $pod -- touch /tmp/ready; done`, {
      note: { en: "Let the four v1 Pods become Ready.", "zh-cn": "让四个 v1 Pod 进入 Ready。" },
    });
    await p.step("kubectl rollout status deployment/app --timeout=60s", { expect: /successfully rolled out/ });
    await p.step(replicaSets, { expect: replicaSetsAre({ "1": [4, 4] }) });

    p.cleanup(`rm -f ${watchFile}`);
    const watcher = await p.step(watch, {
      expect: /^\d+$/,
      note: {
        en: "Start watching the Pods in the background (for at most 300 s), before the update. kubectl writes one line per change of any Pod: the event, the Pod, whether it is Ready, and since when it is being deleted. The output is the watch's process id.",
        "zh-cn": "在更新之前，先在后台开始 watch 这些 Pod（最多 300 秒）。任何一个 Pod 有变化，kubectl 就写一行：事件、Pod、是否 Ready、从何时起在删除中。输出是 watch 的进程号。",
      },
    });
    p.cleanup(`kill ${watcher.output} 2>/dev/null || true`);
    await p.step(`cat ${watchFile}`, {
      until: true,
      timeout: 30,
      expect: that(
        {
          en: "the watch has listed 4 Pods (ADDED); after its events so far, 4 Pods, all Ready, none being deleted",
          "zh-cn": "watch 已列出 4 个 Pod（ADDED）；按目前为止的事件，共 4 个 Pod，都已 Ready，都不在删除中",
        },
        (out) => {
          const last = states(out).at(-1) ?? new Map<string, PodState>();
          return rows(out).slice(0, 4).filter((r) => r[0] === "ADDED").length === 4 && last.size === 4 && available(last).length === 4;
        },
      ),
      note: {
        en: "The watch is running: it starts by listing the Pods as they are. A Pod's status may still change after it became Ready (a MODIFIED line), before anything is updated.",
        "zh-cn": "watch 已在运行：它先列出 Pod 的现状。Pod 进入 Ready 之后、更新开始之前，它的状态仍可能再变一次（一行 MODIFIED）。",
      },
    });

    await p.step("kubectl set env deployment/app VERSION=v2", {
      expect: "deployment.apps/app env updated",
      note: { en: "Change the Pod template: a rollout begins.", "zh-cn": "修改 Pod 模板：上线开始。" },
    });
    const stalled = await p.step(replicaSets, {
      until: true,
      timeout: 60,
      expect: replicaSetsAre({ "1": [3, 3], "2": [2, 0] }),
      note: {
        en: "First step: the new ReplicaSet (revision 2) got 2 Pods and the old one gave up 1. 3 + 2 = 5 = 4 + maxSurge; 3 Ready = 4 − maxUnavailable.",
        "zh-cn": "第一步：新的 ReplicaSet（修订版本 2）得到 2 个 Pod，旧的让出 1 个。3 + 2 = 5 = 4 + maxSurge；3 个 Ready = 4 − maxUnavailable。",
      },
    });
    const newRs = rows(stalled.output).find((r) => r[1] === "2")![0];
    await p.step(
      "kubectl get deployment app -o custom-columns=REPLICAS:.status.replicas,UPDATED:.status.updatedReplicas,AVAILABLE:.status.availableReplicas,TERMINATING:.status.terminatingReplicas",
      {
        until: true,
        timeout: 30,
        expect: that(
          { en: "REPLICAS 5, UPDATED 2, AVAILABLE 3, TERMINATING 1", "zh-cn": "REPLICAS 为 5，UPDATED 为 2，AVAILABLE 为 3，TERMINATING 为 1" },
          (out) => JSON.stringify(rows(out)) === JSON.stringify([["5", "2", "3", "1"]]),
        ),
        note: {
          en: "The Deployment counts 5 Pods, 3 available. The old Pod it let go is still shutting down (its preStop hook takes 10 s): it is reported as terminating and not counted against maxSurge, so for those seconds 6 Pods exist.",
          "zh-cn": "Deployment 计入 5 个 Pod，其中 3 个可用。被缩掉的那个旧 Pod 还在关闭中（它的 preStop 钩子要 10 秒）：它被记为 terminating，不计入 maxSurge，所以这几秒里实际存在 6 个 Pod。",
        },
      },
    );
    await p.step("kubectl rollout status deployment/app --timeout=5s", {
      exitCode: "nonzero",
      expect: /Waiting for deployment "app" rollout to finish: 2 out of 4 new replicas have been updated\.\.\.\nerror: timed out waiting for the condition$/,
      note: {
        en: "And there it waits: no further step until a new Pod is Ready.",
        "zh-cn": "然后就停在这里：新 Pod 没有 Ready 之前，不会再走下一步。",
      },
    });

    await readyOne(p, newRs, 2, { en: "One new Pod becomes Ready.", "zh-cn": "一个新 Pod 变为 Ready。" });
    await p.step(replicaSets, {
      until: true,
      timeout: 60,
      expect: replicaSetsAre({ "1": [2, 2], "2": [3, 1] }),
      note: {
        en: "With 4 available the controller may drop one more old Pod, and then add one new: 2 + 3 = 5, 3 Ready.",
        "zh-cn": "可用数到了 4，控制器就可以再缩掉一个旧 Pod，然后再加一个新 Pod：2 + 3 = 5，3 个 Ready。",
      },
    });
    await readyOne(p, newRs, 3);
    await p.step(replicaSets, { until: true, timeout: 60, expect: replicaSetsAre({ "1": [1, 1], "2": [4, 2] }) });
    await readyOne(p, newRs, 4);
    await p.step(replicaSets, {
      until: true,
      timeout: 60,
      expect: replicaSetsAre({ "1": [0, 0], "2": [4, 3] }),
      note: {
        en: "The last old Pod goes as soon as 3 new ones are Ready.",
        "zh-cn": "3 个新 Pod Ready 之后，最后一个旧 Pod 就被缩掉了。",
      },
    });
    await readyOne(p, newRs, 4);
    await p.step("kubectl rollout status deployment/app --timeout=60s", { expect: /successfully rolled out/ });
    await p.step(replicaSets, {
      until: true,
      timeout: 30,
      expect: replicaSetsAre({ "1": [0, 0], "2": [4, 4] }),
      note: {
        en: "Done: 4 new Pods; the old ReplicaSet stays, scaled to 0, as history.",
        "zh-cn": "完成：4 个新 Pod；旧 ReplicaSet 缩到 0 保留下来，作为历史。",
      },
    });
    await p.step(`kill ${watcher.output}`, { note: { en: "Stop the watch.", "zh-cn": "停止 watch。" } });
    await p.step(`cat ${watchFile}`, {
      expect: that(
        {
          en: `after the first 4 lines (the initial list), every state the events lead to has at most 5 Pods not being deleted and at least 3 of them Ready; in the last one, the only Pods not being deleted are 4 Ready Pods of ${newRs}`,
          "zh-cn": `在前 4 行（初始列表）之后，事件所导致的每一个状态里，不在删除中的 Pod 最多 5 个，其中 Ready 的至少 3 个；最后一个状态里，不在删除中的只有 ${newRs} 的 4 个 Ready 的 Pod`,
        },
        (out) => {
          const after = states(out).slice(3);
          const last = after.at(-1);
          return (
            after.length > 1 &&
            after.every((pods) => counted(pods).length <= 5 && available(pods).length >= 3) &&
            !!last &&
            counted(last).length === 4 &&
            available(last).length === 4 &&
            counted(last).every(([name]) => name.startsWith(`${newRs}-`))
          );
        },
      ),
      note: {
        en: "Every change to every Pod during the rollout, as the API server sent it to the watch. Counting after each one: never more than 5 Pods that the Deployment counts (4 + maxSurge 1), never fewer than 3 Ready among them (4 − maxUnavailable 1). A Pod shutting down (DELETING set) is in neither count.",
        "zh-cn": "上线过程中每个 Pod 的每一次变化，都是 API server 推送给 watch 的原样记录。每次变化之后清点：Deployment 计入的 Pod 从不超过 5 个（4 + maxSurge 1），其中 Ready 的从不少于 3 个（4 − maxUnavailable 1）。正在关闭的 Pod（DELETING 有值）两边都不计。",
      },
    });
    const oldRs = rows(stalled.output).find((r) => r[1] === "1")![0];
    const scaled = (dir: string, rs: string, from: number, to: number) => `Scaled ${dir} replica set ${rs} from ${from} to ${to}`;
    const expected = [
      scaled("up", oldRs, 0, 4),
      scaled("up", newRs, 0, 1),
      scaled("down", oldRs, 4, 3),
      scaled("up", newRs, 1, 2),
      scaled("down", oldRs, 3, 2),
      scaled("up", newRs, 2, 3),
      scaled("down", oldRs, 2, 1),
      scaled("up", newRs, 3, 4),
      scaled("down", oldRs, 1, 0),
    ];
    await p.step("kubectl events --for deployment/app", {
      // Events of the same second may be listed in either order: the check is on the set, not the sequence.
      expect: that(
        {
          en: `exactly nine ScalingReplicaSet events, in any order: ${oldRs} up from 0 to 4; ${newRs} up from 0 to 1, 1 to 2, 2 to 3 and 3 to 4; ${oldRs} down from 4 to 3, 3 to 2, 2 to 1 and 1 to 0`,
          "zh-cn": `恰好九条 ScalingReplicaSet 事件（顺序不限）：${oldRs} 从 0 扩到 4；${newRs} 从 0 到 1、1 到 2、2 到 3、3 到 4；${oldRs} 从 4 到 3、3 到 2、2 到 1、1 到 0`,
        },
        (out) => {
          const seen = out.split("\n").filter((l) => l.includes("ScalingReplicaSet")).map((l) => l.slice(l.indexOf("Scaled ")).trim());
          return seen.length === expected.length && expected.every((e) => seen.includes(e));
        },
      ),
      note: {
        en: "The controller's own record of the steps: after the first 4, the new ReplicaSet up by one and the old one down by one at a time. The ReplicaSet tables above show them taking turns.",
        "zh-cn": "控制器自己记录的每一步：最初的 4 个之后，新 ReplicaSet 每次加一，旧 ReplicaSet 每次减一。上面的 ReplicaSet 表格显示了它们交替进行。",
      },
    });
  },
});
