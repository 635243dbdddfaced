import { defineProof } from "#proof";

export default defineProof({
  title: {
    en: "A claim binds to a matching PersistentVolume made by hand",
    "zh-cn": "申请绑定到一个手工创建的、条件相符的 PersistentVolume",
  },
  async run(p) {
    const pv = p.namespace; // pv.yaml names the PV after the namespace
    p.cleanup(
      `kubectl -n ${p.namespace} delete pod demo --ignore-not-found --wait=true && ` +
        `kubectl -n ${p.namespace} delete pvc data --ignore-not-found --wait=true && ` +
        `kubectl delete pv ${pv} --ignore-not-found --wait=true && ` +
        `kubectl -n ${p.namespace} apply -f cleanup.yaml && ` +
        `kubectl -n ${p.namespace} wait --for=jsonpath='{.status.phase}'=Succeeded pod/cleanup --timeout=60s`,
    );
    await p.step("kubectl apply -f pv.yaml", { expect: `persistentvolume/${pv} created` });
    await p.step(`kubectl get pv ${pv} -o jsonpath='{.status.phase} {.spec.persistentVolumeReclaimPolicy}'`, {
      until: true,
      timeout: 30,
      expect: "Available Retain",
      note: {
        en: "The PV is Available. pv.yaml sets no reclaim policy: for a PV made by hand it defaults to Retain.",
        "zh-cn": "PV 处于 Available 状态。pv.yaml 没有设置回收策略：手工创建的 PV 默认是 Retain。",
      },
    });
    await p.step("kubectl apply -f pvc.yaml", { expect: "persistentvolumeclaim/data created" });
    await p.step("kubectl get pvc data -o jsonpath='{.status.phase} {.spec.volumeName} {.status.capacity.storage}'", {
      until: true,
      timeout: 60,
      expect: `Bound ${pv} 64Mi`,
      note: {
        en: "The claim asked for 32Mi of class manual, ReadWriteOnce; the control plane bound it to the PV that satisfies that. It gets the whole volume: 64Mi.",
        "zh-cn": "申请要的是 manual 类、32Mi、ReadWriteOnce；控制平面把它绑定到满足条件的这个 PV 上。它得到的是整个卷：64Mi。",
      },
    });
    await p.step(`kubectl get pv ${pv} -o jsonpath='{.status.phase} {.spec.claimRef.namespace}/{.spec.claimRef.name}'`, {
      expect: `Bound ${p.namespace}/data`,
      note: { en: "The binding goes both ways: the PV now names the claim.", "zh-cn": "绑定是双向的：PV 现在写着这个申请。" },
    });
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/demo created" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    await p.step("kubectl exec demo -- sh -c 'echo written through the claim > /data/note && cat /data/note'", {
      expect: "written through the claim",
      note: { en: "The Pod mounts the claim and writes to the volume.", "zh-cn": "Pod 挂载这个申请，并向卷中写入数据。" },
    });
    await p.step("kubectl delete pod demo", { expect: /^pod "demo" deleted/ });
    await p.step("kubectl delete pvc data", { expect: /^persistentvolumeclaim "data" deleted/ });
    await p.step(`kubectl get pv ${pv} -o jsonpath='{.status.phase}'`, {
      until: true,
      timeout: 60,
      expect: "Released",
      note: { en: "Retain: the PV outlives its claim, as Released.", "zh-cn": "Retain：PV 比它的申请活得久，状态变为 Released。" },
    });
    await p.step(`kubectl delete pv ${pv}`, { expect: new RegExp(`^persistentvolume "${pv}" deleted`) });
    await p.step("kubectl apply -f cleanup.yaml", { expect: "pod/cleanup created" });
    await p.step("kubectl wait --for=jsonpath='{.status.phase}'=Succeeded pod/cleanup --timeout=120s", {
      expect: "pod/cleanup condition met",
    });
    await p.step("kubectl logs cleanup", {
      expect: `written through the claim\nremoved /tmp/${pv}`,
      note: {
        en: "Deleting a PV made by hand does not touch its storage: the file is still in the node directory until someone removes it, as the cleanup Pod does here.",
        "zh-cn": "删除手工创建的 PV 不会动它的存储：文件仍在节点目录里，直到有人把它删掉，就像这里的清理 Pod 所做的那样。",
      },
    });
  },
});
