import { defineProof, tableRows as rows, that } from "#proof";

const pods =
  "kubectl get pods -l app.kubernetes.io/name=app -o custom-columns=NAME:.metadata.name,VERSION:.spec.containers[0].env[0].value,READY:.status.containerStatuses[0].ready,DELETING:.metadata.deletionTimestamp";
// Update the template and at once watch the Pods: one line per event, for 60 s.
const watch =
  "kubectl set env deployment/app VERSION=v2 && timeout 60 kubectl get pods -l app.kubernetes.io/name=app --watch --output-watch-events -o custom-columns=EVENT:.type,NAME:.object.metadata.name,VERSION:.object.spec.containers[0].env[0].value,PHASE:.object.status.phase,DELETING:.object.metadata.deletionTimestamp";
/** A LAST SEEN age as kubectl prints it ("12s", "2m5s", "3m"), in seconds. */
const age = (s: string) => {
  const m = /^(?:(\d+)m)?(?:(\d+)s)?$/.exec(s);
  return m && s ? Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) : NaN;
};
/** The ScalingReplicaSet events of `kubectl events`, oldest first. */
const scalings = (out: string) =>
  out.split("\n").flatMap((line) => {
    const m = /^(\S+)\s.*\sScalingReplicaSet\s.*Scaled (up|down) replica set (\S+) from (\d+) to (\d+)\s*$/.exec(line);
    return m ? [{ age: age(m[1]), scaled: `${m[2]} from ${m[4]} to ${m[5]}`, rs: m[3] }] : [];
  });

export default defineProof({
  title: {
    en: "strategy Recreate: the first new Pod is created only after every old Pod has stopped",
    "zh-cn": "strategy Recreate：所有旧 Pod 都停止之后，才创建第一个新 Pod",
  },
  async run(p) {
    await p.step("kubectl apply -f deployment.yaml", { expect: "deployment.apps/app created" });
    await p.step("kubectl rollout status deployment/app --timeout=120s", { expect: /successfully rolled out/ });
    await p.step(watch, {
      exitCode: 124,
      expect: that(
        {
          en: "the template is updated; the watch first lists 2 VERSION v1 Pods; in every state its events lead to, while any v1 Pod is still Pending or Running there is no v2 Pod; both v1 Pods end DELETED; the last state is exactly 2 VERSION v2 Pods, Running and not being deleted",
          "zh-cn": "模板已更新；watch 先列出 2 个 VERSION 为 v1 的 Pod；在它的事件所导致的每一个状态里，只要还有 v1 的 Pod 处于 Pending 或 Running，就没有 v2 的 Pod；两个 v1 Pod 最终都被 DELETED；最后的状态恰好是 2 个 VERSION 为 v2 的 Pod，都在 Running，都不在删除中",
        },
        (out) => {
          const lines = out.split("\n");
          if (lines[0] !== "deployment.apps/app env updated" || !/^EVENT\s+NAME\s+VERSION\s+PHASE\s+DELETING$/.test(lines[1] ?? "")) return false;
          const events = lines.slice(2).filter(Boolean).map((l) => l.trim().split(/\s+/));
          const pods = new Map<string, { version: string; phase: string; deleting: boolean }>();
          const seen: (typeof pods)[] = [];
          for (const [event, name, version, phase, deleting] of events) {
            if (event === "DELETED") pods.delete(name);
            else pods.set(name, { version, phase, deleting: deleting !== "<none>" });
            seen.push(new Map(pods));
          }
          const live = (x: { phase: string }) => x.phase === "Pending" || x.phase === "Running";
          const first = events.slice(0, 2);
          const last = [...(seen.at(-1)?.values() ?? [])];
          return (
            first.length === 2 &&
            first.every((e) => e[0] === "ADDED" && e[2] === "v1") &&
            seen.every((m) => {
              const all = [...m.values()];
              return !(all.some((x) => x.version === "v1" && live(x)) && all.some((x) => x.version === "v2"));
            }) &&
            events.filter((e) => e[0] === "DELETED" && e[2] === "v1").length === 2 &&
            last.length === 2 &&
            last.every((x) => x.version === "v2" && x.phase === "Running" && !x.deleting)
          );
        },
      ),
      note: {
        en: "Update the template, then watch the Pods for 60 s (timeout ends the watch: exit status 124). Every change to every Pod, as the API server sent it: the v1 Pods are marked for deletion and shut down (their preStop hook takes 10 s); only once neither is Pending or Running any more is the first v2 Pod ADDED. The controller waits for the old Pods to stop, not for their objects to disappear: a stopped v1 Pod (phase Succeeded) may still be listed, being deleted, when the v2 Pods appear.",
        "zh-cn": "更新模板，然后 watch 这些 Pod 60 秒（由 timeout 结束 watch：退出码 124）。API server 推送的每个 Pod 的每一次变化：v1 的 Pod 被标记删除并关闭（preStop 钩子要 10 秒）；直到两个都不再处于 Pending 或 Running，才 ADDED 第一个 v2 的 Pod。控制器等的是旧 Pod 停止运行，而不是它们的对象消失：v2 的 Pod 出现时，一个已停止的 v1 Pod（阶段为 Succeeded）可能还在列表里，处于删除中。",
      },
    });
    await p.step("kubectl rollout status deployment/app --timeout=120s", { expect: /successfully rolled out/ });
    await p.step(pods, {
      until: true,
      timeout: 60,
      expect: that(
        {
          en: "exactly 2 Pods, both VERSION v2, Ready and not being deleted",
          "zh-cn": "恰好 2 个 Pod，VERSION 都是 v2，都已 Ready，都不在删除中",
        },
        (out) => rows(out).length === 2 && rows(out).every((x) => x[1] === "v2" && x[2] === "true" && x[3] === "<none>"),
      ),
      note: { en: "Only then do the v2 Pods appear.", "zh-cn": "在那之后 v2 的 Pod 才出现。" },
    });
    await p.step("kubectl events --for deployment/app", {
      // The old Pods' preStop hook alone takes 10 s; LAST SEEN is in whole seconds.
      expect: that(
        {
          en: "exactly three ScalingReplicaSet events, in this order: a ReplicaSet scaled up from 0 to 2, the same one down from 2 to 0, and another one up from 0 to 2, last seen at least 9 s after the scale-down",
          "zh-cn": "恰好三条 ScalingReplicaSet 事件，依次为：一个 ReplicaSet 从 0 扩到 2，同一个从 2 缩到 0，另一个从 0 扩到 2，且最后这条的 LAST SEEN 比缩容那条晚至少 9 秒",
        },
        (out) => {
          const s = scalings(out);
          return (
            s.map((e) => e.scaled).join() === "up from 0 to 2,down from 2 to 0,up from 0 to 2" &&
            s[1].rs === s[0].rs &&
            s[2].rs !== s[0].rs &&
            s[1].age - s[2].age >= 9
          );
        },
      ),
      note: {
        en: "The controller's record: v1 scaled from 2 to 0, and v2 from 0 to 2 only some ten seconds later, once the old Pods had finished terminating (their preStop hook takes 10 s) — the gap is the downtime.",
        "zh-cn": "控制器的记录：v1 从 2 缩到 0；大约十秒之后，旧 Pod 全部终止（它们的 preStop 钩子要 10 秒），v2 才从 0 扩到 2——中间这段时间就是服务中断。",
      },
    });
  },
});
