import { defineProof, that } from "#proof";

const conditions = (service: string) =>
  `kubectl get endpointslices -l kubernetes.io/service-name=${service} -o jsonpath='{range .items[*].endpoints[*]}{.addresses[0]} {.conditions}{"\\n"}{end}'`;
/** The addresses in busybox nslookup's answers ("Address: 10.244.0.7"; the server's own line has a tab and a port). */
const answers = (output: string) => [...output.matchAll(/^Address: (\S+)$/gm)].map((m) => m[1]);

export default defineProof({
  title: {
    en: "publishNotReadyAddresses: a Pod that is not ready is listed as ready, and DNS returns it",
    "zh-cn": "publishNotReadyAddresses：未就绪的 Pod 被列为就绪，DNS 也返回它",
  },
  async run(p) {
    await p.step("kubectl apply -f client.yaml -f peer.yaml", {
      expect: "pod/client created\npod/peer created\nservice/plain created\nservice/published created",
    });
    await p.step("kubectl wait --for=condition=Ready pod/client --timeout=120s", { expect: "pod/client condition met" });
    await p.step("kubectl wait --for=jsonpath='{.status.phase}'=Running pod/peer --timeout=120s", { expect: "pod/peer condition met" });
    const ip = await p.step("kubectl get pod peer -o jsonpath='{.status.podIP} {.status.conditions[?(@.type==\"Ready\")].status}'", {
      expect: /^\d+\.\d+\.\d+\.\d+ False$/,
      note: { en: "The peer runs, and is not Ready: its readiness probe fails.", "zh-cn": "peer 在运行，但没有 Ready：它的就绪探针一直失败。" },
    });
    const peer = ip.output.split(" ")[0];
    await p.step(conditions("plain"), {
      until: true,
      timeout: 60,
      expect: `${peer} {"ready":false,"serving":false,"terminating":false}`,
      note: {
        en: "The ordinary headless Service lists the Pod as not ready.",
        "zh-cn": "普通的 headless Service 把这个 Pod 列为未就绪。",
      },
    });
    await p.step(conditions("published"), {
      until: true,
      timeout: 60,
      expect: `${peer} {"ready":true,"serving":false,"terminating":false}`,
      note: {
        en: "With publishNotReadyAddresses the same Pod is listed as ready, although serving (which follows the readiness probe) is false. kube-proxy and CoreDNS go by ready.",
        "zh-cn": "设置 publishNotReadyAddresses 后，同一个 Pod 被列为就绪，尽管 serving（跟随就绪探针）为 false。kube-proxy 和 CoreDNS 看的是 ready。",
      },
    });
    await p.step(`kubectl exec client -- nslookup -type=a published.${p.namespace}.svc.cluster.local`, {
      until: true,
      timeout: 60,
      expect: that(
        { en: `the only address answered is the peer's, ${peer}`, "zh-cn": `应答里只有 peer 的地址 ${peer}` },
        (out) => JSON.stringify(answers(out)) === JSON.stringify([peer]),
      ),
      note: {
        en: "DNS answers with the Pod that is not ready: peers of a StatefulSet can find each other before they are ready.",
        "zh-cn": "DNS 应答了这个未就绪的 Pod：StatefulSet 的成员因此能在就绪之前互相找到。",
      },
    });
    await p.step(`kubectl exec client -- nslookup -type=a plain.${p.namespace}.svc.cluster.local`, {
      exitCode: [0, 1],
      expect: that(
        { en: `no address is answered (${peer} is not among the answers)`, "zh-cn": `应答里没有任何地址（${peer} 不在其中）` },
        (out) => answers(out).length === 0,
      ),
      note: {
        en: "The ordinary headless Service over the same Pod has no address to give.",
        "zh-cn": "同一个 Pod 上的普通 headless Service 没有地址可给。",
      },
    });
  },
});
