import { defineProof, that } from "#proof";

const uids = "kubectl get pods -l app.kubernetes.io/name=agent -o jsonpath='{range .items[*]}{.metadata.uid}{\"\\n\"}{end}'";
const environs =
  "for pod in $(kubectl get pods -l app.kubernetes.io/name=agent -o name); do kubectl exec $pod -- sh -c 'tr \"\\0\" \"\\n\" < /proc/1/environ | grep MODE'; done";
const lines = (out: string) => out.split("\n").filter((l) => l !== "");
const allAre = (value: string, count: () => number) =>
  that(
    { en: `one line per Pod, every one ${value}`, "zh-cn": `每个 Pod 一行，全部是 ${value}` },
    (out) => lines(out).length === count() && lines(out).every((l) => l === value),
  );

export default defineProof({
  title: {
    en: "A DaemonSet rolls a template edit out by itself by default; with updateStrategy OnDelete it waits for Pods to be deleted",
    "zh-cn": "DaemonSet 默认会自己上线模板的修改；把 updateStrategy 设为 OnDelete 后，它要等 Pod 被删除",
  },
  async run(p) {
    await p.step("kubectl apply -f daemonset.yaml", { expect: "daemonset.apps/agent created" });
    await p.step("kubectl rollout status daemonset/agent --timeout=120s", { expect: /daemon set "agent" successfully rolled out/ });
    await p.step("kubectl get daemonset agent -o jsonpath='{.spec.updateStrategy}'", {
      expect: '{"rollingUpdate":{"maxSurge":0,"maxUnavailable":1},"type":"RollingUpdate"}',
      note: {
        en: "The default the API server filled in: RollingUpdate, one node's Pod at a time, the old Pod removed before the new one starts.",
        "zh-cn": "API server 填上的默认值：RollingUpdate，一次换一个节点上的 Pod，先删旧 Pod 再起新 Pod。",
      },
    });
    const first = await p.step(uids, {
      expect: that({ en: "at least one Pod UID", "zh-cn": "至少一个 Pod UID" }, (out) => lines(out).length >= 1),
      note: {
        en: "One Pod per node that accepts it (on a multi-node cluster, the control-plane node's taint keeps it off that node).",
        "zh-cn": "每个接受它的节点上一个 Pod（多节点集群里，控制平面节点的污点让它不会跑到那个节点上）。",
      },
    });
    const firstUids = lines(first.output);
    await p.step(environs, { expect: allAre("MODE=blue", () => firstUids.length) });
    await p.step("kubectl set env daemonset/agent MODE=green", { expect: "daemonset.apps/agent env updated" });
    await p.step("kubectl rollout status daemonset/agent --timeout=120s", {
      expect: /daemon set "agent" successfully rolled out/,
      note: { en: "Nobody deleted anything: the controller replaces the Pods.", "zh-cn": "没有人删除任何东西：是控制器替换了 Pod。" },
    });
    const second = await p.step(uids, {
      until: true,
      timeout: 60,
      expect: that(
        { en: "as many Pods as before, none of them an old one", "zh-cn": "Pod 数量和之前一样，没有一个是旧 Pod" },
        (out) => lines(out).length === firstUids.length && lines(out).every((uid) => !firstUids.includes(uid)),
      ),
    });
    const secondUids = lines(second.output);
    await p.step(environs, { expect: allAre("MODE=green", () => secondUids.length) });
    await p.step(`kubectl patch daemonset agent -p '{"spec":{"updateStrategy":{"type":"OnDelete","rollingUpdate":null}}}'`, {
      expect: "daemonset.apps/agent patched",
      note: { en: "Switch the strategy to OnDelete, then edit the template again.", "zh-cn": "把策略改成 OnDelete，再改一次模板。" },
    });
    await p.step("kubectl set env daemonset/agent MODE=red", { expect: "daemonset.apps/agent env updated" });
    await p.step("kubectl get daemonset agent -o jsonpath='{.status.observedGeneration} updated={.status.updatedNumberScheduled}'", {
      until: true,
      timeout: 30,
      expect: that(
        { en: "generation 4 observed, no Pod counted as updated", "zh-cn": "generation 4 已被观察到，没有 Pod 被算作已更新" },
        (out) => /^4 updated=0?$/.test(out),
      ),
      note: {
        en: "The witness that the controller saw the edit: it observed the new generation and now counts none of the running Pods as up to date.",
        "zh-cn": "见证控制器看到了这次修改：它观察到了新的 generation，并且不再把任何运行中的 Pod 算作最新。",
      },
    });
    await p.step("kubectl rollout status daemonset/agent", {
      exitCode: "nonzero",
      expect: "error: rollout status is only available for RollingUpdate strategy type",
    });
    await p.step(`kubectl wait --for=delete pod -l app.kubernetes.io/name=agent --timeout=30s`, {
      exitCode: "nonzero",
      expect: /timed out waiting for the condition/,
      note: { en: "Give the controller 30 seconds: it replaces nothing.", "zh-cn": "给控制器 30 秒：它什么也没替换。" },
    });
    await p.step(uids, { expect: second.output, note: { en: "The same Pods as before the edit.", "zh-cn": "还是修改之前的那些 Pod。" } });
    await p.step(environs, {
      expect: allAre("MODE=green", () => secondUids.length),
      note: {
        en: "Still green: with OnDelete, the edit waits.",
        "zh-cn": "仍然是 green：OnDelete 策略下，这次修改只是在等着。",
      },
    });
    await p.step("kubectl delete pod -l app.kubernetes.io/name=agent", {
      expect: that({ en: "every Pod of the DaemonSet deleted", "zh-cn": "DaemonSet 的每个 Pod 都被删除了" }, (out) => lines(out).length === secondUids.length && lines(out).every((l) => /^pod "agent-\S+" deleted/.test(l))),
      note: { en: "Now delete the Pods by hand.", "zh-cn": "现在手动删除这些 Pod。" },
    });
    await p.step(uids, {
      until: true,
      timeout: 60,
      expect: that(
        { en: "as many Pods as before, all of them new", "zh-cn": "Pod 数量和之前一样，全部是新的" },
        (out) => lines(out).length === secondUids.length && lines(out).every((uid) => !secondUids.includes(uid)),
      ),
    });
    await p.step(environs, {
      until: true,
      timeout: 60,
      expect: allAre("MODE=red", () => secondUids.length),
      note: {
        en: "The replacements the controller created come from the red template.",
        "zh-cn": "控制器创建的替代 Pod 用的是 red 模板。",
      },
    });
  },
});
