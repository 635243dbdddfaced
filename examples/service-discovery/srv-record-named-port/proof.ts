import { defineProof } from "#proof";

export default defineProof({
  title: {
    en: "A Service's named port has an SRV record with the port number and the Service's name",
    "zh-cn": "Service 的具名端口有一条 SRV 记录，给出端口号和 Service 的名称",
  },
  async run(p) {
    const svc = `web.${p.namespace}.svc.cluster.local`;
    await p.step("kubectl apply -f client.yaml -f web.yaml", {
      expect: "pod/client created\ndeployment.apps/web created\nservice/web created",
    });
    await p.step("kubectl wait --for=condition=Ready pod/client --timeout=120s", { expect: "pod/client condition met" });
    await p.step("kubectl get service web -o jsonpath='{range .spec.ports[*]}{.name} {.protocol} {.port}{\"\\n\"}{end}'", {
      expect: "http TCP 80",
      note: { en: "The Service has one port, named http.", "zh-cn": "这个 Service 有一个端口，名为 http。" },
    });
    await p.step(`kubectl exec client -- nslookup -type=srv _http._tcp.${svc}`, {
      until: true,
      timeout: 60,
      expect: new RegExp(`^_http\\._tcp\\.${svc.replace(/\./g, "\\.")}\\tservice = \\d+ \\d+ 80 ${svc.replace(/\./g, "\\.")}$`, "m"),
      note: {
        en: "_<port name>._<protocol>.<service> answers with priority, weight, the port number (80) and the target name, the Service's own DNS name.",
        "zh-cn": "_<端口名>._<协议>.<service> 的应答依次是优先级、权重、端口号（80）和目标名称，也就是 Service 自己的 DNS 名称。",
      },
    });
  },
});
