import { defineProof, that } from "#proof";

export default defineProof({
  title: {
    en: "A file in an emptyDir survives a container restart",
    "zh-cn": "emptyDir 里的文件在容器重启后依然存在",
  },
  async run(p) {
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/demo created" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    const { output: before } = await p.step(
      "kubectl get pod demo -o jsonpath='{.metadata.uid} {.status.containerStatuses[0].containerID}'",
      {
        expect: /^[0-9a-f-]{36} \S+:\/\/[0-9a-f]+$/,
        note: { en: "The Pod's UID and its container's ID, to compare after the restart.", "zh-cn": "记下 Pod 的 UID 和容器 ID，重启后对比。" },
      },
    );
    const [uid, firstContainer] = before.split(" ");
    await p.step("kubectl exec demo -- sh -c 'echo written before the restart > /scratch/marker; cat /scratch/marker'", {
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
    await p.step("kubectl get pod demo -o jsonpath='{.metadata.uid} {.status.containerStatuses[0].containerID}'", {
      expect: that(
        {
          en: `the same Pod UID (${uid}), and a container ID other than the first one`,
          "zh-cn": `Pod 的 UID 不变（${uid}），容器 ID 不同于第一个`,
        },
        (out) => {
          const [u, container] = out.split(" ");
          return u === uid && /^\S+:\/\/[0-9a-f]+$/.test(container ?? "") && container !== firstContainer;
        },
      ),
      note: {
        en: "The same Pod (same UID) now runs a new container (a different container ID).",
        "zh-cn": "还是同一个 Pod（UID 相同），运行的是一个新容器（容器 ID 不同）。",
      },
    });
    await p.step("kubectl exec demo -- cat /scratch/marker", {
      expect: "written before the restart",
      note: {
        en: "The new container mounts the same emptyDir, and the file is still there: the volume belongs to the Pod, not to the container.",
        "zh-cn": "新容器挂载的是同一个 emptyDir，文件还在：卷属于 Pod，而不属于容器。",
      },
    });
  },
});
