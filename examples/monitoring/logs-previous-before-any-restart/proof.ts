import { defineProof } from "#proof";

export default defineProof({
  title: {
    en: "kubectl logs --previous on a container that never restarted is an error, not an empty log",
    "zh-cn": "对从未重启过的容器执行 kubectl logs --previous 会报错，而不是返回空日志",
  },
  async run(p) {
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/fresh created" });
    await p.step("kubectl wait --for=condition=Ready pod/fresh --timeout=120s", { expect: "pod/fresh condition met" });
    await p.step("kubectl logs fresh", {
      until: true,
      timeout: 30,
      expect: "started",
      note: { en: "The running instance has a log.", "zh-cn": "正在运行的实例是有日志的。" },
    });
    await p.step("kubectl get pod fresh -o jsonpath='{.status.containerStatuses[0].restartCount} {.status.containerStatuses[0].lastState}'", {
      expect: "0 {}",
      note: {
        en: "No restart, so no last terminated state: nothing the kubelet could read an earlier log from.",
        "zh-cn": "没有重启过，也就没有上一次终止的状态（lastState）：kubelet 无处读取更早的日志。",
      },
    });
    await p.step("kubectl logs fresh --previous", {
      exitCode: 1,
      expect: 'Error from server (BadRequest): previous terminated container "app" in pod "fresh" not found',
      note: {
        en: "The kubelet answers with this error when the container status has no lastState.terminated. In a script, tell this apart from a container that restarted and logged nothing: that one returns an empty log and exit status 0.",
        "zh-cn": "容器状态里没有 lastState.terminated 时，kubelet 就返回这个错误。写脚本时要把它和“重启过但什么也没输出”的容器区分开：后者返回空日志，退出状态为 0。",
      },
    });
  },
});
