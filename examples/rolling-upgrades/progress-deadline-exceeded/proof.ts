import { defineProof, tableRows as rows, that } from "#proof";

const broken = "docker.io/library/busybox:0.0.0-does-not-exist";
const replicaSets =
  "kubectl get rs -l app.kubernetes.io/name=app -o custom-columns='REVISION:.metadata.annotations.deployment\\.kubernetes\\.io/revision,IMAGE:.spec.template.spec.containers[0].image,DESIRED:.spec.replicas,READY:.status.readyReplicas'";

export default defineProof({
  title: {
    en: "After progressDeadlineSeconds without progress a rollout is marked ProgressDeadlineExceeded, and nothing is rolled back",
    "zh-cn": "超过 progressDeadlineSeconds 仍无进展，上线被标记为 ProgressDeadlineExceeded，但不会自动回滚",
  },
  async run(p) {
    await p.step("kubectl apply -f deployment.yaml", { expect: "deployment.apps/app created" });
    await p.step("kubectl rollout status deployment/app --timeout=120s", { expect: /successfully rolled out/ });
    await p.step(`kubectl set image deployment/app app=${broken}`, { expect: "deployment.apps/app image updated" });
    await p.step("kubectl rollout status deployment/app --timeout=120s", {
      exitCode: "nonzero",
      // The deadline counts from the Progressing condition's last update, made as the new ReplicaSet was scaled up
      // just before this step and stored to the second: the wait can be a little under 30 s, and 25 leaves a margin.
      expect: that(
        {
          en: 'the last line reads error: deployment "app" exceeded its progress deadline, and the step took at least 25 s',
          "zh-cn": '最后一行是 error: deployment "app" exceeded its progress deadline，且这一步至少用了 25 秒',
        },
        (out, { seconds }) => /\nerror: deployment "app" exceeded its progress deadline$/.test(out) && seconds >= 25,
      ),
      note: {
        en: "rollout status waits — and gives up with an error once the Deployment reports that its 30-second progress deadline has passed.",
        "zh-cn": "rollout status 一直等待——直到 Deployment 报告 30 秒的进度期限已过，它就报错退出。",
      },
    });
    await p.step(`kubectl get deployment app -o jsonpath='{range .status.conditions[*]}{.type} {.status} {.reason}: {.message}{"\\n"}{end}'`, {
      expect: that(
        {
          en: 'Progressing is False, reason ProgressDeadlineExceeded, message ReplicaSet "app-…" has timed out progressing. Available is True, reason MinimumReplicasAvailable',
          "zh-cn": 'Progressing 为 False，原因 ProgressDeadlineExceeded，消息 ReplicaSet "app-…" has timed out progressing.；Available 为 True，原因 MinimumReplicasAvailable',
        },
        (out) =>
          /^Progressing False ProgressDeadlineExceeded: ReplicaSet "app-[a-z0-9]+" has timed out progressing\.$/m.test(out) &&
          /^Available True MinimumReplicasAvailable: /m.test(out),
      ),
      note: {
        en: "The Deployment's conditions: Progressing is False with reason ProgressDeadlineExceeded; it is still Available, thanks to the old Pods.",
        "zh-cn": "Deployment 的状况：Progressing 为 False，原因 ProgressDeadlineExceeded；由于旧 Pod 还在，它仍然是 Available。",
      },
    });
    await p.step("kubectl get deployment app -o jsonpath='{.spec.template.spec.containers[0].image}'", {
      expect: broken,
      note: {
        en: "The template still asks for the broken image: Kubernetes does not roll back on its own. That is your call (kubectl rollout undo).",
        "zh-cn": "模板里仍然是那个坏镜像：Kubernetes 不会自己回滚。要不要回滚由你决定（kubectl rollout undo）。",
      },
    });
    await p.step(replicaSets, {
      expect: that(
        {
          en: "two ReplicaSets: revision 1 (busybox:1.35.0) with 2 desired and 2 ready, revision 2 (busybox:0.0.0-does-not-exist) with 1 desired and none ready",
          "zh-cn": "两个 ReplicaSet：修订版本 1（busybox:1.35.0）期望 2 个、就绪 2 个；修订版本 2（busybox:0.0.0-does-not-exist）期望 1 个、没有就绪的",
        },
        (out) =>
          JSON.stringify(rows(out).sort((a, b) => a[0].localeCompare(b[0]))) ===
          JSON.stringify([["1", "docker.io/library/busybox:1.35.0", "2", "2"], ["2", broken, "1", "<none>"]]),
      ),
      note: {
        en: "Both ReplicaSets are left where the rollout stopped: the 2 old Pods still Ready, next to the 1 new Pod that cannot start.",
        "zh-cn": "两个 ReplicaSet 都停在上线停下的地方：2 个旧 Pod 仍然就绪，旁边是那个启动不了的新 Pod。",
      },
    });
  },
});
