import { defineProof, that } from "#proof";

export default defineProof({
  title: {
    en: "A Pod with a gitRepo volume is accepted with a warning, and never starts",
    "zh-cn": "带 gitRepo 卷的 Pod 会被接受（附带警告），但永远起不来",
  },
  async run(p) {
    await p.step("kubectl apply -f pod.yaml", {
      expect: that(
        {
          en: 'the Pod is created ("pod/demo created"), with the warning "spec.volumes[0].gitRepo: deprecated in v1.11, and disabled by default in v1.33+"',
          "zh-cn": 'Pod 被创建（"pod/demo created"），同时有警告 "spec.volumes[0].gitRepo: deprecated in v1.11, and disabled by default in v1.33+"',
        },
        (out) =>
          out.split("\n").includes("Warning: spec.volumes[0].gitRepo: deprecated in v1.11, and disabled by default in v1.33+") &&
          out.split("\n").includes("pod/demo created"),
      ),
      note: {
        en: "The API server still accepts the volume type; it only warns that it is deprecated and disabled.",
        "zh-cn": "API server 仍然接受这种卷类型，只是警告它已弃用并被禁用。",
      },
    });
    await p.step(
      "kubectl get events --field-selector involvedObject.name=demo,reason=FailedMount -o jsonpath='{.items[0].message}'",
      {
        until: true,
        timeout: 120,
        expect: /^MountVolume\.SetUp failed for volume "source" : git-repo volume plugin has been disabled/,
        note: {
          en: "The kubelet refuses to set the volume up: its git-repo plugin is disabled. Nothing is cloned.",
          "zh-cn": "kubelet 拒绝准备这个卷：它的 git-repo 插件被禁用了。什么也没有克隆。",
        },
      },
    );
    await p.step(
      "kubectl get events --field-selector involvedObject.name=demo,reason=FailedMount -o jsonpath='{.items[0].count}'",
      {
        until: true,
        timeout: 60,
        expect: that({ en: "the event's count is at least 3", "zh-cn": "这个事件的计数至少为 3" }, (out) => /^\d+$/.test(out) && Number(out) >= 3),
        note: {
          en: "The kubelet keeps retrying, and the same event is counted up each time.",
          "zh-cn": "kubelet 不断重试，每次都给同一个事件的计数加一。",
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
