import { defineProof, that } from "#proof";

const slice =
  "kubectl get endpointslice -l kubernetes.io/service-name=web -o jsonpath='{range .items[*].endpoints[*]}{.targetRef.name} ready={.conditions.ready}{\"\\n\"}{end}'";
/** "web-a ready=true" lines, sorted, so the order the controller lists them in does not matter. */
const sorted = (output: string) => output.split("\n").filter(Boolean).sort().join("\n");
/** The EndpointSlice lists exactly these endpoints with these ready conditions. */
const sliceIs = (a: boolean, b: boolean) =>
  that(
    {
      en: `the EndpointSlice lists web-a ready=${a} and web-b ready=${b}, and nothing else`,
      "zh-cn": `EndpointSlice 列出 web-a ready=${a} 和 web-b ready=${b}，没有别的端点`,
    },
    (o) => sorted(o) === `web-a ready=${a}\nweb-b ready=${b}`,
  );
// 10 s a request: looking the name up can take 5 s by itself when a DNS datagram is lost (the resolver's retry).
const requests = "kubectl exec client -- sh -c 'for i in $(seq 20); do timeout 10 wget -qO- http://web/; done | sort | uniq -c'";
/** `uniq -c` lines → { name: count }. */
const counts = (output: string) =>
  Object.fromEntries(output.split("\n").filter(Boolean).map((line) => line.trim().split(/\s+/).reverse()).map(([name, n]) => [name, Number(n)]));
/** All 20 requests were answered, by these Pods (each at least once) and no other. */
const answeredBy = (names: string[]) =>
  that(
    names.length === 1
      ? { en: `all 20 requests got an answer, all from ${names[0]}`, "zh-cn": `20 个请求都得到了应答，全部来自 ${names[0]}` }
      : {
          en: `all 20 requests got an answer, from ${names.join(" and ")} and no other, each answering at least one`,
          "zh-cn": `20 个请求都得到了应答，应答只来自 ${names.join(" 和 ")}，且每个至少应答一次`,
        },
    (o) => {
      const c = counts(o);
      return JSON.stringify(Object.keys(c).sort()) === JSON.stringify(names) && Object.values(c).reduce((a, b) => a + b, 0) === 20;
    },
  );

export default defineProof({
  title: {
    en: "A Pod that fails its readiness probe leaves the Service's endpoints without being restarted, and comes back when it passes",
    "zh-cn": "就绪探针失败的 Pod 会退出 Service 的端点但不会被重启，探针恢复后又会回来",
  },
  async run(p) {
    await p.step("kubectl apply -f client.yaml -f web.yaml", {
      expect: "pod/client created\npod/web-a created\npod/web-b created\nservice/web created",
    });
    await p.step("kubectl wait --for=condition=Ready pod/client pod/web-a pod/web-b --timeout=120s", {
      expect: "pod/client condition met\npod/web-a condition met\npod/web-b condition met",
    });
    await p.step(slice, {
      until: true,
      timeout: 60,
      expect: sliceIs(true, true),
      note: { en: "The Service's EndpointSlice lists both Pods as ready.", "zh-cn": "Service 的 EndpointSlice 列出两个 Pod，都是就绪的。" },
    });
    await p.step(requests, {
      until: true,
      timeout: 60,
      expect: answeredBy(["web-a", "web-b"]),
      note: { en: "20 requests, each a new connection: both Pods answer.", "zh-cn": "20 个请求，每个都是新连接：两个 Pod 都有应答。" },
    });
    await p.step("kubectl exec web-a -- rm /tmp/ready", {
      note: { en: "Make web-a's readiness probe fail.", "zh-cn": "让 web-a 的就绪探针失败。" },
    });
    await p.step(slice, {
      until: true,
      timeout: 60,
      expect: sliceIs(false, true),
      note: {
        en: "web-a stays in the EndpointSlice, marked ready=false.",
        "zh-cn": "web-a 仍在 EndpointSlice 里，但被标记为 ready=false。",
      },
    });
    await p.step(requests, {
      until: true,
      timeout: 60,
      expect: answeredBy(["web-b"]),
      note: {
        en: "Once kube-proxy has the change, all 20 requests go to web-b.",
        "zh-cn": "kube-proxy 拿到这一变化后，20 个请求全部发往 web-b。",
      },
    });
    await p.step("kubectl get pod web-a -o jsonpath='{.status.phase} ready={.status.containerStatuses[0].ready} restarts={.status.containerStatuses[0].restartCount}'", {
      expect: "Running ready=false restarts=0",
      note: {
        en: "web-a is still running and was not restarted: readiness only decides whether it gets traffic.",
        "zh-cn": "web-a 仍在运行，也没有被重启：就绪状态只决定它是否接收流量。",
      },
    });
    await p.step("kubectl exec web-a -- touch /tmp/ready", {
      note: { en: "Let the probe pass again.", "zh-cn": "让探针重新通过。" },
    });
    await p.step(slice, {
      until: true,
      timeout: 60,
      expect: sliceIs(true, true),
    });
    await p.step(requests, {
      until: true,
      timeout: 60,
      expect: answeredBy(["web-a", "web-b"]),
      note: { en: "web-a is back in rotation.", "zh-cn": "web-a 重新回到了轮转之中。" },
    });
  },
});
