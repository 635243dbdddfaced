import { defineProof, that } from "#proof";

const container = "kubectl get pod demo -o jsonpath='{.status.containerStatuses[0].restartCount} {.status.containerStatuses[0].containerID}'";

export default defineProof({
  title: {
    en: "A ConfigMap mounted as a volume is updated in the running container",
    "zh-cn": "以卷挂载的 ConfigMap 会在运行中的容器里更新",
  },
  async run(p) {
    await p.step("kubectl apply -f configmap.yaml -f pod.yaml", { expect: "configmap/app-config created\npod/demo created" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    await p.step("kubectl exec demo -- cat /etc/app/MODE", { expect: "blue" });
    const { output: before } = await p.step(container, {
      expect: /^0 containerd:\/\/[0-9a-f]{64}$/,
      note: { en: "No restart yet; note the container's ID.", "zh-cn": "还没有重启过；记下容器 ID。" },
    });
    await p.step(`kubectl patch configmap app-config -p '{"data":{"MODE":"green"}}'`, { expect: "configmap/app-config patched" });
    await p.step("kubectl exec demo -- cat /etc/app/MODE", {
      until: true,
      timeout: 240,
      expect: "green",
      note: {
        en: "Read the file until it changes. The kubelet rewrites the volume the next time it syncs the Pod, at the latest on its periodic resync (every 60 to 90 seconds by default), so this can take over a minute; the attempts and seconds are recorded with this step.",
        "zh-cn": "反复读取文件直到它变化。kubelet 在下一次同步这个 Pod 时重写该卷，最迟是在周期性重新同步时（默认每 60 到 90 秒一次），所以可能要等一分钟以上；本步骤记录了尝试次数和耗时。",
      },
    });
    await p.step(container, {
      expect: before,
      note: {
        en: "Same container, never restarted: the file changed under the running process.",
        "zh-cn": "同一个容器，从未重启：文件是在进程运行期间被更新的。",
      },
    });
    await p.step("kubectl exec demo -- ls -la /etc/app/", {
      expect: that(
        {
          en: "MODE is a symlink to ..data/MODE, and ..data a symlink to a timestamped directory (..YYYY_MM_DD_…) listed beside it",
          "zh-cn": "MODE 是指向 ..data/MODE 的符号链接，..data 是指向同目录下一个带时间戳目录（..YYYY_MM_DD_…）的符号链接",
        },
        (out) => {
          const target = /^l\S+\s.* \.\.data -> (\.\.\d{4}(?:_\d\d){5}\.\d+)$/m.exec(out)?.[1];
          return (
            /^l\S+\s.* MODE -> \.\.data\/MODE$/m.test(out) &&
            target !== undefined &&
            out.split("\n").some((line) => line.startsWith("d") && line.endsWith(` ${target}`))
          );
        },
      ),
      note: {
        en: "How: each key is a symlink through ..data, which points to a timestamped directory. The kubelet writes a new directory and swaps ..data, so readers see the old or the new content, never a mix.",
        "zh-cn": "原理：每个键都是经由 ..data 的符号链接，..data 指向一个带时间戳的目录。kubelet 写好新目录后再切换 ..data，所以读取者看到的要么是旧内容，要么是新内容，不会是混合的。",
      },
    });
  },
});
