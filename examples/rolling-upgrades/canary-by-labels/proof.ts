import { defineProof, that } from "#proof";

const endpoints = `kubectl get endpointslice -l kubernetes.io/service-name=web -o jsonpath='{range .items[*].endpoints[*]}{.targetRef.name} {.conditions.ready}{"\\n"}{end}'`;
// 10 s a request: looking the name up can take 5 s by itself when a DNS datagram is lost (the resolver's retry).
const requests = `kubectl exec client -- sh -c 'for i in $(seq 100); do timeout 10 wget -qO- http://web; done | sort | uniq -c'`;
const lines = (output: string) => output.split("\n").filter(Boolean).map((line) => line.trim().split(/\s+/));
/** `uniq -c` output as { answer: count }. */
const counts = (output: string) => Object.fromEntries(lines(output).map(([n, answer]) => [answer, Number(n)]));

export default defineProof({
  title: {
    en: "Two Deployments behind one Service by a shared label: stable and canary both answer, and scaling the canary to 0 takes it out",
    "zh-cn": "两个 Deployment 通过共同标签放在一个 Service 后面：stable 和 canary 都会应答，把 canary 缩到 0 就把它撤下",
  },
  async run(p) {
    await p.step("kubectl apply -f client.yaml -f service.yaml -f web-stable.yaml -f web-canary.yaml", {
      expect: "pod/client created\nservice/web created\ndeployment.apps/web-stable created\ndeployment.apps/web-canary created",
    });
    await p.step("kubectl rollout status deployment/web-stable --timeout=120s", { expect: /successfully rolled out/ });
    await p.step("kubectl rollout status deployment/web-canary --timeout=120s", { expect: /successfully rolled out/ });
    await p.step("kubectl wait --for=condition=Ready pod/client --timeout=120s", { expect: "pod/client condition met" });
    await p.step("kubectl get pods -l app.kubernetes.io/name=web -L track", {
      expect: that(
        { en: "4 Pods: 3 with TRACK stable, 1 with TRACK canary", "zh-cn": "4 个 Pod：3 个 TRACK 为 stable，1 个 TRACK 为 canary" },
        (out) => {
          const rows = lines(out).slice(1);
          return rows.length === 4 && rows.filter((r) => r.at(-1) === "stable").length === 3 && rows.filter((r) => r.at(-1) === "canary").length === 1;
        },
      ),
    });
    await p.step(endpoints, {
      until: true,
      timeout: 30,
      expect: that(
        {
          en: "4 endpoints, all ready: 3 Pods named web-stable-…, 1 named web-canary-…",
          "zh-cn": "4 个端点，全部就绪：3 个 Pod 名为 web-stable-…，1 个名为 web-canary-…",
        },
        (out) => {
          const l = lines(out);
          return (
            l.length === 4 &&
            l.every((x) => x[1] === "true") &&
            l.filter((x) => x[0].startsWith("web-stable-")).length === 3 &&
            l.filter((x) => x[0].startsWith("web-canary-")).length === 1
          );
        },
      ),
      note: {
        en: "The Service's EndpointSlice has 4 ready endpoints: 3 from web-stable and 1 from web-canary.",
        "zh-cn": "Service 的 EndpointSlice 有 4 个就绪端点：3 个来自 web-stable，1 个来自 web-canary。",
      },
    });
    await p.step(requests, {
      // A quarter of 100 expected; 10 to 40 leaves room for chance (over 3 standard deviations either way).
      expect: that(
        {
          en: "all 100 requests were answered, by v1 and v2 only, v2 answering between 10 and 40 of them",
          "zh-cn": "100 个请求全部得到应答，只有 v1 和 v2，其中 v2 应答了 10 到 40 个",
        },
        (out) => {
          const c = counts(out);
          return Object.keys(c).sort().join() === "v1,v2" && c.v1 + c.v2 === 100 && c.v2 >= 10 && c.v2 <= 40;
        },
      ),
      note: {
        en: "100 requests, each on a new connection: both versions answer, v2 roughly one time in four — its 1 Pod's share of the 4 ready ones, give or take chance.",
        "zh-cn": "100 个请求，每个都走新连接：两个版本都在应答，v2 大约占四分之一——4 个就绪 Pod 中它那 1 个的份额，外加随机波动。",
      },
    });
    await p.step("kubectl scale deployment web-canary --replicas=0", {
      expect: "deployment.apps/web-canary scaled",
      note: { en: "Withdraw the canary, without touching the Service.", "zh-cn": "撤下金丝雀版本，不动 Service。" },
    });
    await p.step(endpoints, {
      until: true,
      timeout: 60,
      expect: that(
        { en: "3 endpoints, all Pods named web-stable-…, all ready", "zh-cn": "3 个端点，全部是名为 web-stable-… 的 Pod，全部就绪" },
        (out) => {
          const l = lines(out);
          return l.length === 3 && l.every((x) => x[0].startsWith("web-stable-") && x[1] === "true");
        },
      ),
    });
    await p.step(requests, {
      expect: that(
        { en: "all 100 requests were answered by v1", "zh-cn": "100 个请求全部由 v1 应答" },
        (out) => JSON.stringify(counts(out)) === JSON.stringify({ v1: 100 }),
      ),
      note: { en: "Only v1 answers now.", "zh-cn": "现在只有 v1 在应答。" },
    });
    await p.step("kubectl get service web -o jsonpath='{.spec.selector}'", {
      expect: '{"app.kubernetes.io/name":"web"}',
      note: { en: "The Service is as it was created.", "zh-cn": "Service 还是创建时的样子。" },
    });
  },
});
