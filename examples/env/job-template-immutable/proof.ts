import { defineProof } from "#proof";

export default defineProof({
  title: {
    en: "A Job's Pod template cannot be changed: a new env value means a new Job",
    "zh-cn": "Job 的 Pod 模板不能修改：要换环境变量的值，只能新建一个 Job",
  },
  async run(p) {
    await p.step("kubectl apply -f job.yaml", { expect: "job.batch/once created" });
    await p.step("kubectl wait --for=condition=Complete job/once --timeout=120s", { expect: "job.batch/once condition met" });
    await p.step("kubectl logs job/once", { expect: "MODE=blue" });
    await p.step("kubectl set env job/once MODE=green", {
      exitCode: "nonzero",
      expect: /^error: failed to patch env update to pod template: Job\.batch "once" is invalid: spec\.template: Invalid value: .*: field is immutable$/s,
      note: {
        en: "Unlike a Deployment's, a Job's template is immutable once the Job exists (only some scheduling fields of a suspended Job that never started may change). There is no rollout for a Job.",
        "zh-cn": "与 Deployment 不同，Job 一旦创建，模板就不能再改（只有从未启动过的挂起 Job 的部分调度字段可以改）。Job 没有上线这回事。",
      },
    });
    await p.step("kubectl get job once -o jsonpath='{.spec.template.spec.containers[0].env}'", {
      expect: '[{"name":"MODE","value":"blue"}]',
      note: { en: "The stored template is unchanged.", "zh-cn": "存储下来的模板没有变。" },
    });
  },
});
