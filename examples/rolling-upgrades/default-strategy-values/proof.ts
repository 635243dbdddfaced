import { defineProof, tableRows as rows, that } from "#proof";

const replicaSets =
  "kubectl get rs -l app.kubernetes.io/name=app -o custom-columns='REVISION:.metadata.annotations.deployment\\.kubernetes\\.io/revision,IMAGE:.spec.template.spec.containers[0].image,DESIRED:.spec.replicas,READY:.status.readyReplicas'";
const broken = "docker.io/library/busybox:0.0.0-does-not-exist";
const stuckAt = that(
  {
    en: "two ReplicaSets: revision 1 (busybox:1.35.0) with 3 desired and 3 ready, revision 2 (busybox:0.0.0-does-not-exist) with 1 desired and none ready",
    "zh-cn": "两个 ReplicaSet：修订版本 1（busybox:1.35.0）期望 3 个、就绪 3 个；修订版本 2（busybox:0.0.0-does-not-exist）期望 1 个、没有就绪的",
  },
  (out) => {
    const r = rows(out).sort((a, b) => a[0].localeCompare(b[0]));
    return JSON.stringify(r) === JSON.stringify([["1", "docker.io/library/busybox:1.35.0", "3", "3"], ["2", broken, "1", "<none>"]]);
  },
);

export default defineProof({
  title: {
    en: "A Deployment without a strategy gets RollingUpdate with maxSurge 25% (rounded up) and maxUnavailable 25% (rounded down)",
    "zh-cn": "没有写 strategy 的 Deployment 得到 RollingUpdate，maxSurge 25%（向上取整），maxUnavailable 25%（向下取整）",
  },
  async run(p) {
    await p.step("kubectl apply -f deployment.yaml", { expect: "deployment.apps/app created" });
    await p.step(
      `kubectl get deployment app -o jsonpath='strategy: {.spec.strategy}{"\\n"}revisionHistoryLimit: {.spec.revisionHistoryLimit}{"\\n"}progressDeadlineSeconds: {.spec.progressDeadlineSeconds}{"\\n"}'`,
      {
        expect: 'strategy: {"rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"},"type":"RollingUpdate"}\nrevisionHistoryLimit: 10\nprogressDeadlineSeconds: 600',
        note: {
          en: "The manifest sets none of these; the API server filled in the defaults.",
          "zh-cn": "清单里一个都没写；这些是 API server 填上的默认值。",
        },
      },
    );
    await p.step("kubectl rollout status deployment/app --timeout=120s", { expect: /successfully rolled out/ });
    await p.step(`kubectl set image deployment/app app=${broken}`, {
      expect: "deployment.apps/app image updated",
      note: {
        en: "What do 25% of 3 replicas mean? Roll out an image that cannot start, so the rollout stops at its first step and stays there.",
        "zh-cn": "3 个副本的 25% 是多少？上线一个无法启动的镜像，让滚动更新停在第一步不动。",
      },
    });
    await p.step(replicaSets, {
      until: true,
      timeout: 60,
      expect: stuckAt,
      note: {
        en: "25% of 3 is 0.75. maxSurge rounds up to 1: one new Pod on top of the 3. maxUnavailable rounds down to 0: no old Pod may go before a new one is available.",
        "zh-cn": "3 的 25% 是 0.75。maxSurge 向上取整为 1：在 3 个之外多建一个新 Pod。maxUnavailable 向下取整为 0：新 Pod 可用之前，一个旧 Pod 也不能去掉。",
      },
    });
    await p.step("kubectl rollout status deployment/app --timeout=10s", {
      exitCode: "nonzero",
      expect: /1 out of 3 new replicas have been updated\.\.\.\nerror: timed out waiting for the condition$/,
    });
    await p.step(replicaSets, {
      expect: stuckAt,
      note: { en: "Ten seconds later, still 3 old and 1 new.", "zh-cn": "十秒之后，仍然是 3 个旧的、1 个新的。" },
    });
  },
});
