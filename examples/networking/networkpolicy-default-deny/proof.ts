import { defineProof } from "#proof";

const fetch = (from: string, ip: string) => `kubectl exec ${from} -- timeout 5 wget -qO- http://${ip}:8080/`;
// This cluster's plugin rejects a denied connection (a plugin that drops it would make wget time out instead).
const refused = /^wget: can't connect to remote host \(\S+\): Connection refused$/m;

export default defineProof({
  title: {
    en: "A default-deny NetworkPolicy blocks traffic to the Pods it selects, and an allow rule opens it for chosen clients",
    "zh-cn": "默认拒绝的 NetworkPolicy 会阻断发往其选中 Pod 的流量，允许规则再为指定客户端放行",
  },
  // Only the network plugin enforces NetworkPolicy; where it does not, the policies are stored and do nothing.
  needs: ["network-policy"],
  async run(p) {
    await p.step("kubectl apply -f client.yaml -f other.yaml -f server.yaml", {
      expect: "pod/client created\npod/other created\nconfigmap/page created\npod/server created",
    });
    await p.step("kubectl wait --for=condition=Ready pod/client pod/other pod/server --timeout=120s", {
      expect: "pod/client condition met\npod/other condition met\npod/server condition met",
    });
    const server = await p.step("kubectl get pod server -o jsonpath='{.status.podIP}'", { expect: /^\d+\.\d+\.\d+\.\d+$/ });
    const ip = server.output;
    await p.step(fetch("client", ip), {
      expect: "hello from the server",
      note: { en: "Without any policy, every Pod accepts traffic from everywhere.", "zh-cn": "没有任何策略时，每个 Pod 接受来自任何地方的流量。" },
    });
    await p.step(fetch("other", ip), { expect: "hello from the server" });
    await p.step("kubectl apply -f deny.yaml", {
      expect: "networkpolicy.networking.k8s.io/default-deny-ingress created",
    });
    await p.step(fetch("client", ip), {
      until: true,
      timeout: 60,
      exitCode: "nonzero",
      expect: refused,
      note: {
        en: "Once the network plugin has applied the policy, the same request fails: this cluster's plugin rejects the connection.",
        "zh-cn": "网络插件应用了这条策略之后，同样的请求就失败了：这个集群的插件直接拒绝了连接。",
      },
    });
    await p.step("kubectl apply -f allow.yaml", {
      expect: "networkpolicy.networking.k8s.io/allow-client-to-server created",
    });
    await p.step(fetch("client", ip), {
      until: true,
      timeout: 60,
      expect: "hello from the server",
      note: {
        en: "Policies add up: the allow rule lets Pods labelled client through to the server on port 8080.",
        "zh-cn": "策略是叠加的：允许规则让带 client 标签的 Pod 访问 server 的 8080 端口。",
      },
    });
    await p.step(fetch("other", ip), {
      exitCode: "nonzero",
      expect: refused,
      note: {
        en: "A Pod without that label is still denied.",
        "zh-cn": "没有这个标签的 Pod 仍然被拒绝。",
      },
    });
  },
});
