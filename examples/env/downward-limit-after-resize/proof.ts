import { defineProof } from "#proof";

const environ = `kubectl exec demo -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep MEM_LIMIT'`;
// cgroup v2 puts the limit in memory.max, cgroup v1 in memory/memory.limit_in_bytes.
const cgroupLimit = "kubectl exec demo -- sh -c 'cat /sys/fs/cgroup/memory.max 2>/dev/null || cat /sys/fs/cgroup/memory/memory.limit_in_bytes'";
const container = "kubectl get pod demo -o jsonpath='{.status.containerStatuses[0].containerID} {.status.containerStatuses[0].restartCount}'";

export default defineProof({
  title: {
    en: "An in-place memory resize does not change MEM_LIMIT in the running process; the next container gets the new limit",
    "zh-cn": "原地调整内存不会改变运行中进程的 MEM_LIMIT；下一个容器才拿到新的 limit",
  },
  async run(p) {
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/demo created" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    const before = await p.step(container, { expect: /^\S+:\/\/[0-9a-f]+ 0$/ });
    await p.step(environ, { expect: "MEM_LIMIT=128" });
    await p.step(cgroupLimit, {
      expect: String(128 * 2 ** 20),
      note: { en: "The kernel enforces 128Mi on the container.", "zh-cn": "内核对容器施加的上限是 128Mi。" },
    });
    await p.step(
      `kubectl patch pod demo --subresource resize -p '{"spec":{"containers":[{"name":"app","resources":{"limits":{"memory":"256Mi"}}}]}}'`,
      {
        expect: "pod/demo patched",
        note: { en: "Raise the memory limit in place to 256Mi.", "zh-cn": "原地把内存上限提高到 256Mi。" },
      },
    );
    await p.step("kubectl get pod demo -o jsonpath='{.status.containerStatuses[0].resources.limits.memory}'", {
      until: true,
      timeout: 60,
      expect: "256Mi",
      note: {
        en: "The kubelet reports the resize as applied to the running container.",
        "zh-cn": "kubelet 报告调整已作用到正在运行的容器上。",
      },
    });
    await p.step(cgroupLimit, {
      until: true,
      timeout: 30,
      expect: String(256 * 2 ** 20),
      note: { en: "The kernel now enforces 256Mi.", "zh-cn": "内核现在施加的上限是 256Mi。" },
    });
    await p.step(container, {
      expect: before.output,
      note: {
        en: "Same container, not restarted.",
        "zh-cn": "还是同一个容器，没有重启。",
      },
    });
    await p.step(environ, {
      expect: "MEM_LIMIT=128",
      note: {
        en: "The process's environment still says 128: it was computed when the container was created, and a resize does not create a container.",
        "zh-cn": "进程环境里仍是 128：它在容器创建时就算好了，而原地调整并不会创建新容器。",
      },
    });
    await p.step("kubectl exec demo -- killall sleep", {
      // The exec can die with the container it stops (137); the next steps check what the kill did.
      exitCode: [0, 137],
      note: {
        en: "Make the main process exit; the kubelet creates a new container in the same Pod.",
        "zh-cn": "让主进程退出；kubelet 会在同一个 Pod 里创建新容器。",
      },
    });
    await p.step("kubectl get pod demo -o jsonpath='{.status.containerStatuses[0].restartCount}'", {
      until: true,
      timeout: 60,
      expect: "1",
    });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    await p.step(environ, {
      expect: "MEM_LIMIT=256",
      note: {
        en: "The new container's environment is computed from the Pod's current, resized limit: 256.",
        "zh-cn": "新容器的环境按 Pod 当前（已调整后）的 limit 计算：256。",
      },
    });
    await p.step(cgroupLimit, { expect: String(256 * 2 ** 20) });
  },
});
