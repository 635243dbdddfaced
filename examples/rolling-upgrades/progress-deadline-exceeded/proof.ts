import { defineProof, tableRows as rows } from "#proof";

const broken = "docker.io/library/busybox:0.0.0-does-not-exist";
const replicaSets =
  "kubectl get rs -l app.kubernetes.io/name=app -o custom-columns='REVISION:.metadata.annotations.deployment\\.kubernetes\\.io/revision,IMAGE:.spec.template.spec.containers[0].image,DESIRED:.spec.replicas,READY:.status.readyReplicas'";
/** The rows of a table, without its header. */

export default defineProof({
  title: {
    en: "After progressDeadlineSeconds without progress a rollout is marked ProgressDeadlineExceeded, and nothing is rolled back",
    "zh-cn": "超过 progressDeadlineSeconds 仍无进展，发布被标记为 ProgressDeadlineExceeded，但不会自动回滚",
  },
  async run(p) {
    await p.step("kubectl apply -f deployment.yaml", { expect: "deployment.apps/app created" });
    await p.step("kubectl rollout status deployment/app --timeout=120s", { expect: /successfully rolled out/ });
    await p.step(`kubectl set image deployment/app app=${broken}`, { expect: "deployment.apps/app image updated" });
    const waited = Date.now();
    await p.step("kubectl rollout status deployment/app --timeout=120s", {
      exitCode: "nonzero",
      expect: (out) => /\nerror: deployment "app" exceeded its progress deadline$/.test(out) && Date.now() - waited >= 25_000,
      note: {
        en: "rollout status waits — and gives up with an error once the Deployment reports that its 30-second progress deadline has passed.",
        "zh-cn": "rollout status 一直等待——直到 Deployment 报告 30 秒的进度期限已过，它就报错退出。",
      },
    });
    await p.step(`kubectl get deployment app -o jsonpath='{range .status.conditions[*]}{.type} {.status} {.reason}: {.message}{"\\n"}{end}'`, {
      expect: (out) =>
        /^Progressing False ProgressDeadlineExceeded: ReplicaSet "app-[a-z0-9]+" has timed out progressing\.$/m.test(out) &&
        /^Available True MinimumReplicasAvailable: /m.test(out),
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
      expect: (out) =>
        JSON.stringify(rows(out).sort((a, b) => a[0].localeCompare(b[0]))) ===
        JSON.stringify([["1", "docker.io/library/busybox:1.35.0", "2", "2"], ["2", broken, "1", "<none>"]]),
      note: {
        en: "Both ReplicaSets stay as they were: the 2 old Pods keep running next to the 1 new Pod that cannot start.",
        "zh-cn": "两个 ReplicaSet 都保持原样：2 个旧 Pod 继续运行，旁边是那个启动不了的新 Pod。",
      },
    });
  },
});
