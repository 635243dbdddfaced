import { defineProof, tableRows as rows, that, type Text } from "#proof";

const pods =
  "kubectl get pods -l app.kubernetes.io/name=web -o custom-columns=NAME:.metadata.name,VERSION:.spec.containers[0].env[0].value,PHASE:.status.phase,READY:.status.containerStatuses[0].ready,DELETING:.metadata.deletionTimestamp";
const replicaSets =
  "kubectl get rs -l app.kubernetes.io/name=web -o custom-columns='REVISION:.metadata.annotations.deployment\\.kubernetes\\.io/revision,VERSION:.spec.template.spec.containers[0].env[0].value,DESIRED:.spec.replicas,READY:.status.readyReplicas'";
const endpoints = `kubectl get endpointslice -l kubernetes.io/service-name=web -o jsonpath='{range .items[*].endpoints[*]}{.targetRef.name} {.conditions.ready}{"\\n"}{end}'`;
// 10 s a request: looking the name up can take 5 s by itself when a DNS datagram is lost (the resolver's retry).
const requests = `kubectl exec client -- sh -c 'for i in $(seq 40); do timeout 10 wget -qO- http://web; done | sort | uniq -c'`;
const lines = (output: string) => output.split("\n").filter(Boolean).map((line) => line.trim().split(/\s+/));
const byRevision = (out: string) => rows(out).sort((a, b) => a[0].localeCompare(b[0]));
/** Pods not being deleted, as [name, version, phase, ready]. */
const live = (out: string) => rows(out).filter((r) => r[4] === "<none>");
const stalled = that(
  {
    en: "of the Pods not being deleted, 3 are VERSION v1, Running and Ready, and 2 are VERSION v2, Running but not Ready; there are no others",
    "zh-cn": "未在删除中的 Pod 里，3 个 VERSION 为 v1，Running 且 Ready；2 个 VERSION 为 v2，Running 但未 Ready；没有别的 Pod",
  },
  (out) => {
    const r = live(out);
    const v1 = r.filter((x) => x[1] === "v1");
    const v2 = r.filter((x) => x[1] === "v2");
    return (
      r.length === 5 &&
      v1.length === 3 &&
      v1.every((x) => x[2] === "Running" && x[3] === "true") &&
      v2.length === 2 &&
      v2.every((x) => x[2] === "Running" && x[3] === "false")
    );
  },
);
const answeredOnlyBy = (version: string) =>
  that(
    { en: `all 40 requests were answered by ${version}`, "zh-cn": `40 个请求全部由 ${version} 应答` },
    (out) => /^\s*40 v\d$/.test(out.trim()) && out.trim().endsWith(version),
  );
/** The ReplicaSet table is exactly these rows, [revision, version, desired, ready], in any order. */
const replicaSetsAre = (expected: string[][], says: Text) =>
  that(says, (out) => JSON.stringify(byRevision(out)) === JSON.stringify(expected));
const stuck = replicaSetsAre([["1", "v1", "3", "3"], ["2", "v2", "2", "<none>"]], {
  en: "two ReplicaSets: revision 1 (v1) with 3 desired and 3 ready, revision 2 (v2) with 2 desired and none ready",
  "zh-cn": "两个 ReplicaSet：修订版本 1（v1）期望 3 个、就绪 3 个；修订版本 2（v2）期望 2 个、没有就绪的",
});

export default defineProof({
  title: {
    en: "New Pods that never become Ready stop a rolling update: the old ReplicaSet keeps 3 of 4 Pods serving, and undo rolls back mid-update",
    "zh-cn": "新 Pod 始终不 Ready，滚动更新就停下：旧 ReplicaSet 保留 4 个中的 3 个继续服务，undo 可以在更新中途回滚",
  },
  async run(p) {
    await p.step("kubectl apply -f client.yaml -f deployment.yaml -f service.yaml", {
      expect: "pod/client created\ndeployment.apps/web created\nservice/web created",
    });
    await p.step("kubectl rollout status deployment/web --timeout=120s", { expect: /successfully rolled out/ });
    await p.step("kubectl wait --for=condition=Ready pod/client --timeout=120s", { expect: "pod/client condition met" });
    await p.step(requests, { expect: answeredOnlyBy("v1") });
    await p.step(
      `kubectl patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"web","env":[{"name":"VERSION","value":"v2"}],"readinessProbe":{"httpGet":{"path":"/healthz"}}}]}}}}'`,
      {
        expect: "deployment.apps/web patched",
        note: {
          en: "Version v2 with a readiness probe that cannot succeed: there is no /healthz, so the probe gets 404.",
          "zh-cn": "v2 版本带着一个不可能成功的就绪探针：并没有 /healthz，探针只会得到 404。",
        },
      },
    );
    const r = await p.step(pods, {
      until: true,
      timeout: 60,
      expect: stalled,
      note: {
        en: "Two v2 Pods run but are not Ready; three v1 Pods are still Ready.",
        "zh-cn": "两个 v2 Pod 在运行但没有 Ready；三个 v1 Pod 仍然 Ready。",
      },
    });
    const podsOf = (version: string) => live(r.output).filter((x) => x[1] === version).map((x) => x[0]).sort();
    const [v1Pods, v2Pods] = [podsOf("v1"), podsOf("v2")];
    const newPod = v2Pods[0];
    await p.step(`kubectl events --for pod/${newPod}`, {
      until: true,
      timeout: 30,
      expect: /Readiness probe failed: HTTP probe failed with statuscode: 404/,
      note: { en: "Why: the probe gets 404.", "zh-cn": "原因：探针得到的是 404。" },
    });
    await p.step(replicaSets, {
      expect: stuck,
      note: {
        en: "The old ReplicaSet stays at 3: it may only shrink further when new Pods become available.",
        "zh-cn": "旧 ReplicaSet 停在 3：只有新 Pod 变为可用，它才能继续缩容。",
      },
    });
    // A poll: a v1 Pod that is being deleted stays in the slice (ready false) until the controller drops it.
    await p.step(endpoints, {
      until: true,
      timeout: 60,
      expect: that(
        {
          en: `5 endpoints: the 3 v1 Pods ready (${v1Pods.join(", ")}), the 2 v2 Pods not ready (${v2Pods.join(", ")})`,
          "zh-cn": `5 个端点：3 个 v1 Pod 就绪（${v1Pods.join("、")}），2 个 v2 Pod 未就绪（${v2Pods.join("、")}）`,
        },
        (out) => {
          const l = lines(out);
          const names = (ready: string) => l.filter((x) => x[1] === ready).map((x) => x[0]).sort().join();
          return l.length === 5 && names("true") === v1Pods.join() && names("false") === v2Pods.join();
        },
      ),
      note: {
        en: "The Service's EndpointSlice lists all five Pods, but only the three v1 Pods as ready; the v2 Pods are listed with ready false and get no traffic.",
        "zh-cn": "Service 的 EndpointSlice 列出了全部五个 Pod，但只有三个 v1 Pod 标为 ready；v2 Pod 被标为 ready false，不会收到流量。",
      },
    });
    await p.step(requests, {
      expect: answeredOnlyBy("v1"),
      note: { en: "Every request is answered by v1.", "zh-cn": "每个请求都由 v1 应答。" },
    });
    await p.step("kubectl rollout status deployment/web --timeout=10s", {
      exitCode: "nonzero",
      expect: /2 out of 4 new replicas have been updated\.\.\.\nerror: timed out waiting for the condition$/,
    });
    await p.step(replicaSets, {
      expect: stuck,
      note: { en: "Ten seconds later nothing has moved.", "zh-cn": "十秒之后，什么都没有变化。" },
    });
    await p.step("kubectl rollout undo deployment/web", {
      expect: /^Warning: resource deployments\/web was previously managed with 'kubectl apply'\. .*\ndeployment\.apps\/web rolled back$/,
      note: {
        en: "Roll back in the middle of the update. kubectl warns: the Deployment was created with kubectl apply, and a rollback does not update the last-applied-configuration annotation that the next kubectl apply compares against. Keep your manifests in step with what you rolled back to.",
        "zh-cn": "在更新进行到一半时回滚。kubectl 发出警告：这个 Deployment 是用 kubectl apply 创建的，而回滚不会更新下一次 kubectl apply 用来比较的 last-applied-configuration 注解。要让手里的清单和回滚后的状态保持一致。",
      },
    });
    await p.step("kubectl rollout status deployment/web --timeout=120s", { expect: /successfully rolled out/ });
    await p.step(replicaSets, {
      until: true,
      timeout: 30,
      expect: replicaSetsAre([["2", "v2", "0", "<none>"], ["3", "v1", "4", "4"]], {
        en: "two ReplicaSets: revision 2 (v2) with 0 desired, revision 3 (v1) with 4 desired and 4 ready",
        "zh-cn": "两个 ReplicaSet：修订版本 2（v2）期望 0 个；修订版本 3（v1）期望 4 个、就绪 4 个",
      }),
      note: {
        en: "The v1 ReplicaSet is back at 4, all ready (now as revision 3), and the v2 ReplicaSet is scaled to 0.",
        "zh-cn": "v1 的 ReplicaSet 回到 4 个，全部就绪（现在是修订版本 3），v2 的 ReplicaSet 缩到了 0。",
      },
    });
  },
});
