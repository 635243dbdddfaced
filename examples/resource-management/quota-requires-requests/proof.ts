import { defineProof } from "#proof";

const used = "kubectl get resourcequota compute -o jsonpath='{.status.used.requests\\.cpu} of {.status.hard.requests\\.cpu}'";
const noRequest = (name: string) => `kubectl run ${name} --image=docker.io/library/busybox:1.35.0 --restart=Never -- sleep 3600`;

export default defineProof({
  title: {
    en: "Under a requests.cpu quota, a Pod without a CPU request is rejected unless a LimitRange supplies one",
    "zh-cn": "有 requests.cpu 配额时，没有 CPU request 的 Pod 会被拒绝，除非 LimitRange 补上一个",
  },
  async run(p) {
    await p.step("kubectl apply -f quota.yaml", { expect: "resourcequota/compute created" });
    await p.step(used, {
      until: true,
      timeout: 60,
      expect: "0 of 1",
      note: {
        en: "The quota controller fills in status.hard and status.used; admission enforces the quota from then on.",
        "zh-cn": "配额控制器填好 status.hard 和 status.used 之后，准入检查才按这个配额执行。",
      },
    });
    await p.step(noRequest("no-request"), {
      exitCode: "nonzero",
      expect: /Error from server \(Forbidden\): pods "no-request" is forbidden: failed quota: compute: must specify requests\.cpu for: no-request$/,
      note: {
        en: "kubectl run sets no resources: the Pod is refused, naming the missing resource and the container.",
        "zh-cn": "kubectl run 不设置 resources：Pod 被拒绝，错误里点名缺少的资源和容器。",
      },
    });
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/with-request created" });
    await p.step(used, {
      until: true,
      timeout: 30,
      expect: "250m of 1",
      note: {
        en: "The accepted Pod's request is counted. Admission adds it to the quota's usage, and the quota controller also recomputes usage from its own, slightly later view of the Pods and may briefly write an older figure, so the proof reads it with a poll.",
        "zh-cn": "被接受的 Pod 的 request 计入了用量。准入时就会把它加进配额用量；配额控制器也会按自己稍晚一步的 Pod 视图重新计算，可能短暂写回一个旧数字，所以验证用轮询来读。",
      },
    });
    await p.step("kubectl apply -f limitrange.yaml", { expect: "limitrange/default-request created" });
    await p.step(noRequest("defaulted"), {
      expect: "pod/defaulted created",
      note: {
        en: "The same command now succeeds: the LimitRange's defaultRequest is applied before the quota is checked.",
        "zh-cn": "同样的命令现在成功了：LimitRange 的 defaultRequest 在检查配额之前就已填入。",
      },
    });
    await p.step("kubectl get pod defaulted -o jsonpath='{.spec.containers[0].resources}'", { expect: '{"requests":{"cpu":"100m"}}' });
    await p.step(used, { until: true, timeout: 30, expect: "350m of 1" });
  },
});
