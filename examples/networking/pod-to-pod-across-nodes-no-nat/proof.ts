import { defineProof, tableRows, that } from "#proof";

const ipv4 = /^\d+\.\d+\.\d+\.\d+$/;

export default defineProof({
  title: {
    en: "Across nodes too, a Pod reaches another Pod by its IP and the receiver sees the sender's Pod IP: no NAT",
    "zh-cn": "跨节点时同样如此：Pod 通过 IP 访问另一个节点上的 Pod，接收方看到的是发送方的 Pod IP，没有 NAT",
  },
  needs: ["multi-node"],
  async run(p) {
    // The server first, so the client's anti-affinity has a Pod to stay away from.
    await p.step("kubectl apply -f server.yaml", { expect: "configmap/peer created\npod/server created" });
    await p.step("kubectl wait --for=condition=Ready pod/server --timeout=120s", { expect: "pod/server condition met" });
    await p.step("kubectl apply -f client.yaml", { expect: "pod/client created" });
    await p.step("kubectl wait --for=condition=Ready pod/client --timeout=120s", { expect: "pod/client condition met" });
    await p.step("kubectl get pods -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName,POD-IP:.status.podIP,NODE-IP:.status.hostIP", {
      expect: that(
        {
          en: "two Pods, on two different nodes, each with an IPv4 Pod IP that is not its node's IP",
          "zh-cn": "两个 Pod 分别在两个不同的节点上，各自的 Pod IP（IPv4）都不是所在节点的 IP",
        },
        (out) => {
          const rows = tableRows(out);
          const nodes = new Set(rows.map((r) => r[1]));
          return rows.length === 2 && nodes.size === 2 && rows.every((r) => ipv4.test(r[2] ?? "") && r[2] !== r[3]);
        },
      ),
      note: {
        en: "Two nodes, and each Pod has an address of its own, not its node's.",
        "zh-cn": "两个不同的节点；每个 Pod 都有自己的地址，而不是所在节点的地址。",
      },
    });
    const client = await p.step("kubectl get pod client -o jsonpath='{.status.podIP}'", { expect: ipv4 });
    const server = await p.step("kubectl get pod server -o jsonpath='{.status.podIP}'", { expect: ipv4 });
    await p.step(`kubectl exec client -- timeout 5 wget -qO- http://${server.output}:8080/cgi-bin/peer`, {
      expect: client.output,
      note: {
        en: "The server answers with the source address of the connection it accepted: the client's Pod IP, not the client's node's IP.",
        "zh-cn": "server 回复它所接受的连接的源地址：是 client 的 Pod IP，而不是 client 所在节点的 IP。",
      },
    });
  },
});
