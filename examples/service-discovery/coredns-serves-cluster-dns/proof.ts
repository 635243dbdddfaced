import { defineProof, tableRows, that } from "#proof";

export default defineProof({
  title: {
    en: "Cluster DNS is CoreDNS behind the kube-dns Service, reading Services and EndpointSlices from the API",
    "zh-cn": "集群 DNS 是 kube-dns Service 背后的 CoreDNS，它从 API 读取 Service 和 EndpointSlice",
  },
  async run(p) {
    await p.step("kubectl apply -f client.yaml", { expect: "pod/client created" });
    await p.step("kubectl wait --for=condition=Ready pod/client --timeout=120s", { expect: "pod/client condition met" });
    const resolver = await p.step("kubectl exec client -- grep nameserver /etc/resolv.conf", {
      expect: /^nameserver \d+\.\d+\.\d+\.\d+$/,
      note: { en: "The DNS server every Pod is given.", "zh-cn": "每个 Pod 被指定的 DNS 服务器。" },
    });
    await p.step("kubectl get service kube-dns -n kube-system -o jsonpath='{.spec.clusterIP}'", {
      expect: resolver.output.replace("nameserver ", ""),
      note: {
        en: "It is the cluster IP of the Service kube-dns in kube-system (the name kept from kube-dns for compatibility).",
        "zh-cn": "它是 kube-system 中 kube-dns Service 的集群 IP（沿用 kube-dns 的名字是为了兼容）。",
      },
    });
    const targets = await p.step(
      "kubectl get endpointslice -n kube-system -l kubernetes.io/service-name=kube-dns -o jsonpath='{range .items[*]}{range .endpoints[*]}{.targetRef.name}{\"\\n\"}{end}{end}'",
      { expect: /^\S+$/m, note: { en: "The Pods behind that Service.", "zh-cn": "这个 Service 背后的 Pod。" } },
    );
    const names = [...new Set(targets.output.split("\n").filter(Boolean))].sort();
    await p.step(
      "kubectl get pods -n kube-system -l k8s-app=kube-dns -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image,OWNER:.metadata.ownerReferences[0].kind",
      {
        expect: that(
          {
            en: `the Pods labelled k8s-app=kube-dns are exactly those behind the Service (${names.join(", ")}); each runs a coredns/coredns image and is owned by a ReplicaSet`,
            "zh-cn": `带标签 k8s-app=kube-dns 的 Pod 正好就是这个 Service 背后的那些（${names.join("、")}）；每个都运行 coredns/coredns 镜像，属主都是 ReplicaSet`,
          },
          (o) => {
            const rows = tableRows(o);
            return (
              JSON.stringify(rows.map((r) => r[0]).sort()) === JSON.stringify(names) &&
              rows.every((r) => /\/coredns\/coredns:/.test(r[1] ?? "") && r[2] === "ReplicaSet")
            );
          },
        ),
        note: {
          en: "They run the CoreDNS image and belong to a ReplicaSet.",
          "zh-cn": "它们运行 CoreDNS 镜像，属于一个 ReplicaSet。",
        },
      },
    );
    await p.step("kubectl get deployment coredns -n kube-system", {
      expect: that(
        {
          en: `the Deployment coredns is READY ${names.length}/${names.length}: as many ready replicas as there are Pods above`,
          "zh-cn": `Deployment coredns 的 READY 为 ${names.length}/${names.length}：就绪副本数与上面的 Pod 数相同`,
        },
        (o) => new RegExp(`^coredns\\s+${names.length}/${names.length}\\s`, "m").test(o),
      ),
      note: {
        en: "A Deployment named coredns has that many replicas, all ready: cluster DNS runs as an ordinary workload.",
        "zh-cn": "名为 coredns 的 Deployment 正好有这么多副本，全部就绪：集群 DNS 就是作为一个普通的工作负载运行的。",
      },
    });
    await p.step("kubectl get configmap coredns -n kube-system -o jsonpath='{.data.Corefile}'", {
      expect: that(
        {
          en: "a kubernetes plugin block serves cluster.local, and no etcd plugin is configured",
          "zh-cn": "有一个 kubernetes 插件块负责 cluster.local，且没有配置 etcd 插件",
        },
        (o) => /^\s*kubernetes cluster\.local\b/m.test(o) && !/^\s*etcd\b/m.test(o),
      ),
      note: {
        en: "Its configuration: the kubernetes plugin answers for cluster.local from the API; there is no etcd plugin, no database of its own. (cache and ttl set how long answers may be reused.)",
        "zh-cn": "它的配置：kubernetes 插件根据 API 应答 cluster.local 的查询；没有 etcd 插件，也没有自己的数据库。（cache 和 ttl 决定应答可以被复用多久。）",
      },
    });
    await p.step("kubectl describe clusterrole system:coredns", {
      expect: that(
        {
          en: "the role grants list and watch on services and on endpointslices.discovery.k8s.io",
          "zh-cn": "这个角色授予对 services 和 endpointslices.discovery.k8s.io 的 list 和 watch 权限",
        },
        (o) =>
          /^\s*endpointslices\.discovery\.k8s\.io\s+\[\]\s+\[\]\s+\[list watch\]/m.test(o) &&
          /^\s*services\s+\[\]\s+\[\]\s+\[list watch\]/m.test(o),
      ),
      note: {
        en: "What CoreDNS may read: it lists and watches Services and EndpointSlices through the API server, and answers from that in-memory view.",
        "zh-cn": "CoreDNS 被允许读取的内容：它通过 API server list 并 watch Service 和 EndpointSlice，根据内存中的这份视图应答。",
      },
    });
  },
});
