import { defineProof } from "#proof";

const pid1 = `kubectl exec demo -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep TOKEN'`;
const file = "kubectl exec demo -- cat /etc/secret/TOKEN";

export default defineProof({
  title: {
    en: "An edited Secret reaches its volume file in a running Pod, not the environment variable",
    "zh-cn": "修改后的 Secret 会进入运行中 Pod 的卷文件，但不会进入环境变量",
  },
  async run(p) {
    await p.step("kubectl apply -f secret.yaml -f pod.yaml", { expect: "secret/app-secret created\npod/demo created" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    await p.step(pid1, { expect: "TOKEN=token-v1" });
    await p.step(file, { expect: "token-v1" });
    await p.step("kubectl exec demo -- grep /etc/secret /proc/mounts", {
      expect: /^tmpfs \/etc\/secret tmpfs ro[, ]/,
      note: {
        en: "The Secret volume is a tmpfs, in memory: its contents are never written to the node's disk. Mounted read-only.",
        "zh-cn": "Secret 卷是 tmpfs，位于内存中：内容不会写到节点的磁盘上。以只读方式挂载。",
      },
    });
    await p.step("kubectl exec demo -- stat -L -c '%a %u:%g' /etc/secret/TOKEN", {
      expect: "440 0:65534",
      note: {
        en: "The file's permissions are the ones the Pod chose: defaultMode 0440, group fsGroup 65534.",
        "zh-cn": "文件权限由 Pod 决定：defaultMode 0440，属组为 fsGroup 65534。",
      },
    });
    const { output: containerId } = await p.step("kubectl get pod demo -o jsonpath='{.status.containerStatuses[0].containerID}'", {
      expect: /^\w+:\/\/[0-9a-f]{64}$/,
    });
    await p.step(`kubectl patch secret app-secret -p '{"stringData":{"TOKEN":"token-v2"}}'`, { expect: "secret/app-secret patched" });
    await p.step(file, {
      until: true,
      timeout: 180,
      expect: "token-v2",
      note: {
        en: "The kubelet rewrites the volume: the file has the new value, in the same running container. Not at once: it does so when it next syncs the Pod, which it does periodically (every minute by default, plus jitter).",
        "zh-cn": "kubelet 重写了卷：文件里是新值，容器还是原来那个正在运行的容器。但不是立即生效：kubelet 在下一次同步这个 Pod 时才更新，而同步是周期性的（默认每分钟一次，另加随机抖动）。",
      },
    });
    await p.step(pid1, {
      expect: "TOKEN=token-v1",
      note: {
        en: "The environment variable keeps the value from when the container was created.",
        "zh-cn": "环境变量仍是容器创建时的值。",
      },
    });
    await p.step("kubectl get pod demo -o jsonpath='{.status.containerStatuses[0].containerID} {.status.containerStatuses[0].restartCount}'", {
      expect: `${containerId} 0`,
      note: { en: "Same container, no restart.", "zh-cn": "同一个容器，没有重启。" },
    });
  },
});
