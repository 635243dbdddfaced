import { defineProof } from "#proof";

export default defineProof({
  title: {
    en: "kube-proxy reports the proxy mode it runs in",
    "zh-cn": "kube-proxy 报告它所用的代理模式",
  },
  async run(p) {
    await p.step("kubectl apply -f probe.yaml", { expect: "pod/probe created" });
    await p.step("kubectl wait --for=condition=Ready pod/probe --timeout=120s", { expect: "pod/probe condition met" });
    await p.step("kubectl exec probe -- timeout 5 wget -qO- http://127.0.0.1:10249/proxyMode", {
      expect: /^(iptables|nftables|ipvs)$/,
      note: {
        en: "kube-proxy serves its mode at /proxyMode on its metrics address; a Pod in the node's network namespace can read it. This cluster's kube-proxy programs Services with this mode.",
        "zh-cn": "kube-proxy 在其 metrics 地址的 /proxyMode 上报告自己的模式；处在节点网络命名空间里的 Pod 可以读取它。本集群的 kube-proxy 就用这种模式实现 Service。",
      },
    });
  },
});
