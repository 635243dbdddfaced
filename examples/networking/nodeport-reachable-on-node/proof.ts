import { defineProof, tableRows, that } from "#proof";

const nodes = `kubectl get nodes -o jsonpath='{range .items[*]}{.metadata.name} {.status.addresses[?(@.type=="InternalIP")].address}{"\\n"}{end}'`;

export default defineProof({
  title: {
    en: "A NodePort Service gets a port in 30000–32767, and the node's IP on that port reaches the backend",
    "zh-cn": "NodePort Service 分到 30000–32767 之间的端口，经节点 IP 的这个端口可以访问到后端",
  },
  async run(p) {
    await p.step("kubectl apply -f client.yaml -f web.yaml", {
      expect: "pod/client created\ndeployment.apps/web created\nservice/web created",
    });
    await p.step("kubectl rollout status deployment/web --timeout=120s", { expect: /successfully rolled out/ });
    await p.step("kubectl wait --for=condition=Ready pod/client --timeout=120s", { expect: "pod/client condition met" });
    const svc = await p.step("kubectl get service web", {
      expect: that(
        {
          en: "web is of type NodePort, and PORT(S) maps port 80 to a node port between 30000 and 32767",
          "zh-cn": "web 的类型是 NodePort，PORT(S) 把 80 端口映射到 30000 到 32767 之间的一个节点端口",
        },
        (o) => {
          const rows = tableRows(o);
          const port = Number(/^80:(\d+)\/TCP$/.exec(rows[0]?.[4] ?? "")?.[1]);
          return rows.length === 1 && rows[0][0] === "web" && rows[0][1] === "NodePort" && port >= 30000 && port <= 32767;
        },
      ),
      note: {
        en: "PORT(S) shows the Service port and, after the colon, the node port allocated from 30000–32767.",
        "zh-cn": "PORT(S) 列显示 Service 端口，冒号后是从 30000–32767 中分配的节点端口。",
      },
    });
    const nodePort = /\b80:(\d+)\/TCP\b/.exec(svc.output)?.[1];
    const list = await p.step(nodes, {
      expect: /^\S+ \d+\.\d+\.\d+\.\d+$/m,
      note: { en: "The nodes and their InternalIP addresses.", "zh-cn": "各节点及其 InternalIP 地址。" },
    });
    const pod = await p.step("kubectl get pods -l app.kubernetes.io/name=web -o jsonpath='{.items[0].metadata.name}'", {
      expect: /^web-\S+$/,
    });
    for (const [name, ip] of list.output.split("\n").map((line) => line.split(" "))) {
      await p.step(`kubectl exec client -- timeout 5 wget -qO- http://${ip}:${nodePort}/`, {
        until: true,
        timeout: 60,
        expect: pod.output,
        note: {
          en: `Node ${name}'s own address on the node port leads to the Service's backend Pod.`,
          "zh-cn": `节点 ${name} 自己的地址加上节点端口，就通往 Service 的后端 Pod。`,
        },
      });
    }
  },
});
