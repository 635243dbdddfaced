import { defineProof } from "#proof";

export default defineProof({
  title: {
    en: "A Service without ready endpoints refuses connections at once",
    "zh-cn": "没有就绪端点的 Service 会立即拒绝连接",
  },
  // Local only for now: on the three-node kind cluster (kube-router enforcing NetworkPolicy) the same request timed
  // out after 5 s instead of being refused, in the run of 2026-12-04. Not yet explained, so not claimed for kind.
  needs: ["local-provider"],
  async run(p) {
    await p.step("kubectl apply -f client.yaml -f service.yaml", { expect: "pod/client created\nservice/web created" });
    await p.step("kubectl wait --for=condition=Ready pod/client --timeout=120s", { expect: "pod/client condition met" });
    const ip = await p.step("kubectl get service web -o jsonpath='{.spec.clusterIP}'", { expect: /^\d+\.\d+\.\d+\.\d+$/ });
    await p.step("kubectl get endpointslices -l kubernetes.io/service-name=web -o jsonpath='{range .items[*]}{.metadata.name} endpoints={.endpoints}{\"\\n\"}{end}'", {
      until: true,
      timeout: 30,
      expect: /^web-[a-z0-9]{5} endpoints=(null|\[\])?$/,
      note: {
        en: "The Service's EndpointSlice lists no endpoint: no Pod matches its selector.",
        "zh-cn": "Service 的 EndpointSlice 里没有任何端点：没有 Pod 匹配它的选择算符。",
      },
    });
    await p.step(`kubectl exec client -- timeout 5 wget -qO- http://${ip.output}:80/`, {
      exitCode: "nonzero",
      expect: /Connection refused/,
      note: {
        en: "The connection is refused right away rather than left to time out: for a Service with no endpoints, kube-proxy installs a rule that rejects its traffic (ICMP port unreachable).",
        "zh-cn": "连接被立即拒绝，而不是一直等到超时：对于没有端点的 Service，kube-proxy 会装一条拒绝其流量的规则（ICMP 端口不可达）。",
      },
    });
  },
});
