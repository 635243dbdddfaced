import { defineProof } from "#proof";

export default defineProof({
  title: {
    en: "A reference to a key the ConfigMap lacks blocks the container with \"couldn't find key\"",
    "zh-cn": "引用 ConfigMap 中不存在的键：容器因 “couldn't find key” 无法创建",
  },
  async run(p) {
    await p.step("kubectl apply -f configmap.yaml -f pod.yaml", {
      expect: "configmap/app-config created\npod/demo created",
    });
    await p.step("kubectl get pod demo -o jsonpath='{.status.containerStatuses[0].state.waiting.reason}'", {
      until: true,
      timeout: 60,
      expect: "CreateContainerConfigError",
      note: {
        en: "The ConfigMap exists, but not the key: the kubelet does not create the container.",
        "zh-cn": "ConfigMap 存在，键却没有：kubelet 不创建容器。",
      },
    });
    await p.step("kubectl get pod demo -o jsonpath='{.status.containerStatuses[0].state.waiting.message}'", {
      expect: `couldn't find key mode in ConfigMap ${p.namespace}/app-config`,
      note: {
        en: "The message names the key and the ConfigMap (with its namespace).",
        "zh-cn": "报错信息点明了键名和 ConfigMap（带命名空间）。",
      },
    });
    await p.step("kubectl events --for pod/demo --types=Warning", {
      expect: /Failed\s+Pod\/demo\s+Error: couldn't find key mode in ConfigMap/,
    });
    await p.step(`kubectl patch configmap app-config --type=merge -p '{"data":{"mode":"green"}}'`, {
      expect: "configmap/app-config patched",
      note: {
        en: "Add the key; nothing is done to the Pod.",
        "zh-cn": "补上这个键；Pod 本身不做任何操作。",
      },
    });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", {
      expect: "pod/demo condition met",
      note: {
        en: "On its next retry the kubelet finds the key and creates the container.",
        "zh-cn": "kubelet 下一次重试时找到了这个键，容器随即创建。",
      },
    });
    await p.step(`kubectl exec demo -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep MODE'`, { expect: "MODE=green" });
  },
});
