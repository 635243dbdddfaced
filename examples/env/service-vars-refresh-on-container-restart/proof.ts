import { defineProof, that } from "#proof";

const environ = `kubectl exec demo -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep _SERVICE_HOST= | sort'`;

export default defineProof({
  title: {
    en: "A container restart picks up Services created since the Pod started",
    "zh-cn": "容器重启后，会拿到 Pod 启动之后才创建的 Service 的变量",
  },
  async run(p) {
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/demo created" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    const uid = await p.step("kubectl get pod demo -o jsonpath='{.metadata.uid}'", { expect: /^[0-9a-f-]{36}$/ });
    await p.step("kubectl apply -f service.yaml", {
      expect: "service/web created",
      note: { en: "Create Service web after the Pod.", "zh-cn": "在 Pod 之后创建 Service web。" },
    });
    const ip = await p.step("kubectl get service web -o jsonpath='{.spec.clusterIP}'", { expect: /^[0-9a-f.:]+$/ });
    await p.step(environ, {
      expect: that(
        { en: "KUBERNETES_SERVICE_HOST is the only *_SERVICE_HOST variable", "zh-cn": "*_SERVICE_HOST 变量只有 KUBERNETES_SERVICE_HOST 一个" },
        (o) => /^KUBERNETES_SERVICE_HOST=\S+$/.test(o),
      ),
      note: {
        en: "The running process has no WEB_SERVICE_HOST.",
        "zh-cn": "正在运行的进程里没有 WEB_SERVICE_HOST。",
      },
    });
    await p.step("kubectl exec demo -- killall sleep", {
      // The exec can die with the container it stops (137); the next steps check what the kill did.
      exitCode: [0, 137],
      note: {
        en: "Make the main process exit, as a crash would; the kubelet creates a new container in the same Pod.",
        "zh-cn": "让主进程退出，就像崩溃一样；kubelet 会在同一个 Pod 里创建新容器。",
      },
    });
    await p.step("kubectl get pod demo -o jsonpath='{.status.containerStatuses[0].restartCount}'", {
      until: true,
      timeout: 60,
      expect: "1",
    });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    await p.step(environ, {
      expect: that(
        {
          en: "the *_SERVICE_HOST variables are KUBERNETES_SERVICE_HOST and WEB_SERVICE_HOST, the latter with web's cluster IP",
          "zh-cn": "*_SERVICE_HOST 变量是 KUBERNETES_SERVICE_HOST 和 WEB_SERVICE_HOST，后者的值是 web 的 cluster IP",
        },
        (o) => {
          const lines = o.split("\n");
          return lines.length === 2 && /^KUBERNETES_SERVICE_HOST=\S+$/.test(lines[0]) && lines[1] === `WEB_SERVICE_HOST=${ip.output}`;
        },
      ),
      note: {
        en: "The new container's environment was computed from the Services that exist now: WEB_SERVICE_HOST is web's cluster IP.",
        "zh-cn": "新容器的环境是按当前存在的 Service 重新计算的：WEB_SERVICE_HOST 就是 web 的 cluster IP。",
      },
    });
    await p.step("kubectl get pod demo -o jsonpath='{.metadata.uid}'", {
      expect: uid.output,
      note: { en: "Still the same Pod (same UID).", "zh-cn": "仍是同一个 Pod（UID 没变）。" },
    });
  },
});
