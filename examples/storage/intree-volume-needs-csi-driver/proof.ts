import { defineProof, that } from "#proof";

const volumeID = "vol-0123456789abcdef0"; // as in pod.yaml

export default defineProof({
  title: {
    en: "An in-tree awsElasticBlockStore volume is handed to the EBS CSI driver, and without it the Pod never starts",
    "zh-cn": "树内的 awsElasticBlockStore 卷被转交给 EBS CSI 驱动，没有这个驱动 Pod 就起不来",
  },
  async run(p) {
    // The attach-detach controller creates a cluster-scoped VolumeAttachment for the Pod. Once the Pod is gone,
    // delete it rather than wait up to 2 minutes for the controller's pending attach to time out; that attach
    // then ends without re-creating it. A run started before it ends gets its VolumeAttachment late (so the
    // generous timeout below).
    p.cleanup(
      `kubectl -n ${p.namespace} delete pod demo --ignore-not-found --wait=true && ` +
        `kubectl get volumeattachments -o jsonpath='{range .items[?(@.spec.source.inlineVolumeSpec.csi.volumeHandle=="${volumeID}")]}{.metadata.name}{"\\n"}{end}' | ` +
        `xargs -r kubectl delete volumeattachment --ignore-not-found --wait=true`,
    );
    await p.step("kubectl apply -f pod.yaml", {
      expect: "pod/demo created",
      note: {
        en: "The API server still accepts the field, without even a warning.",
        "zh-cn": "API server 仍然接受这个字段，连警告都没有。",
      },
    });
    const { output: node } = await p.step("kubectl get pod demo -o jsonpath='{.spec.nodeName}'", {
      until: true,
      timeout: 60,
      expect: /^\S+$/,
      note: { en: "The node the Pod was scheduled to.", "zh-cn": "Pod 被调度到的节点。" },
    });
    await p.step(`kubectl get csinode ${node} -o jsonpath='{.metadata.annotations.storage\\.alpha\\.kubernetes\\.io/migrated-plugins}'`, {
      expect: that(
        { en: "the comma-separated list includes kubernetes.io/aws-ebs", "zh-cn": "这个逗号分隔的列表里有 kubernetes.io/aws-ebs" },
        (out) => out.split(",").includes("kubernetes.io/aws-ebs"),
      ),
      note: {
        en: "The node's kubelet announces the in-tree plugins it has migrated to CSI: kubernetes.io/aws-ebs is among them, so the volume is handled by the CSI driver ebs.csi.aws.com.",
        "zh-cn": "节点上的 kubelet 公布了它已迁移到 CSI 的树内插件：kubernetes.io/aws-ebs 就在其中，所以这个卷交由 CSI 驱动 ebs.csi.aws.com 处理。",
      },
    });
    await p.step(`kubectl get csinode ${node} -o jsonpath='drivers: [{.spec.drivers[*].name}]'`, {
      expect: that(
        { en: "the node's list of CSI drivers does not include ebs.csi.aws.com", "zh-cn": "节点的 CSI 驱动列表里没有 ebs.csi.aws.com" },
        (out) => /^drivers: \[[^\]]*\]$/.test(out) && !out.slice(10, -1).split(" ").includes("ebs.csi.aws.com"),
      ),
      note: {
        en: "But no such CSI driver is installed on the node.",
        "zh-cn": "但节点上并没有安装这个 CSI 驱动。",
      },
    });
    await p.step(
      "kubectl get volumeattachments -o custom-columns=ATTACHER:.spec.attacher,VOLUME:.spec.source.inlineVolumeSpec.csi.volumeHandle,NODE:.spec.nodeName,ATTACHED:.status.attached",
      {
        until: true,
        timeout: 180,
        expect: new RegExp(`^ebs\\.csi\\.aws\\.com +${volumeID} +${node.replace(/\./g, "\\.")} +false$`, "m"),
        note: {
          en: "The attach-detach controller translated the inline volume to a CSI volume and asked for it to be attached, as a VolumeAttachment for ebs.csi.aws.com. Only that driver's attacher would act on it; it stays unattached.",
          "zh-cn": "attach-detach 控制器把这个内联卷翻译成 CSI 卷，并以一个 ebs.csi.aws.com 的 VolumeAttachment 请求挂接。只有该驱动的 attacher 会处理它；它一直处于未挂接状态。",
        },
      },
    );
    await p.step(
      "kubectl get events --field-selector involvedObject.name=demo,reason=FailedAttachVolume -o jsonpath='{.items[0].message}'",
      {
        until: true,
        timeout: 200,
        expect: new RegExp(
          `^AttachVolume\\.Attach failed for volume "ebs\\.csi\\.aws\\.com-${volumeID}" : timed out waiting for external-attacher of ebs\\.csi\\.aws\\.com CSI driver to attach volume ${volumeID}$`,
        ),
        note: {
          en: "After two minutes the controller's attach attempt times out: the event on the Pod names the missing piece, the external attacher of the ebs.csi.aws.com CSI driver.",
          "zh-cn": "两分钟后，控制器的这次挂接尝试超时：Pod 上的事件指明了缺的是什么——ebs.csi.aws.com CSI 驱动的 external-attacher。",
        },
      },
    );
    await p.step("kubectl get pod demo -o jsonpath='{.status.phase} {.status.containerStatuses[0].state.waiting.reason}'", {
      expect: "Pending ContainerCreating",
      note: {
        en: "Without its volume the container is not created: the Pod stays Pending in ContainerCreating.",
        "zh-cn": "没有卷，容器就不会被创建：Pod 停留在 Pending 状态，等待原因是 ContainerCreating。",
      },
    });
  },
});
