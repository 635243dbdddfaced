import { defineProof, that } from "#proof";

export default defineProof({
  title: {
    en: "A file in the container's own filesystem is gone after a container restart",
    "zh-cn": "写在容器自身文件系统里的文件，容器重启后就没了",
  },
  async run(p) {
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/demo created" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    const { output: uid } = await p.step("kubectl get pod demo -o jsonpath='{.metadata.uid}'", {
      expect: /^[0-9a-f-]{36}$/,
      note: { en: "The Pod's UID, to compare at the end.", "zh-cn": "记下 Pod 的 UID，最后对比。" },
    });
    await p.step("kubectl exec demo -- df /tmp", {
      expect: that(
        { en: "the filesystem holding /tmp is mounted on /", "zh-cn": "/tmp 所在的文件系统挂载在 / 上" },
        (out) => {
          const lines = out.trim().split("\n");
          return lines.length === 2 && / \/$/.test(lines[1]);
        },
      ),
      note: {
        en: "/tmp is not a volume: it belongs to the container's root filesystem (mounted on /), the writable layer on top of the image.",
        "zh-cn": "/tmp 不是卷：它属于容器的根文件系统（挂载在 / 上），即镜像之上的可写层。",
      },
    });
    await p.step("kubectl exec demo -- sh -c 'echo written before the restart > /tmp/marker; cat /tmp/marker'", {
      expect: "written before the restart",
    });
    await p.step("kubectl exec demo -- killall sleep", {
      // The exec can die with the container it stops (137); the next steps check what the kill did.
      exitCode: [0, 137],
      note: {
        en: "End the main process's work: the container exits with an error and the kubelet restarts it.",
        "zh-cn": "结束主进程的工作进程：容器以错误退出，kubelet 会重启它。",
      },
    });
    await p.step("kubectl get pod demo -o jsonpath='{.status.containerStatuses[0].restartCount}'", { until: true, expect: "1" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    await p.step("kubectl exec demo -- cat /tmp/marker", {
      exitCode: "nonzero",
      expect: /can't open '\/tmp\/marker': No such file or directory/,
      note: {
        en: "The new container starts from the image again: the file written by the previous container is gone.",
        "zh-cn": "新容器又从镜像开始：上一个容器写的文件没了。",
      },
    });
    await p.step("kubectl get pod demo -o jsonpath='{.metadata.uid} {.status.containerStatuses[0].restartCount}'", {
      expect: `${uid} 1`,
      note: {
        en: "Same Pod (same UID), one container restart: only the container was replaced.",
        "zh-cn": "还是同一个 Pod（UID 相同），容器重启了一次：被替换的只是容器。",
      },
    });
  },
});
