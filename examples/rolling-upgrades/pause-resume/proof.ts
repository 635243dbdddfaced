import { defineProof, tableRows as rows, that } from "#proof";

const replicaSets =
  "kubectl get rs -l app.kubernetes.io/name=app -o custom-columns='NAME:.metadata.name,REVISION:.metadata.annotations.deployment\\.kubernetes\\.io/revision,VERSION:.spec.template.spec.containers[0].env[0].value,CPU-REQUEST:.spec.template.spec.containers[0].resources.requests.cpu,DESIRED:.spec.replicas'";
const pods =
  "kubectl get pods -l app.kubernetes.io/name=app -o custom-columns=NAME:.metadata.name,VERSION:.spec.containers[0].env[0].value,CPU-REQUEST:.spec.containers[0].resources.requests.cpu";
/** The REVISION column of `kubectl rollout history`. */
const revisions = (output: string) =>
  output
    .split("\n")
    .map((l) => l.trim().split(/\s+/))
    .filter((c) => /^\d+$/.test(c[0]))
    .map((c) => c[0]);

export default defineProof({
  title: {
    en: "While a Deployment is paused, template edits roll out nothing; resume rolls them all out as one new revision",
    "zh-cn": "Deployment 暂停期间，修改模板不会触发上线；恢复后，所有修改作为一个新修订版本一次上线",
  },
  async run(p) {
    await p.step("kubectl apply -f deployment.yaml", { expect: "deployment.apps/app created" });
    await p.step("kubectl rollout status deployment/app --timeout=120s", { expect: /successfully rolled out/ });
    const before = await p.step(pods, {
      expect: that(
        { en: "2 Pods, both VERSION v1 with no CPU request", "zh-cn": "2 个 Pod，VERSION 都是 v1，都没有 CPU request" },
        (out) => rows(out).length === 2 && rows(out).every((x) => x[1] === "v1" && x[2] === "<none>"),
      ),
    });
    const oldPods = rows(before.output).map((x) => x[0]).sort();
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
      expect: that(
        {
          en: "one ReplicaSet: revision 1, VERSION v1, no CPU request, 2 desired",
          "zh-cn": "一个 ReplicaSet：修订版本 1，VERSION 为 v1，没有 CPU request，期望 2 个",
        },
        (out) => JSON.stringify(rows(out).map((x) => x.slice(1))) === JSON.stringify([["1", "v1", "<none>", "2"]]),
      ),
      note: {
        en: "Both edits are in the Deployment, yet there is still only the ReplicaSet of revision 1.",
        "zh-cn": "两处修改都已写进 Deployment，但仍然只有修订版本 1 的 ReplicaSet。",
      },
    });
    await p.step(pods, {
      expect: that(
        {
          en: `the same 2 Pods as before (${oldPods.join(", ")}), both still VERSION v1 with no CPU request`,
          "zh-cn": `还是之前那 2 个 Pod（${oldPods.join("、")}），VERSION 仍是 v1，仍没有 CPU request`,
        },
        (out) => rows(out).map((x) => x[0]).sort().join() === oldPods.join() && rows(out).every((x) => x[1] === "v1" && x[2] === "<none>"),
      ),
      note: { en: "The same two Pods, untouched.", "zh-cn": "还是那两个 Pod，原封未动。" },
    });
    await p.step("kubectl rollout resume deployment/app", { expect: "deployment.apps/app resumed" });
    await p.step("kubectl rollout status deployment/app --timeout=120s", { expect: /successfully rolled out/ });
    await p.step(replicaSets, {
      expect: that(
        {
          en: "two ReplicaSets: revision 1 with 0 desired, revision 2 with VERSION v2, CPU request 10m and 2 desired",
          "zh-cn": "两个 ReplicaSet：修订版本 1 期望 0 个；修订版本 2 的 VERSION 为 v2，CPU request 为 10m，期望 2 个",
        },
        (out) => {
          const r = rows(out);
          return r.length === 2 && r.some((x) => x[1] === "1" && x[4] === "0") && r.some((x) => x[1] === "2" && x[2] === "v2" && x[3] === "10m" && x[4] === "2");
        },
      ),
      note: {
        en: "Exactly one new ReplicaSet, revision 2, carrying both edits.",
        "zh-cn": "只多了一个 ReplicaSet，修订版本 2，两处修改都在里面。",
      },
    });
    await p.step("kubectl rollout history deployment/app", {
      expect: that({ en: "revisions 1 and 2, no others", "zh-cn": "修订版本 1 和 2，没有别的" }, (out) => revisions(out).join() === "1,2"),
    });
    await p.step(pods, {
      until: true,
      timeout: 60,
      expect: that(
        { en: "2 Pods, both VERSION v2 with CPU request 10m", "zh-cn": "2 个 Pod，VERSION 都是 v2，CPU request 都是 10m" },
        (out) => rows(out).length === 2 && rows(out).every((x) => x[1] === "v2" && x[2] === "10m"),
      ),
    });
  },
});
