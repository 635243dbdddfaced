import { defineProof, that } from "#proof";

const backends = "kubectl get pods -l app.kubernetes.io/name=web -o jsonpath='{range .items[*]}{.metadata.name}{\"\\n\"}{end}'";
const requests = (service: string) =>
  `kubectl exec client -- sh -c 'for i in $(seq 30); do timeout 5 wget -qO- http://${service}/; done | sort | uniq -c'`;
/** `uniq -c` lines → { name: count }. */
const counts = (output: string): Record<string, number> =>
  Object.fromEntries(output.split("\n").filter(Boolean).map((line) => line.trim().split(/\s+/).reverse()).map(([name, n]) => [name, Number(n)]));
const sameSet = (a: string[], b: string[]) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
const readySlice = (service: string) =>
  `kubectl get endpointslice -l kubernetes.io/service-name=${service} -o jsonpath='{range .items[*].endpoints[*]}{.targetRef.name} ready={.conditions.ready}{"\\n"}{end}'`;

export default defineProof({
  title: {
    en: "With sessionAffinity: ClientIP, every connection from one client goes to the same backend",
    "zh-cn": "设置 sessionAffinity: ClientIP 后，同一客户端的每条连接都发往同一个后端",
  },
  async run(p) {
    await p.step("kubectl apply -f client.yaml -f web.yaml", {
      expect: "pod/client created\ndeployment.apps/web created\nservice/web created\nservice/web-sticky created",
    });
    await p.step("kubectl rollout status deployment/web --timeout=120s", { expect: /successfully rolled out/ });
    await p.step("kubectl wait --for=condition=Ready pod/client --timeout=120s", { expect: "pod/client condition met" });
    const list = await p.step(backends, {
      expect: that({ en: "three Pods", "zh-cn": "三个 Pod" }, (o) => o.split("\n").filter(Boolean).length === 3),
    });
    const names = list.output.split("\n").filter(Boolean);
    await p.step("kubectl get service web-sticky -o jsonpath='{.spec.sessionAffinity} {.spec.sessionAffinityConfig.clientIP.timeoutSeconds}'", {
      expect: "ClientIP 10800",
      note: {
        en: "The API server filled in the default affinity timeout: 10800 s (3 hours) without traffic.",
        "zh-cn": "API server 填入了默认的亲和超时：无流量 10800 秒（3 小时）后失效。",
      },
    });
    await p.step(readySlice("web-sticky"), {
      until: true,
      timeout: 60,
      expect: that(
        {
          en: `the endpoints are exactly the three Pods (${names.join(", ")}), each ready=true`,
          "zh-cn": `端点正好是这三个 Pod（${names.join("、")}），每个都是 ready=true`,
        },
        (o) => sameSet(o.split("\n").filter(Boolean), names.map((n) => `${n} ready=true`)),
      ),
      note: { en: "web-sticky has the same three Pods as ready endpoints.", "zh-cn": "web-sticky 的就绪端点也是这三个 Pod。" },
    });
    await p.step(requests("web"), {
      until: true,
      timeout: 60,
      expect: that(
        {
          en: "all 30 requests got an answer, from the three Pods and no other, each answering at least one",
          "zh-cn": "30 个请求都得到了应答，应答只来自这三个 Pod，且每个至少应答一次",
        },
        (o) => sameSet(Object.keys(counts(o)), names) && Object.values(counts(o)).reduce((a, b) => a + b, 0) === 30,
      ),
      note: {
        en: "Without affinity (Service web): 30 new connections from the client reach all three backends.",
        "zh-cn": "没有亲和性（Service web）时：client 的 30 条新连接到达全部三个后端。",
      },
    });
    await p.step(requests("web-sticky"), {
      expect: that(
        {
          en: "all 30 requests were answered by one and the same Pod, one of the three",
          "zh-cn": "30 个请求全部由同一个 Pod 应答，且是这三个 Pod 之一",
        },
        (o) => {
          const c = counts(o);
          return Object.keys(c).length === 1 && names.includes(Object.keys(c)[0] ?? "") && Object.values(c)[0] === 30;
        },
      ),
      note: {
        en: "With affinity (Service web-sticky, same Pods): all 30 new connections from the same client IP reach one backend.",
        "zh-cn": "有亲和性时（Service web-sticky，同一组 Pod）：来自同一客户端 IP 的 30 条新连接全部到达同一个后端。",
      },
    });
  },
});
