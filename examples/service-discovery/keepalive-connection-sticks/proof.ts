import { defineProof, that } from "#proof";

const backends = "kubectl get pods -l app.kubernetes.io/name=web -o jsonpath='{range .items[*]}{.metadata.name}{\"\\n\"}{end}'";
/** `uniq -c` lines → [count, name] pairs ("answered by" dropped). */
const pairs = (output: string) =>
  output.split("\n").filter(Boolean).map((line) => {
    const m = /^\s*(\d+) (?:answered by )?(\S+)$/.exec(line);
    return [Number(m?.[1]), m?.[2] ?? ""] as const;
  });
const sameSet = (a: string[], b: string[]) => JSON.stringify([...new Set(a)].sort()) === JSON.stringify([...b].sort());

export default defineProof({
  title: {
    en: "All requests on one kept-alive connection go to the same backend",
    "zh-cn": "同一条保持的连接上的所有请求都发往同一个后端",
  },
  async run(p) {
    await p.step("kubectl apply -f client.yaml -f web.yaml", {
      expect: "pod/client created\nconfigmap/http-keepalive created\ndeployment.apps/web created\nservice/web created",
    });
    await p.step("kubectl rollout status deployment/web --timeout=120s", { expect: /successfully rolled out/ });
    await p.step("kubectl wait --for=condition=Ready pod/client --timeout=120s", { expect: "pod/client condition met" });
    const list = await p.step(backends, {
      expect: that({ en: "three Pods", "zh-cn": "三个 Pod" }, (o) => o.split("\n").filter(Boolean).length === 3),
    });
    const names = list.output.split("\n").filter(Boolean);
    // 10 s a request: looking the name up can take 5 s by itself when a DNS datagram is lost (the resolver's retry).
    await p.step("kubectl exec client -- sh -c 'for i in $(seq 30); do timeout 10 wget -qO- http://web/; done | sort | uniq -c'", {
      until: true,
      timeout: 60,
      expect: that(
        {
          en: `all 30 requests got an answer, from the three Pods (${names.join(", ")}) and no other, each answering at least one`,
          "zh-cn": `30 个请求都得到了应答，应答只来自这三个 Pod（${names.join("、")}），且每个至少应答一次`,
        },
        (o) => sameSet(pairs(o).map(([, name]) => name), names) && pairs(o).reduce((sum, [n]) => sum + n, 0) === 30,
      ),
      note: {
        en: "30 requests, each on a new connection (one wget each): all three backends answer.",
        "zh-cn": "30 个请求，每个都是新连接（每次一个 wget）：三个后端都有应答。",
      },
    });
    await p.step(
      `kubectl exec client -- sh -c 'for c in 1 2 3 4 5; do for i in $(seq 10); do printf "GET / HTTP/1.1\\r\\nHost: web\\r\\n\\r\\n"; done | timeout 10 nc web 80 | grep answered | uniq -c; done'`,
      {
        expect: that(
          {
            en: "five lines, one per connection: on each, all 10 answers came from one and the same Pod, one of the three",
            "zh-cn": "五行，每条连接一行：每条连接上的 10 个应答都来自同一个 Pod，且是这三个 Pod 之一",
          },
          (o) => {
            const r = pairs(o);
            return r.length === 5 && r.every(([n, name]) => n === 10 && names.includes(name));
          },
        ),
        note: {
          en: "Five connections, ten HTTP requests on each (sent by nc over one TCP connection): every connection's ten answers come from a single backend. kube-proxy chose it when the connection opened; requests inside it are not balanced.",
          "zh-cn": "五条连接，每条连接上十个 HTTP 请求（由 nc 在一条 TCP 连接上发出）：每条连接的十个应答都来自同一个后端。kube-proxy 在连接建立时选定后端，连接内的请求不再做均衡。",
        },
      },
    );
  },
});
