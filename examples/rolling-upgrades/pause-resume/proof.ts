import { defineProof, tableRows as rows } from "#proof";

const replicaSets =
  "kubectl get rs -l app.kubernetes.io/name=app -o custom-columns='NAME:.metadata.name,REVISION:.metadata.annotations.deployment\\.kubernetes\\.io/revision,VERSION:.spec.template.spec.containers[0].env[0].value,CPU-REQUEST:.spec.template.spec.containers[0].resources.requests.cpu,DESIRED:.spec.replicas'";
const pods =
  "kubectl get pods -l app.kubernetes.io/name=app -o custom-columns=NAME:.metadata.name,VERSION:.spec.containers[0].env[0].value,CPU-REQUEST:.spec.containers[0].resources.requests.cpu";
/** The rows of a table, without its header. */
const revisions = (output: string) =>
  output
    .split("\n")
    .map((l) => l.trim().split(/\s+/))
    .filter((c) => /^\d+$/.test(c[0]))
    .map((c) => c[0]);

export default defineProof({
  title: {
    en: "While a Deployment is paused, template edits roll out nothing; resume rolls them all out as one new revision",
    "zh-cn": "Deployment 暂停期间，修改模板不会触发发布；恢复后，所有修改作为一个新修订版本一次发布",
  },
  async run(p) {
    await p.step("kubectl apply -f deployment.yaml", { expect: "deployment.apps/app created" });
    await p.step("kubectl rollout status deployment/app --timeout=120s", { expect: /successfully rolled out/ });
    const before = await p.step(pods, { expect: (out) => rows(out).length === 2 && rows(out).every((x) => x[1] === "v1" && x[2] === "<none>") });
    const oldPods = rows(before.output).map((x) => x[0]).sort().join();
    await p.step("kubectl rollout pause deployment/app", { expect: "deployment.apps/app paused" });
    await p.step("kubectl set env deployment/app VERSION=v2", {
      expect: "deployment.apps/app env updated",
      note: { en: "First edit: an environment variable.", "zh-cn": "第一处修改：一个环境变量。" },
    });
    await p.step("kubectl set resources deployment/app --requests=cpu=10m", {
      expect: "deployment.apps/app resource requirements updated",
      note: { en: "Second edit: a CPU request.", "zh-cn": "第二处修改：CPU 请求。" },
    });
    await p.step(
      `kubectl get deployment app -o jsonpath='generation {.metadata.generation}, observed {.status.observedGeneration}: {.status.conditions[?(@.type=="Progressing")].reason}'`,
      {
        until: true,
        timeout: 30,
        expect: /^generation (\d+), observed \1: DeploymentPaused$/,
        note: {
          en: "The controller has seen the latest edit (observedGeneration equals generation) and reports the Deployment as paused.",
          "zh-cn": "控制器已经看到了最新的修改（observedGeneration 等于 generation），并报告 Deployment 处于暂停状态。",
        },
      },
    );
    await p.step(replicaSets, {
      expect: (out) => rows(out).length === 1 && rows(out)[0][1] === "1" && rows(out)[0][2] === "v1" && rows(out)[0][4] === "2",
      note: {
        en: "Both edits are in the Deployment, yet there is still only the ReplicaSet of revision 1.",
        "zh-cn": "两处修改都已写进 Deployment，但仍然只有修订版本 1 的 ReplicaSet。",
      },
    });
    await p.step(pods, {
      expect: (out) => rows(out).map((x) => x[0]).sort().join() === oldPods && rows(out).every((x) => x[1] === "v1"),
      note: { en: "The same two Pods, untouched.", "zh-cn": "还是那两个 Pod，原封未动。" },
    });
    await p.step("kubectl rollout resume deployment/app", { expect: "deployment.apps/app resumed" });
    await p.step("kubectl rollout status deployment/app --timeout=120s", { expect: /successfully rolled out/ });
    await p.step(replicaSets, {
      expect: (out) => {
        const r = rows(out);
        return r.length === 2 && r.some((x) => x[1] === "1" && x[4] === "0") && r.some((x) => x[1] === "2" && x[2] === "v2" && x[3] === "10m" && x[4] === "2");
      },
      note: {
        en: "Exactly one new ReplicaSet, revision 2, carrying both edits.",
        "zh-cn": "只多了一个 ReplicaSet，修订版本 2，两处修改都在里面。",
      },
    });
    await p.step("kubectl rollout history deployment/app", { expect: (out) => revisions(out).join() === "1,2" });
    await p.step(pods, {
      until: true,
      timeout: 60,
      expect: (out) => rows(out).length === 2 && rows(out).every((x) => x[1] === "v2" && x[2] === "10m"),
    });
  },
});
