import { defineProof, that } from "#proof";

export default defineProof({
  title: {
    en: "Where the network plugin does not implement NetworkPolicy, a default-deny policy is stored and blocks nothing",
    "zh-cn": "网络插件不实现 NetworkPolicy 时，默认拒绝的策略照样被保存，却什么也拦不住",
  },
  // The point is the absence: on a cluster whose plugin enforces policies this proof would be false.
  lacks: ["network-policy"],
  async run(p) {
    await p.step("kubectl apply -f client.yaml -f server.yaml", {
      expect: "pod/client created\nconfigmap/page created\npod/server created",
    });
    await p.step("kubectl wait --for=condition=Ready pod/client pod/server --timeout=120s", {
      expect: "pod/client condition met\npod/server condition met",
    });
    const server = await p.step("kubectl get pod server -o jsonpath='{.status.podIP}'", { expect: /^\d+\.\d+\.\d+\.\d+$/ });
    await p.step("kubectl apply -f deny.yaml", {
      expect: "networkpolicy.networking.k8s.io/default-deny-ingress created",
      note: {
        en: "The API server validates and stores the policy; nothing reports whether anything will enforce it.",
        "zh-cn": "API server 校验并保存了这条策略；没有任何地方会告诉你是否有组件去执行它。",
      },
    });
    await p.step("kubectl describe networkpolicy default-deny-ingress", {
      expect: that(
        {
          en: "PodSelector is <none>, which selects all pods in this namespace, and the ingress traffic allowed is <none>: \"Selected pods are isolated for ingress connectivity\"",
          "zh-cn": "PodSelector 为 <none>，即选中本命名空间的所有 Pod；允许的入站流量为 <none>：\"Selected pods are isolated for ingress connectivity\"",
        },
        (out) =>
          /PodSelector:\s+<none> \(Allowing the specific traffic to all pods in this namespace\)/.test(out) &&
          /Allowing ingress traffic:\s+<none> \(Selected pods are isolated for ingress connectivity\)/.test(out),
      ),
      note: {
        en: "As far as the API is concerned, every Pod of the namespace is isolated for ingress.",
        "zh-cn": "就 API 而言，这个命名空间的每个 Pod 都已被隔离，不接受入站流量。",
      },
    });
    await p.step("kubectl expose pod server --port=8080", {
      expect: "service/server exposed",
      note: {
        en: "A witness: a Service for the server, created after the policy. The node's network agent, kube-proxy, has to act on it before it can carry traffic.",
        "zh-cn": "一个见证：在策略之后为 server 创建的 Service。节点上的网络代理 kube-proxy 必须对它做出反应，它才能转发流量。",
      },
    });
    const service = await p.step("kubectl get service server -o jsonpath='{.spec.clusterIP}'", { expect: /^\d+\.\d+\.\d+\.\d+$/ });
    await p.step(`kubectl exec client -- timeout 5 wget -qO- http://${service.output}:8080/`, {
      until: true,
      timeout: 60,
      expect: "hello from the server",
      note: {
        en: "kube-proxy has programmed the new Service: the node acts on API objects created after the policy.",
        "zh-cn": "kube-proxy 已经为新 Service 写好了规则：节点会对策略之后创建的 API 对象做出反应。",
      },
    });
    await p.step(
      `kubectl exec client -- sh -c 'for i in 1 2 3 4 5 6; do timeout 5 wget -qO- http://${server.output}:8080/; timeout 5 wget -qO- http://${service.output}:8080/; sleep 5; done'`,
      {
        expect: Array(12).fill("hello from the server").join("\n"),
        note: {
          en: "Yet for half a minute more, every request still gets through, straight to the Pod's IP and through the Service: the local cluster's CNI bridge plugin does not implement NetworkPolicy, and nothing else on the node does.",
          "zh-cn": "然而在接下来的半分钟里，每个请求依然畅通，无论是直连 Pod IP 还是经过 Service：本地集群的 CNI bridge 插件不实现 NetworkPolicy，节点上也没有别的组件去执行它。",
        },
      },
    );
  },
});
