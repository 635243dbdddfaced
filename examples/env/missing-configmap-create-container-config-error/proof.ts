import { defineProof, that } from "#proof";

const environ = (pod: string, pattern: string) =>
  `kubectl exec ${pod} -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep -i ${pattern}'`;
/** What `kubectl get pods` must show for both Pods. */
const bothPods = (ready: string, status: string) =>
  that(
    {
      en: `envfrom and keyref both show READY ${ready}, STATUS ${status}, RESTARTS 0`,
      "zh-cn": `envfrom 和 keyref 都是 READY ${ready}、STATUS ${status}、RESTARTS 0`,
    },
    (o) => ["envfrom", "keyref"].every((pod) => new RegExp(`^${pod}\\s+${ready}\\s+${status}\\s+0\\s`, "m").test(o)),
  );

export default defineProof({
  title: {
    en: "A reference to a missing ConfigMap is accepted, blocks the container, and heals when the ConfigMap appears",
    "zh-cn": "引用不存在的 ConfigMap：API 照收，容器起不来，ConfigMap 一创建就自动恢复",
  },
  async run(p) {
    await p.step("kubectl get configmap app-config", {
      exitCode: "nonzero",
      expect: /NotFound.*configmaps "app-config" not found/,
      note: {
        en: "The ConfigMap both Pods refer to does not exist.",
        "zh-cn": "两个 Pod 引用的 ConfigMap 并不存在。",
      },
    });
    await p.step("kubectl apply -f pod-keyref.yaml -f pod-envfrom.yaml", {
      expect: "pod/keyref created\npod/envfrom created",
      note: {
        en: "The API server accepts both Pods: it does not check that referenced ConfigMaps exist.",
        "zh-cn": "API server 照单全收：它不检查被引用的 ConfigMap 是否存在。",
      },
    });
    await p.step("kubectl get pod keyref -o jsonpath='{.status.containerStatuses[0].state.waiting.reason}'", {
      until: true,
      timeout: 60,
      expect: "CreateContainerConfigError",
      note: {
        en: "The kubelet cannot build the environment (configMapKeyRef), so it does not create the container.",
        "zh-cn": "kubelet 构造不出环境变量（configMapKeyRef），于是不创建容器。",
      },
    });
    await p.step("kubectl get pod envfrom -o jsonpath='{.status.containerStatuses[0].state.waiting.reason}'", {
      until: true,
      timeout: 60,
      expect: "CreateContainerConfigError",
      note: {
        en: "The same for a whole-ConfigMap reference (envFrom).",
        "zh-cn": "整份引用（envFrom）也一样。",
      },
    });
    await p.step("kubectl get pod keyref -o jsonpath='{.status.containerStatuses[0].state.waiting.message}'", {
      expect: 'configmap "app-config" not found',
    });
    await p.step("kubectl get pods", { expect: bothPods("0/1", "CreateContainerConfigError") });
    await p.step("kubectl create configmap app-config --from-literal=mode=blue", {
      expect: "configmap/app-config created",
      note: {
        en: "Create the missing ConfigMap — and do nothing else to the Pods.",
        "zh-cn": "把缺失的 ConfigMap 创建出来——除此之外不碰 Pod。",
      },
    });
    await p.step("kubectl wait --for=condition=Ready pod/keyref pod/envfrom --timeout=120s", {
      expect: "pod/keyref condition met\npod/envfrom condition met",
      note: {
        en: "The kubelet keeps retrying; on its next attempt the reference resolves and both containers start.",
        "zh-cn": "kubelet 一直在重试；下一次重试时引用能解析了，两个容器都启动起来。",
      },
    });
    await p.step(environ("keyref", "mode"), { expect: "MODE=blue" });
    await p.step(environ("envfrom", "mode"), {
      expect: "mode=blue",
      note: {
        en: "envFrom turns each key into a variable of the same name (here lower-case `mode`).",
        "zh-cn": "envFrom 把每个键原样变成同名变量（这里是小写的 `mode`）。",
      },
    });
    await p.step("kubectl get pods", {
      expect: bothPods("1/1", "Running"),
      note: {
        en: "Same Pods, no restarts counted: the container was simply created late.",
        "zh-cn": "还是原来的 Pod，重启次数为 0：容器只是晚了一些才被创建。",
      },
    });
  },
});
