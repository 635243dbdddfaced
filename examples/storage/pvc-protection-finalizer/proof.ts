import { defineProof } from "#proof";

export default defineProof({
  title: {
    en: "A claim in use is not removed when deleted: the pvc-protection finalizer holds it until its Pod is gone",
    "zh-cn": "正在使用的申请被删除时不会立刻消失：pvc-protection finalizer 会拦住它，直到使用它的 Pod 不在了",
  },
  needs: ["default-storage-class"],
  async run(p) {
    await p.step("kubectl apply -f pvc.yaml -f pod.yaml", { expect: "persistentvolumeclaim/data created\npod/demo created" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    const { output: pv } = await p.step("kubectl get pvc data -o jsonpath='{.spec.volumeName}'", { expect: /^pvc-[0-9a-f-]{36}$/ });
    p.cleanup(
      `kubectl -n ${p.namespace} delete pod demo --ignore-not-found --wait=true && ` +
        `kubectl -n ${p.namespace} delete pvc data --ignore-not-found --wait=true && ` +
        `kubectl wait --for=delete pv/${pv} --timeout=120s`,
    );
    await p.step("kubectl get pvc data -o jsonpath='{.metadata.finalizers}'", {
      expect: '["kubernetes.io/pvc-protection"]',
      note: { en: "The claim carries the pvc-protection finalizer.", "zh-cn": "申请带着 pvc-protection finalizer。" },
    });
    await p.step(`kubectl get pv ${pv} -o jsonpath='{.metadata.finalizers}'`, {
      expect: '["kubernetes.io/pv-protection"]',
      note: { en: "Its bound PV carries pv-protection.", "zh-cn": "它所绑定的 PV 带着 pv-protection。" },
    });
    await p.step("kubectl delete pvc data --wait=false", {
      expect: /^persistentvolumeclaim "data" deleted/,
      note: {
        en: "Delete the claim while the Pod still uses it (--wait=false: do not wait for it to disappear).",
        "zh-cn": "在 Pod 还在使用时删除申请（--wait=false：不等待它消失）。",
      },
    });
    await p.step("kubectl get pvc data", {
      expect: /^data +Terminating +pvc-/m,
      note: { en: "The claim is still there, Terminating.", "zh-cn": "申请还在，状态为 Terminating。" },
    });
    await p.step("kubectl get pvc data -o jsonpath='{.metadata.deletionTimestamp} {.metadata.finalizers}'", {
      expect: /^\d{4}-\d\d-\d\dT[\d:]+Z \["kubernetes\.io\/pvc-protection"\]$/,
      note: {
        en: "It has a deletion timestamp, but the API server only removes an object once its finalizers are gone, and the controller removes pvc-protection only when no Pod uses the claim.",
        "zh-cn": "它已经有了删除时间戳，但 API server 只有在 finalizer 都清空后才会真正删除对象，而控制器只在没有 Pod 使用这个申请时才会去掉 pvc-protection。",
      },
    });
    await p.step("kubectl exec demo -- sh -c 'echo still in use > /data/file && cat /data/file'", {
      expect: "still in use",
      note: {
        en: "Meanwhile the Pod keeps using its volume undisturbed.",
        "zh-cn": "与此同时，Pod 继续正常使用它的卷。",
      },
    });
    await p.step("kubectl delete pod demo", { expect: /^pod "demo" deleted/ });
    await p.step("kubectl get pvc data", {
      until: true,
      timeout: 60,
      exitCode: "nonzero",
      expect: /persistentvolumeclaims "data" not found/,
      note: {
        en: "With the Pod gone, the finalizer is removed and the claim disappears.",
        "zh-cn": "Pod 不在了，finalizer 被移除，申请随之消失。",
      },
    });
  },
});
