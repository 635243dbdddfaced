import { defineProof, tableRows as rows, that, type Text } from "#proof";

/** A custom-columns table; its rows are [name, ready, deletionTimestamp]. */
const pods =
  "kubectl get pods -l app.kubernetes.io/name=app -o custom-columns=NAME:.metadata.name,READY:.status.containerStatuses[0].ready,DELETING:.metadata.deletionTimestamp";
/** Exactly two Pods, both ready and neither being deleted, of which `has` are present and `lacks` are not. */
const twoPods = (says: Text, has: string[], lacks: string[] = []) =>
  that(says, (out) => {
    const r = rows(out);
    return (
      r.length === 2 &&
      has.every((name) => r.some((x) => x[0] === name)) &&
      !r.some((x) => lacks.includes(x[0])) &&
      r.every((x) => x[1] === "true" && x[2] === "<none>")
    );
  });
const budget = "kubectl get pdb app -o custom-columns=MIN-AVAILABLE:.spec.minAvailable,HEALTHY:.status.currentHealthy,ALLOWED-DISRUPTIONS:.status.disruptionsAllowed";
/** The budget's one row reads these three numbers. */
const budgetIs = (minAvailable: number, healthy: number, allowed: number) =>
  that(
    {
      en: `minAvailable ${minAvailable}, ${healthy} healthy Pods, ${allowed} disruption${allowed === 1 ? "" : "s"} allowed`,
      "zh-cn": `minAvailable 为 ${minAvailable}，健康 Pod ${healthy} 个，允许的中断 ${allowed} 个`,
    },
    (out) => JSON.stringify(rows(out)) === JSON.stringify([[String(minAvailable), String(healthy), String(allowed)]]),
  );
/** An eviction request for one Pod: a POST of an Eviction object to the Pod's eviction subresource. */
const evict = (ns: string, pod: string) =>
  `echo '{"apiVersion":"policy/v1","kind":"Eviction","metadata":{"name":"${pod}"}}' | kubectl create --raw /api/v1/namespaces/${ns}/pods/${pod}/eviction -f -`;

export default defineProof({
  title: {
    en: "A PodDisruptionBudget makes the Eviction API refuse an eviction with 429, and the Pod keeps running",
    "zh-cn": "PodDisruptionBudget 让 Eviction API 以 429 拒绝驱逐，Pod 继续运行",
  },
  async run(p) {
    await p.step("kubectl apply -f deployment.yaml -f pdb.yaml", {
      expect: "deployment.apps/app created\npoddisruptionbudget.policy/app created",
    });
    await p.step("kubectl rollout status deployment/app --timeout=120s", { expect: /successfully rolled out/ });
    await p.step(budget, {
      until: true,
      timeout: 60,
      expect: budgetIs(2, 2, 0),
      note: {
        en: "The disruption controller has counted 2 healthy Pods against minAvailable 2: no disruption is allowed.",
        "zh-cn": "中断控制器数出 2 个健康的 Pod，而 minAvailable 是 2：不允许任何中断。",
      },
    });
    const before = await p.step(pods, {
      expect: twoPods({ en: "two Pods, both ready, neither being deleted", "zh-cn": "两个 Pod，都已就绪，都没有在删除中" }, []),
    });
    const [pod, other] = rows(before.output).map((r) => r[0]);
    await p.step(evict(p.namespace, pod), {
      exitCode: "nonzero",
      expect: /^Error from server \(TooManyRequests\): Cannot evict pod as it would violate the pod's disruption budget\.$/,
      note: {
        en: "Ask the API server to evict one Pod, as kubectl drain does. Refused: TooManyRequests is HTTP 429, the answer that tells the caller to retry later.",
        "zh-cn": "请求 API server 驱逐一个 Pod，和 kubectl drain 的做法一样。被拒绝：TooManyRequests 就是 HTTP 429，意思是让调用方稍后重试。",
      },
    });
    await p.step(pods, {
      expect: twoPods(
        {
          en: `the same two Pods, ${pod} and ${other}, both ready, neither being deleted`,
          "zh-cn": `还是那两个 Pod：${pod} 和 ${other}，都已就绪，都没有在删除中`,
        },
        [pod, other],
      ),
      note: {
        en: "Both Pods still run, and neither is being deleted.",
        "zh-cn": "两个 Pod 都还在运行，也都没有进入删除流程。",
      },
    });
    await p.step(`kubectl delete pod ${other}`, {
      expect: new RegExp(`^pod "${other}" deleted`),
      note: {
        en: "A plain delete does not go through the Eviction API, so the budget does not stop it.",
        "zh-cn": "普通的 delete 不经过 Eviction API，所以预算拦不住它。",
      },
    });
    const replaced = await p.step(pods, {
      until: true,
      timeout: 90,
      expect: twoPods(
        {
          en: `two Pods, both ready, neither being deleted: ${pod} and a new one; ${other} is gone`,
          "zh-cn": `两个 Pod，都已就绪，都没有在删除中：${pod} 和一个新 Pod；${other} 已不在`,
        },
        [pod],
        [other],
      ),
      note: { en: "The Deployment replaced it.", "zh-cn": "Deployment 补上了它。" },
    });
    const third = rows(replaced.output).find((x) => x[0] !== pod)![0];
    await p.step(budget, { until: true, timeout: 60, expect: budgetIs(2, 2, 0) });
    await p.step(`kubectl patch pdb app --type=merge -p '{"spec":{"minAvailable":1}}'`, {
      expect: "poddisruptionbudget.policy/app patched",
      note: { en: "For contrast, lower the budget to 1.", "zh-cn": "作为对照，把预算降到 1。" },
    });
    await p.step(budget, {
      until: true,
      timeout: 60,
      expect: budgetIs(1, 2, 1),
    });
    await p.step(evict(p.namespace, pod), {
      expect: /"status":"Success","code":201/,
      note: { en: "The same request is now accepted.", "zh-cn": "同样的请求这次被接受了。" },
    });
    await p.step(pods, {
      until: true,
      timeout: 90,
      expect: twoPods(
        {
          en: `two Pods, both ready, neither being deleted: ${third} and a new one; ${pod} is gone`,
          "zh-cn": `两个 Pod，都已就绪，都没有在删除中：${third} 和一个新 Pod；${pod} 已不在`,
        },
        [third],
        [pod, other],
      ),
      note: {
        en: "The evicted Pod is gone and the Deployment has replaced it.",
        "zh-cn": "被驱逐的 Pod 已经消失，Deployment 补上了一个新的。",
      },
    });
  },
});
