import { defineProof, that } from "#proof";

export default defineProof({
  title: {
    en: "A Pod with hostname and subdomain gets a DNS name of its own under a headless Service",
    "zh-cn": "设置了 hostname 和 subdomain 的 Pod，在 headless Service 下有自己的 DNS 名称",
  },
  async run(p) {
    const fqdn = `db-0.db.${p.namespace}.svc.cluster.local`;
    await p.step("kubectl apply -f client.yaml -f db.yaml", {
      expect: "pod/client created\npod/primary created\nservice/db created",
    });
    await p.step("kubectl wait --for=condition=Ready pod/client pod/primary --timeout=120s", {
      expect: "pod/client condition met\npod/primary condition met",
    });
    const ip = await p.step("kubectl get pod primary -o jsonpath='{.status.podIP}'", { expect: /^\d+\.\d+\.\d+\.\d+$/ });
    await p.step("kubectl exec primary -- hostname", {
      expect: "db-0",
      note: { en: "Inside, the Pod named primary has the host name db-0.", "zh-cn": "名为 primary 的 Pod，内部的主机名是 db-0。" },
    });
    await p.step("kubectl get endpointslice -l kubernetes.io/service-name=db -o jsonpath='{range .items[*].endpoints[*]}{.hostname} {.addresses[0]} {.targetRef.name}{\"\\n\"}{end}'", {
      until: true,
      timeout: 60,
      expect: `db-0 ${ip.output} primary`,
      note: {
        en: "The headless Service's EndpointSlice carries the Pod's hostname with its address: that is what CoreDNS builds the record from.",
        "zh-cn": "headless Service 的 EndpointSlice 连同地址一起记录了 Pod 的 hostname：CoreDNS 正是据此生成记录。",
      },
    });
    await p.step(`kubectl exec client -- nslookup -type=a ${fqdn}`, {
      until: true,
      timeout: 60,
      expect: that(
        { en: `the name resolves to one address, the Pod's IP ${ip.output}`, "zh-cn": `这个名称解析为一个地址，即 Pod 的 IP ${ip.output}` },
        (o) => o.includes(`Name:\t${fqdn}\nAddress: ${ip.output}`) && [...o.matchAll(/^Address: /gm)].length === 1,
      ),
      note: {
        en: "<hostname>.<subdomain>.<namespace>.svc.cluster.local resolves to that Pod's IP, and only to it.",
        "zh-cn": "<hostname>.<subdomain>.<namespace>.svc.cluster.local 解析为该 Pod 的 IP，且只有这一个。",
      },
    });
  },
});
