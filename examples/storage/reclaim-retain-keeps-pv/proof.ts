import { defineProof } from "#proof";

export default defineProof({
  title: {
    en: "A volume with reclaim policy Retain outlives its claim: Released, with its data",
    "zh-cn": "回收策略为 Retain 的卷比它的申请活得久：状态 Released，数据还在",
  },
  needs: ["default-storage-class"], // the class below uses the same provisioner as the default one
  async run(p) {
    const ns = p.namespace;
    // Cluster-scoped leftovers, also on failure: the PV (switched to Delete, so the provisioner removes its
    // directory on the node too) and the StorageClass.
    p.cleanup(
      `kubectl -n ${ns} delete pod writer reader --ignore-not-found --wait=true && ` +
        `kubectl -n ${ns} delete pvc data reuse --ignore-not-found --wait=true && ` +
        `for pv in $(kubectl get pv -o jsonpath='{range .items[?(@.spec.storageClassName=="${ns}")]}{.metadata.name}{" "}{end}'); do ` +
        `kubectl patch pv $pv -p '{"spec":{"persistentVolumeReclaimPolicy":"Delete"}}' && kubectl wait --for=delete pv/$pv --timeout=120s || exit 1; done && ` +
        `kubectl delete storageclass ${ns} --ignore-not-found`,
    );
    await p.step("kubectl apply -f storageclass.yaml -f pvc.yaml -f pod.yaml", {
      expect: `storageclass.storage.k8s.io/${ns} created\npersistentvolumeclaim/data created\npod/writer created`,
    });
    await p.step("kubectl wait --for=condition=Ready pod/writer --timeout=120s", { expect: "pod/writer condition met" });
    const { output: pv } = await p.step("kubectl get pvc data -o jsonpath='{.spec.volumeName}'", { expect: /^pvc-[0-9a-f-]{36}$/ });
    await p.step(`kubectl get pv ${pv} -o jsonpath='{.spec.persistentVolumeReclaimPolicy}'`, {
      expect: "Retain",
      note: { en: "The provisioned PV has the class's reclaim policy, Retain.", "zh-cn": "供应出来的 PV 带着该类的回收策略 Retain。" },
    });
    await p.step("kubectl exec writer -- sh -c 'echo written through claim data > /data/note'");
    await p.step("kubectl delete pod writer", { expect: /^pod "writer" deleted/ });
    await p.step("kubectl delete pvc data", { expect: /^persistentvolumeclaim "data" deleted/ });
    await p.step(`kubectl get pv ${pv} -o jsonpath='{.status.phase} {.spec.claimRef.namespace}/{.spec.claimRef.name}'`, {
      until: true,
      timeout: 60,
      expect: `Released ${ns}/data`,
      note: {
        en: "The claim is gone, the PV stays: Released, still pointing at the deleted claim.",
        "zh-cn": "申请没了，PV 还在：状态 Released，仍然指向那个已删除的申请。",
      },
    });
    await p.step(
      `kubectl patch pv ${pv} -p '{"spec":{"claimRef":{"namespace":"${ns}","name":"reuse","uid":null,"resourceVersion":null}}}'`,
      {
        expect: `persistentvolume/${pv} patched`,
        note: {
          en: "To reuse the volume, an admin points its claimRef at a new claim, here one named reuse (dropping the old claim's uid).",
          "zh-cn": "要重新使用这个卷，管理员把它的 claimRef 指向一个新的申请，这里是名为 reuse 的申请（去掉旧申请的 uid）。",
        },
      },
    );
    await p.step(`kubectl get pv ${pv} -o jsonpath='{.status.phase}'`, { until: true, timeout: 60, expect: "Available" });
    await p.step("kubectl apply -f reuse.yaml", { expect: "persistentvolumeclaim/reuse created\npod/reader created" });
    await p.step("kubectl wait --for=condition=Ready pod/reader --timeout=120s", { expect: "pod/reader condition met" });
    await p.step("kubectl get pvc reuse -o jsonpath='{.status.phase} {.spec.volumeName}'", {
      expect: `Bound ${pv}`,
      note: { en: "The new claim is bound to the retained volume.", "zh-cn": "新的申请绑定到了这个被保留的卷。" },
    });
    await p.step("kubectl exec reader -- cat /data/note", {
      expect: "written through claim data",
      note: {
        en: "And the data written through the deleted claim is still there.",
        "zh-cn": "通过已删除的那个申请写入的数据依然还在。",
      },
    });
  },
});
