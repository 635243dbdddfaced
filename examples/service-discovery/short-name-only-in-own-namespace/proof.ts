import { defineProof, that } from "#proof";

export default defineProof({
  title: {
    en: "A Service's short name resolves only in its own namespace; from another, it needs <service>.<namespace>",
    "zh-cn": "Service 的短名称只在它自己的命名空间里能解析；在别的命名空间要写成 <service>.<namespace>",
  },
  async run(p) {
    const ns = p.namespace;
    await p.step("kubectl apply -f client.yaml", { expect: "pod/client created" });
    await p.step("kubectl wait --for=condition=Ready pod/client --timeout=120s", { expect: "pod/client condition met" });
    const { output: ip } = await p.step("kubectl get service kubernetes -n default -o jsonpath='{.spec.clusterIP}'", {
      expect: /^\d+\.\d+\.\d+\.\d+$/,
      note: {
        en: `Every cluster has the Service kubernetes, in the namespace default; the client Pod runs in ${ns}.`,
        "zh-cn": `每个集群都有名为 kubernetes 的 Service，在 default 命名空间里；客户端 Pod 运行在 ${ns}。`,
      },
    });
    await p.step("kubectl exec client -- timeout 5 wget -O /dev/null http://kubernetes:443/", {
      exitCode: 1,
      expect: /^wget: bad address 'kubernetes:443'$/m,
      note: {
        en: `The short name fails: the resolver tries it with each search suffix, kubernetes.${ns}.svc.cluster.local first, then kubernetes.svc.cluster.local and kubernetes.cluster.local, and CoreDNS has none of them. This is what a reader sees when a client and its Service are in different namespaces.`,
        "zh-cn": `短名称解析失败：解析器依次加上各个搜索后缀去查询，先是 kubernetes.${ns}.svc.cluster.local，然后是 kubernetes.svc.cluster.local 和 kubernetes.cluster.local，CoreDNS 里一个都没有。客户端和 Service 不在同一个命名空间时，看到的就是这个。`,
      },
    });
    await p.step("kubectl exec client -- timeout 5 wget -O /dev/null http://kubernetes.default:443/", {
      exitCode: 1,
      expect: that(
        {
          en: `wget connects to kubernetes.default at the Service's cluster IP, ${ip}:443, and the server answers (400 Bad Request)`,
          "zh-cn": `wget 连接 kubernetes.default 时连的是 Service 的集群 IP ${ip}:443，并且服务器作出了应答（400 Bad Request）`,
        },
        (o) => o.split("\n").includes(`Connecting to kubernetes.default:443 (${ip}:443)`) && o.includes("wget: server returned error: HTTP/1.0 400 Bad Request"),
      ),
      note: {
        en: "With the namespace, the name resolves (the svc.cluster.local suffix completes it) and the connection reaches the API server. Its 400 is its answer to plain HTTP on its HTTPS port: the point here is only that the name resolved and something answered.",
        "zh-cn": "带上命名空间，名称就能解析（搜索后缀 svc.cluster.local 把它补全），连接也到达了 API server。返回 400 是因为我们在它的 HTTPS 端口上说了明文 HTTP：这里要看的只是名称解析成功、并且有服务应答。",
      },
    });
  },
});
