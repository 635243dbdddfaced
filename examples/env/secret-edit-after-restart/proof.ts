import { defineProof } from "#proof";

const pid1 = `kubectl exec demo -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep TOKEN'`;

export default defineProof({
  title: {
    en: "After a container restart, a Secret reference gives the current value",
    "zh-cn": "容器重启后，Secret 引用拿到的是当前的值",
  },
  async run(p) {
    await p.step("kubectl apply -f secret.yaml -f pod.yaml", { expect: "secret/app-secret created\npod/demo created" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    const { output: uid } = await p.step("kubectl get pod demo -o jsonpath='{.metadata.uid}'", { expect: /^[0-9a-f-]{36}$/ });
    await p.step(pid1, {
      expect: "TOKEN=token-v1",
      note: {
        en: "The Secret's value, decoded, is in the main process's environment.",
        "zh-cn": "Secret 的值（已解码）出现在主进程的环境变量里。",
      },
    });
    await p.step(`kubectl patch secret app-secret -p '{"stringData":{"TOKEN":"token-v2"}}'`, {
      expect: "secret/app-secret patched",
      note: {
        en: "Rotate the value: stringData takes plain text, the API server stores it base64-encoded in data.",
        "zh-cn": "轮换这个值：stringData 接收明文，API server 会把它 base64 编码后存入 data。",
      },
    });
    await p.step(pid1, {
      expect: "TOKEN=token-v1",
      note: { en: "The running process keeps the old token.", "zh-cn": "运行中的进程仍然持有旧的 token。" },
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
    await p.step(pid1, {
      expect: "TOKEN=token-v2",
      note: {
        en: "The new container has the current value of the Secret.",
        "zh-cn": "新容器拿到的是 Secret 当前的值。",
      },
    });
    await p.step("kubectl get pod demo -o jsonpath='{.metadata.uid} {.status.containerStatuses[0].restartCount}'", {
      expect: `${uid} 1`,
      note: { en: "Same Pod, one container restart.", "zh-cn": "同一个 Pod，容器重启了一次。" },
    });
  },
});
