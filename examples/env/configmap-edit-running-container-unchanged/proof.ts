import { defineProof } from "#proof";

const pid1 = `kubectl exec demo -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep -E "MODE|NEW_KEY" | sort'`;
const files = "kubectl exec demo -- grep . /etc/app/MODE /etc/app/NEW_KEY";

export default defineProof({
  title: {
    en: "Editing a ConfigMap does not change the environment of a running container",
    "zh-cn": "修改 ConfigMap 不会改变正在运行的容器的环境变量",
  },
  async run(p) {
    await p.step("kubectl apply -f configmap.yaml -f pod.yaml", { expect: "configmap/app-config created\npod/demo created" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    await p.step(pid1, {
      expect: "APP_MODE=blue\nMODE=blue",
      note: {
        en: "PID 1 got MODE through envFrom and APP_MODE through configMapKeyRef, both from the ConfigMap.",
        "zh-cn": "PID 1 通过 envFrom 拿到 MODE，通过 configMapKeyRef 拿到 APP_MODE，两者都来自 ConfigMap。",
      },
    });
    await p.step(`kubectl patch configmap app-config -p '{"data":{"MODE":"green","NEW_KEY":"added"}}'`, {
      expect: "configmap/app-config patched",
      note: {
        en: "Change the value and add a key while the container keeps running.",
        "zh-cn": "容器继续运行，同时修改一个值并新增一个键。",
      },
    });
    await p.step(files, {
      until: true,
      timeout: 240,
      expect: "/etc/app/MODE:green\n/etc/app/NEW_KEY:added",
      note: {
        en: "Wait until the kubelet has written the edit into the Pod's ConfigMap volume: from here on the node knows the new data.",
        "zh-cn": "等到 kubelet 把修改写进了 Pod 的 ConfigMap 卷：此时节点上已经有了新数据。",
      },
    });
    await p.step(pid1, {
      expect: "APP_MODE=blue\nMODE=blue",
      note: {
        en: "The running process still has the old values, and no NEW_KEY: its environment was fixed when the container was created.",
        "zh-cn": "运行中的进程仍然是旧值，也没有 NEW_KEY：它的环境变量在容器创建时就已确定。",
      },
    });
    await p.step(`kubectl exec demo -- sh -c 'env | grep -E "MODE|NEW_KEY" | sort'`, {
      expect: "APP_MODE=blue\nMODE=blue",
      note: {
        en: "A new kubectl exec gets the same old values: it starts from the container's configuration, not from the ConfigMap.",
        "zh-cn": "新的 kubectl exec 拿到的也是旧值：它从容器的配置出发，而不是从 ConfigMap 读取。",
      },
    });
    await p.step("kubectl get pod demo -o jsonpath='{.status.containerStatuses[0].restartCount}'", {
      expect: "0",
      note: { en: "Same container all along: no restart.", "zh-cn": "自始至终是同一个容器：没有重启。" },
    });
  },
});
