import { defineProof, that } from "#proof";

const ipv4 = /^\d+\.\d+\.\d+\.\d+$/;

export default defineProof({
  title: {
    en: "A Pod reaches another Pod by its IP, and the receiver sees the sender's Pod IP: no NAT",
    "zh-cn": "Pod 通过 IP 直接访问另一个 Pod，接收方看到的是发送方的 Pod IP：没有 NAT",
  },
  async run(p) {
    await p.step("kubectl apply -f client.yaml -f server.yaml", {
      expect: "pod/client created\nconfigmap/peer created\npod/server created",
    });
    await p.step("kubectl wait --for=condition=Ready pod/client pod/server --timeout=120s", {
      expect: "pod/client condition met\npod/server condition met",
    });
    const client = await p.step("kubectl get pod client -o jsonpath='{.status.podIP}'", {
      expect: ipv4,
      note: { en: "The client Pod's IP, as the API reports it.", "zh-cn": "API 报告的 client Pod 的 IP。" },
    });
    const server = await p.step("kubectl get pod server -o jsonpath='{.status.podIP}'", { expect: ipv4 });
    await p.step(`kubectl exec client -- timeout 5 wget -qO- http://${server.output}:8080/cgi-bin/peer`, {
      expect: client.output,
      note: {
        en: "The client connects straight to the server's Pod IP; the server answers with the source address of the connection it accepted: the client's own Pod IP.",
        "zh-cn": "client 直接连接 server 的 Pod IP；server 回复它所接受的连接的源地址，正是 client 自己的 Pod IP。",
      },
    });
    await p.step("kubectl logs server", {
      expect: that(
        {
          en: `a log line records a request for /cgi-bin/peer from ${client.output}, the client's Pod IP`,
          "zh-cn": `有一行日志记录了来自 ${client.output}（client 的 Pod IP）的 /cgi-bin/peer 请求`,
        },
        (o) => o.split("\n").some((line) => new RegExp(`^${client.output.replace(/\./g, "\\.")}:\\d+: url:/cgi-bin/peer$`).test(line)),
      ),
      note: {
        en: "The server's own log records the same peer address. (This proof does not choose the Pods' nodes; the network model requires the same whether they share one or not.)",
        "zh-cn": "server 自己的日志记录了同一个对端地址。（这个验证不指定两个 Pod 所在的节点；无论它们是否在同一节点上，网络模型的要求都一样。）",
      },
    });
  },
});
