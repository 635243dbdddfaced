import { defineProof } from "#proof";

export default defineProof({
  title: {
    en: "A claim gets a volume from the default StorageClass once a Pod uses it",
    "zh-cn": "申请在有 Pod 使用它之后，从默认 StorageClass 得到一个卷",
  },
  needs: ["default-storage-class"],
  async run(p) {
    await p.step("kubectl get storageclass", {
      expect: /^standard \(default\) +rancher\.io\/local-path +Delete +WaitForFirstConsumer /m,
      note: {
        en: "The cluster's default StorageClass: its provisioner, reclaim policy Delete, and binding mode WaitForFirstConsumer.",
        "zh-cn": "集群的默认 StorageClass：它的供应者、回收策略 Delete，以及绑定模式 WaitForFirstConsumer。",
      },
    });
    await p.step("kubectl apply -f pvc.yaml", { expect: "persistentvolumeclaim/data created" });
    await p.step("kubectl get pvc data -o jsonpath='{.spec.storageClassName} {.status.phase}'", {
      expect: "standard Pending",
      note: {
        en: "The claim named no class; admission filled in the default one. It is Pending.",
        "zh-cn": "申请里没写类；准入控制填上了默认类。它处于 Pending 状态。",
      },
    });
    await p.step("kubectl get events --field-selector involvedObject.name=data -o jsonpath='{.items[*].message}'", {
      until: true,
      timeout: 60,
      expect: /waiting for first consumer to be created before binding/,
      note: {
        en: "Why it is Pending: with WaitForFirstConsumer nothing is provisioned until a Pod uses the claim.",
        "zh-cn": "为什么是 Pending：在 WaitForFirstConsumer 模式下，没有 Pod 使用这个申请之前，什么都不会供应。",
      },
    });
    await p.step("kubectl get pvc data -o jsonpath='{.status.phase} volume={.spec.volumeName}'", {
      expect: "Pending volume=",
    });
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/demo created" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    const { output: bound } = await p.step("kubectl get pvc data -o jsonpath='{.status.phase} {.spec.volumeName}'", {
      expect: /^Bound pvc-[0-9a-f-]{36}$/,
      note: {
        en: "Once the Pod was scheduled, the provisioner created a PersistentVolume and the claim is Bound to it.",
        "zh-cn": "Pod 被调度之后，供应者创建了一个 PersistentVolume，申请已绑定（Bound）到它上面。",
      },
    });
    const pv = bound.split(" ")[1] ?? "";
    p.cleanup(
      `kubectl -n ${p.namespace} delete pod demo --ignore-not-found --wait=true && ` +
        `kubectl -n ${p.namespace} delete pvc data --ignore-not-found --wait=true && ` +
        `kubectl wait --for=delete pv/${pv} --timeout=120s`,
    );
    await p.step(
      `kubectl get pv ${pv} -o jsonpath='{.metadata.annotations.pv\\.kubernetes\\.io/provisioned-by} {.spec.storageClassName} {.spec.persistentVolumeReclaimPolicy} {.spec.claimRef.namespace}/{.spec.claimRef.name}'`,
      {
        expect: `rancher.io/local-path standard Delete ${p.namespace}/data`,
        note: {
          en: "The new PV: made by the class's provisioner, with the class's reclaim policy, and reserved for this claim (claimRef).",
          "zh-cn": "新的 PV：由该类的供应者创建，带有该类的回收策略，并且专属于这个申请（claimRef）。",
        },
      },
    );
    const { output: node } = await p.step("kubectl get pod demo -o jsonpath='{.spec.nodeName}'", { expect: /^\S+$/ });
    await p.step("kubectl get pvc data -o jsonpath='{.metadata.annotations.volume\\.kubernetes\\.io/selected-node}'", {
      expect: node,
      note: {
        en: "The scheduler recorded the Pod's node on the claim (annotation selected-node) for the provisioner to use.",
        "zh-cn": "调度器把 Pod 所在的节点记在申请上（注解 selected-node），供供应者使用。",
      },
    });
    await p.step(`kubectl get pv ${pv} -o jsonpath='{.spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values[0]}'`, {
      expect: node,
      note: {
        en: "The volume was created on that node: the PV's node affinity names it, so any Pod using this claim will be scheduled there.",
        "zh-cn": "卷就建在那个节点上：PV 的节点亲和性写的是它，所以之后任何使用这个申请的 Pod 都会被调度到那里。",
      },
    });
    await p.step("kubectl exec demo -- sh -c 'echo hello > /data/file && cat /data/file'", { expect: "hello" });
  },
});
