import { defineProof, that } from "#proof";

const backends = "kubectl get pods -l app.kubernetes.io/name=web -o jsonpath='{range .items[*]}{.metadata.name}{\"\\n\"}{end}'";
/** n requests from the client, each one wget, so each one a new TCP connection; answers counted per Pod. */
// 10 s a request: looking the name up can take 5 s by itself when a DNS datagram is lost (the resolver's retry).
const requests = (n: number) => `kubectl exec client -- sh -c 'for i in $(seq ${n}); do timeout 10 wget -qO- http://web/; done | sort | uniq -c'`;
/** `uniq -c` lines → { name: count }. */
const counts = (output: string): Record<string, number> =>
  Object.fromEntries(output.split("\n").filter(Boolean).map((line) => line.trim().split(/\s+/).reverse()).map(([name, n]) => [name, Number(n)]));
const sameSet = (a: string[], b: string[]) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

export default defineProof({
  title: {
    en: "New connections to a Service are spread across all its ready backends",
    "zh-cn": "发往 Service 的新连接会分散到它所有就绪的后端",
  },
  async run(p) {
    await p.step("kubectl apply -f client.yaml -f web.yaml", {
      expect: "pod/client created\ndeployment.apps/web created\nservice/web created",
    });
    await p.step("kubectl rollout status deployment/web --timeout=120s", { expect: /successfully rolled out/ });
    await p.step("kubectl wait --for=condition=Ready pod/client --timeout=120s", { expect: "pod/client condition met" });
    const list = await p.step(backends, {
      expect: that({ en: "three Pods", "zh-cn": "三个 Pod" }, (o) => o.split("\n").filter(Boolean).length === 3),
      note: { en: "Three backend Pods; each answers with its own name.", "zh-cn": "三个后端 Pod，各自用自己的名字应答。" },
    });
    const names = list.output.split("\n").filter(Boolean);
    await p.step(requests(30), {
      until: true,
      timeout: 60,
      expect: that(
        {
          en: `all 30 requests got an answer, from the three Pods (${names.join(", ")}) and no other, each answering at least one`,
          "zh-cn": `30 个请求都得到了应答，应答只来自这三个 Pod（${names.join("、")}），且每个至少应答一次`,
        },
        (o) => sameSet(Object.keys(counts(o)), names) && Object.values(counts(o)).reduce((a, b) => a + b, 0) === 30,
      ),
      note: {
        en: "A first round, repeated until kube-proxy routes to all three (it programs new endpoints asynchronously).",
        "zh-cn": "先跑一轮，重复直到 kube-proxy 路由到全部三个后端（它是异步地写入新端点的）。",
      },
    });
    await p.step(requests(150), {
      expect: that(
        {
          en: "all 150 requests got an answer, from the three Pods and no other, each answering between 20 and 80 of them",
          "zh-cn": "150 个请求都得到了应答，应答只来自这三个 Pod，每个应答了 20 到 80 个",
        },
        (o) => {
          const c = counts(o);
          const total = Object.values(c).reduce((a, b) => a + b, 0);
          // With a uniform choice each backend expects 50 of 150 (standard deviation ≈ 5.8): 20 and 80 are more
          // than five standard deviations off.
          return sameSet(Object.keys(c), names) && total === 150 && Object.values(c).every((n) => n >= 20 && n <= 80);
        },
      ),
      note: {
        en: "The measurement, run once: 150 requests, each on a new connection. Every backend answered, each roughly a third of the requests (50 each if the choice is uniform): kube-proxy picks a backend per connection, at random.",
        "zh-cn": "正式测量，只运行一次：150 个请求，每个都是新连接。每个后端都有应答，各约三分之一（若均匀选择，各 50 个）：kube-proxy 按连接随机选择后端。",
      },
    });
  },
});
