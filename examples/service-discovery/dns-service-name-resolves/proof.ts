import { defineProof, that } from "#proof";

export default defineProof({
  title: {
    en: "A Service's name resolves to its cluster IP: short, with the namespace, and fully qualified",
    "zh-cn": "Service 的名称解析为其集群 IP：短名称、带命名空间的名称和完整域名都可以",
  },
  async run(p) {
    const ns = p.namespace;
    await p.step("kubectl apply -f client.yaml -f web.yaml", {
      expect: "pod/client created\ndeployment.apps/web created\nservice/web created",
    });
    await p.step("kubectl rollout status deployment/web --timeout=120s", { expect: /successfully rolled out/ });
    await p.step("kubectl wait --for=condition=Ready pod/client --timeout=120s", { expect: "pod/client condition met" });
    const ip = await p.step("kubectl get service web -o jsonpath='{.spec.clusterIP}'", { expect: /^\d+\.\d+\.\d+\.\d+$/ });
    const pod = await p.step("kubectl get pods -l app.kubernetes.io/name=web -o jsonpath='{.items[0].metadata.name}'", {
      expect: /^web-\S+$/,
    });
    await p.step("kubectl exec client -- cat /etc/resolv.conf", {
      expect: that(
        {
          en: `the search list starts with ${ns}.svc.cluster.local svc.cluster.local cluster.local, there is an IPv4 nameserver, and the options include ndots:5`,
          "zh-cn": `搜索域以 ${ns}.svc.cluster.local svc.cluster.local cluster.local 开头，有一个 IPv4 的 nameserver，options 中含 ndots:5`,
        },
        (o) =>
          new RegExp(`^search ${ns}\\.svc\\.cluster\\.local svc\\.cluster\\.local cluster\\.local\\b`, "m").test(o) &&
          /^nameserver \d+\.\d+\.\d+\.\d+$/m.test(o) &&
          /^options .*\bndots:5\b/m.test(o),
      ),
      note: {
        en: `The kubelet wrote the Pod's resolver configuration: a nameserver, a search list that starts with the Pod's own namespace (${ns}), and ndots:5, so any name with fewer than five dots is tried with each search suffix first.`,
        "zh-cn": `kubelet 为 Pod 写好了解析配置：一个 nameserver、以 Pod 自己的命名空间（${ns}）开头的搜索域，以及 ndots:5——点少于五个的名称会先依次加上各搜索后缀去查询。`,
      },
    });
    for (const name of ["web", `web.${ns}`, `web.${ns}.svc.cluster.local`]) {
      await p.step(`kubectl exec client -- timeout 5 wget -O- http://${name}/`, {
        until: true,
        timeout: 60,
        expect: that(
          {
            en: `wget connects to ${name} at the Service's cluster IP, ${ip.output}:80, and the answer is ${pod.output}`,
            "zh-cn": `wget 连接 ${name} 时连的是 Service 的集群 IP ${ip.output}:80，应答是 ${pod.output}`,
          },
          (o) => o.includes(`Connecting to ${name} (${ip.output}:80)`) && o.split("\n").includes(pod.output),
        ),
        note:
          name === "web"
            ? {
                en: "wget resolves names like any program, through the C library's resolver: the short name becomes the Service's cluster IP, and the request reaches the Pod behind it.",
                "zh-cn": "wget 和其他程序一样通过 C 库的解析器解析名称：短名称被解析为 Service 的集群 IP，请求到达其后的 Pod。",
              }
            : name === `web.${ns}`
              ? {
                  en: "<service>.<namespace> also works (from any namespace): the svc.cluster.local search suffix completes it.",
                  "zh-cn": "<service>.<namespace> 也可以（在任何命名空间里都行）：搜索后缀 svc.cluster.local 把它补全。",
                }
              : {
                  en: "The fully qualified name <service>.<namespace>.svc.<cluster domain> is the record CoreDNS serves.",
                  "zh-cn": "完整域名 <service>.<namespace>.svc.<集群域名> 就是 CoreDNS 提供的那条记录。",
                },
      });
    }
  },
});
