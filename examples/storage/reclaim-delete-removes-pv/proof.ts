import { defineProof } from "#proof";

export default defineProof({
  title: {
    en: "Deleting the claim of a volume with reclaim policy Delete deletes the PersistentVolume",
    "zh-cn": "删除回收策略为 Delete 的卷的申请，PersistentVolume 也随之删除",
  },
  needs: ["default-storage-class"],
  async run(p) {
    await p.step("kubectl apply -f pvc.yaml -f pod.yaml", { expect: "persistentvolumeclaim/data created\npod/demo created" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    const { output: pv } = await p.step("kubectl get pvc data -o jsonpath='{.spec.volumeName}'", {
      expect: /^pvc-[0-9a-f-]{36}$/,
      note: { en: "The PV provisioned for the claim.", "zh-cn": "为这个申请供应的 PV。" },
    });
    p.cleanup(
      `kubectl -n ${p.namespace} delete pod demo --ignore-not-found --wait=true && ` +
        `kubectl -n ${p.namespace} delete pvc data --ignore-not-found --wait=true && ` +
        `kubectl wait --for=delete pv/${pv} --timeout=120s`,
    );
    await p.step(`kubectl get pv ${pv} -o jsonpath='{.spec.persistentVolumeReclaimPolicy} {.status.phase}'`, {
      expect: "Delete Bound",
      note: {
        en: "Dynamically provisioned, so it has its StorageClass's reclaim policy: Delete.",
        "zh-cn": "它是动态供应的，所以带着 StorageClass 的回收策略：Delete。",
      },
    });
    await p.step("kubectl exec demo -- sh -c 'echo important > /data/file'");
    await p.step("kubectl delete pod demo", { expect: /^pod "demo" deleted/ });
    await p.step("kubectl delete pvc data", {
      expect: /^persistentvolumeclaim "data" deleted/,
      note: {
        en: "Delete the claim, now that no Pod uses it.",
        "zh-cn": "没有 Pod 使用它了，删除申请。",
      },
    });
    await p.step(`kubectl get pv ${pv}`, {
      until: true,
      timeout: 120,
      exitCode: "nonzero",
      expect: new RegExp(`persistentvolumes "${pv}" not found`),
      note: {
        en: "The PV is gone as well: with policy Delete, a released volume is deleted.",
        "zh-cn": "PV 也没了：回收策略为 Delete 时，被释放的卷会被删除。",
      },
    });
    await p.step(`kubectl -n local-path-storage logs deployment/local-path-provisioner | grep "Volume ${pv} has been"`, {
      until: true,
      timeout: 30,
      expect: new RegExp(`Volume ${pv} has been created on [\\s\\S]*Volume ${pv} has been deleted on `),
      note: {
        en: "And with it the storage behind it: the provisioner's log shows it created the volume's directory on the node, and has now deleted it, data included.",
        "zh-cn": "背后的存储也一起删了：供应者的日志显示，它曾在节点上为该卷创建目录，现在又把它删除了，数据也随之删除。",
      },
    });
  },
});
