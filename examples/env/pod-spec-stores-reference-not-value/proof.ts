import { defineProof } from "#proof";

export default defineProof({
  title: {
    en: "The Pod object stores the reference, not the value; the container's process gets the value",
    "zh-cn": "Pod 对象里存的是引用，不是值；容器进程拿到的是值",
  },
  async run(p) {
    await p.step("kubectl apply -f configmap.yaml -f pod.yaml", {
      expect: "configmap/app-config created\npod/demo created",
    });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    await p.step("kubectl get pod demo -o jsonpath='{.spec.containers[0].env}'", {
      expect: '[{"name":"MODE","valueFrom":{"configMapKeyRef":{"key":"mode","name":"app-config"}}}]',
      note: {
        en: "What the API server stores for the running Pod: a reference to key mode of app-config, not its value.",
        "zh-cn": "API server 为这个运行中的 Pod 存下的是：指向 app-config 中 mode 键的引用，而不是它的值。",
      },
    });
    await p.step("kubectl get pod demo -o yaml | grep -c blue", {
      exitCode: 1,
      expect: "0",
      note: {
        en: "The value blue appears nowhere in the Pod object, spec or status.",
        "zh-cn": "在整个 Pod 对象（spec 和 status）里都找不到 blue 这个值。",
      },
    });
    await p.step("kubectl describe pod demo | grep MODE", {
      expect: /^\s*MODE:\s+<set to the key 'mode' of config map 'app-config'>\s+Optional: false$/,
      note: {
        en: "kubectl describe also shows only where the value comes from.",
        "zh-cn": "kubectl describe 同样只显示值从哪里来。",
      },
    });
    await p.step(`kubectl exec demo -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep MODE'`, {
      expect: "MODE=blue",
      note: {
        en: "The value is in the environment the kubelet resolved on the node and passed to the container's process.",
        "zh-cn": "具体的值在 kubelet 于节点上解析后交给容器进程的环境里。",
      },
    });
  },
});
