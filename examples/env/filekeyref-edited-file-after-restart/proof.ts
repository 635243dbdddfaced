import { defineProof, that } from "#proof";

const pid1 = `kubectl exec demo -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep MODE'`;

export default defineProof({
  title: {
    en: "fileKeyRef takes a variable from a file in an emptyDir, read when the container is created: an edit reaches the next container, not the running one",
    "zh-cn": "fileKeyRef 从 emptyDir 里的文件取变量，在创建容器时读取：文件修改后，运行中的容器看不到，下一个容器才看得到",
  },
  async run(p) {
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/demo created" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    await p.step(pid1, {
      expect: "MODE=blue",
      note: {
        en: "The init container wrote MODE='blue' to /config/app.env; the kubelet read the key from that file on the node when it created the app container, and the quotes are not part of the value.",
        "zh-cn": "init 容器把 MODE='blue' 写进了 /config/app.env；kubelet 创建应用容器时，在节点上从这个文件里读出了这个键，引号不属于值的一部分。",
      },
    });
    await p.step(`echo "MODE='green'" | kubectl exec -i demo -- tee /config/app.env`, {
      expect: "MODE='green'",
      note: { en: "Edit the file in the shared volume.", "zh-cn": "修改共享卷里的这个文件。" },
    });
    await p.step("kubectl exec demo -- cat /config/app.env", {
      expect: "MODE='green'",
      note: { en: "The witness: the file says green.", "zh-cn": "见证：文件里已经是 green。" },
    });
    await p.step(pid1, {
      expect: "MODE=blue",
      note: {
        en: "The running process keeps the value read at its creation.",
        "zh-cn": "运行中的进程保留着创建时读到的值。",
      },
    });
    await p.step("kubectl exec demo -- killall sleep", {
      // The exec can die with the container it stops (137); the next steps check what the kill did.
      exitCode: [0, 137],
      note: {
        en: "Kill the main process's work: the container exits with an error and the kubelet restarts it. The init container does not run again.",
        "zh-cn": "杀掉主进程的工作进程：容器以错误退出，kubelet 重启它。init 容器不会再运行。",
      },
    });
    await p.step("kubectl get pod demo -o jsonpath='{.status.containerStatuses[0].restartCount}'", { until: true, expect: "1" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    await p.step(pid1, {
      expect: "MODE=green",
      note: {
        en: "The new container has the edited value: the kubelet read the file again when it created it. Unlike a ConfigMap edit, this one was made inside the Pod, so nothing outside it can tell which value a container has.",
        "zh-cn": "新容器拿到了修改后的值：kubelet 创建它时又读了一次这个文件。和修改 ConfigMap 不同，这次修改发生在 Pod 内部，Pod 之外没有任何地方能看出某个容器拿到的是哪个值。",
      },
    });
    await p.step("echo 'MODE=red' | kubectl exec -i demo -- tee /config/app.env", {
      expect: "MODE=red",
      note: {
        en: "Now a line without quotes, as most env files are written.",
        "zh-cn": "这次写一行不带引号的——大多数 env 文件都是这么写的。",
      },
    });
    await p.step("kubectl exec demo -- killall sleep", { exitCode: [0, 137] });
    await p.step("kubectl get pod demo -o jsonpath='{.status.containerStatuses[0].state.waiting.reason}'", {
      until: true,
      expect: "CreateContainerConfigError",
      note: {
        en: "The next container is not created: its environment cannot be built.",
        "zh-cn": "下一个容器没有被创建：它的环境变量构造不出来。",
      },
    });
    await p.step("kubectl get events --field-selector involvedObject.name=demo,reason=Failed -o jsonpath='{range .items[*]}{.message}{\"\\n\"}{end}'", {
      until: true,
      expect: that(
        { en: "an event with the message Error: couldn't parse env file", "zh-cn": "有一条事件，消息是 Error: couldn't parse env file" },
        (o) => o.split("\n").includes("Error: couldn't parse env file"),
      ),
      note: {
        en: "The kubelet's parser accepts only single-quoted values (KEY='value'), and the event says neither which line failed nor why.",
        "zh-cn": "kubelet 的解析器只接受单引号括起来的值（KEY='value'），而事件既不说哪一行出了错，也不说为什么。",
      },
    });
  },
});
