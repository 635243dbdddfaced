import { defineProof, that } from "#proof";

// The local cluster's kubelet reaches the API server at the node's address, 10.200.0.2:6443, and is the only host
// process that does (scripts/cluster/local/up.ts); kubectl uses 127.0.0.1. This rule cuts that path alone, both ways:
// with only the kubelet's packets refused, a watch event already on its way from the API server still gets in.
const rule = "OUTPUT -d 10.200.0.2 -p tcp -m multiport --ports 6443 -j REJECT --reject-with tcp-reset";
const restarts = "kubectl get pod demo -o jsonpath='{.status.containerStatuses[0].restartCount}'";
/** The MODE= of each start line the container wrote, in order. */
const modes = (out: string) => out.split("\n").filter(Boolean).map((l) => /^start \d+ (MODE=\S*)$/.exec(l)?.[1] ?? "?");
const starts = (...expected: string[]) =>
  that(
    { en: `${expected.length} start line(s), with ${expected.join(", ")}`, "zh-cn": `${expected.length} 行启动记录，依次为 ${expected.join("、")}` },
    (out) => modes(out).join() === expected.join(),
  );

export default defineProof({
  title: {
    en: "A container restarted while the kubelet cannot reach the API server gets the values the kubelet last saw",
    "zh-cn": "kubelet 连不上 API server 时重启的容器，拿到的是 kubelet 最后一次看到的值",
  },
  // Cuts the kubelet off the API server on the node itself: this project's local cluster, whose node is this machine.
  needs: ["local-provider"],
  // Every Pod's status stops reaching the API for a while: nothing else may run meanwhile.
  exclusive: true,
  async run(p) {
    await p.step("kubectl apply -f configmap.yaml -f pod.yaml", { expect: "configmap/app-config created\npod/demo created" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    const uid = await p.step("kubectl get pod demo -o jsonpath='{.metadata.uid}'", {
      expect: /^[0-9a-f-]{36}$/,
      note: {
        en: "While the kubelet is cut off, the proof works on the node alone: the Pod's emptyDir volume is a directory there, named after the Pod's UID.",
        "zh-cn": "kubelet 被切断期间，验证只在节点上操作：Pod 的 emptyDir 卷在节点上就是一个目录，以 Pod 的 UID 命名。",
      },
    });
    const work = `/var/lib/k8s-proven/local/kubelet/pods/${uid.output}/volumes/kubernetes.io~empty-dir/work`;
    await p.step(`cat ${work}/starts`, {
      expect: starts("MODE=blue"),
      note: {
        en: "Each start of the container appends a line with the MODE its process got.",
        "zh-cn": "容器每启动一次，就追加一行，记下它的进程拿到的 MODE。",
      },
    });
    p.cleanup(`while iptables -D ${rule} 2>/dev/null; do :; done`);
    await p.step(`iptables -I ${rule}`, {
      note: {
        en: "On the node, refuse every packet between the kubelet and the API server. The API server keeps running and serves kubectl; the kubelet cannot reach it.",
        "zh-cn": "在节点上拒绝 kubelet 与 API server 之间的所有数据包。API server 照常运行、照常响应 kubectl，只是 kubelet 连不上它。",
      },
    });
    await p.step(`kubectl patch configmap app-config -p '{"data":{"MODE":"green"}}'`, {
      expect: "configmap/app-config patched",
      note: { en: "The API server now holds green.", "zh-cn": "现在 API server 里存的是 green。" },
    });
    await p.step(`touch ${work}/stop`, {
      note: {
        en: "Make the container exit with status 1. The kubelet restarts it at once (a first failure has no back-off), resolving the environment again.",
        "zh-cn": "让容器以状态 1 退出。kubelet 立即重启它（第一次失败没有退避），并重新解析环境变量。",
      },
    });
    await p.step(`cat ${work}/starts`, {
      until: true,
      timeout: 60,
      expect: starts("MODE=blue", "MODE=blue"),
      note: {
        en: "The container started again without the API server, and its process got blue: the value in the kubelet's own cache of the ConfigMap, which a watch keeps current and the cut froze before the edit arrived. Not the API server's green.",
        "zh-cn": "容器在没有 API server 的情况下再次启动，进程拿到的是 blue：这是 kubelet 自己缓存的 ConfigMap 里的值，缓存靠 watch 保持最新，而切断发生在修改到达之前。不是 API server 里的 green。",
      },
    });
    await p.step(restarts, {
      expect: "0",
      note: {
        en: "The witness that the cut is real: the API server has not heard of the restart, because the kubelet cannot report it.",
        "zh-cn": "见证连接确实断了：API server 还不知道这次重启，因为 kubelet 没法报告。",
      },
    });
    await p.step(`iptables -D ${rule}`, { note: { en: "Let the kubelet reach the API server again.", "zh-cn": "恢复 kubelet 到 API server 的连接。" } });
    await p.step(restarts, {
      until: true,
      timeout: 60,
      expect: "1",
      note: { en: "The kubelet reports the restart.", "zh-cn": "kubelet 报告了这次重启。" },
    });
    await p.step("kubectl exec demo -- cat /etc/app/MODE", {
      until: true,
      timeout: 180,
      expect: "green",
      note: {
        en: "The kubelet's watch is back and has the edit: it writes green into the Pod's ConfigMap volume at its next sync of the Pod (the poll records how long).",
        "zh-cn": "kubelet 的 watch 恢复了，也拿到了这次修改：它在下一次同步这个 Pod 时把 green 写进 Pod 的 ConfigMap 卷（轮询记下了用了多久）。",
      },
    });
    await p.step(`touch ${work}/stop`, { note: { en: "One more exit.", "zh-cn": "再让它退出一次。" } });
    await p.step(`cat ${work}/starts`, {
      until: true,
      timeout: 60,
      expect: starts("MODE=blue", "MODE=blue", "MODE=green"),
      note: {
        en: "The next container, created with the kubelet in touch again, gets green.",
        "zh-cn": "kubelet 重新连上之后创建的下一个容器，拿到了 green。",
      },
    });
  },
});
