import { defineProof, that } from "#proof";

export default defineProof({
  title: {
    en: "A running Pod resolves a Service created after it started; its environment never learns about it",
    "zh-cn": "运行中的 Pod 能解析它启动之后才创建的 Service；它的环境变量却始终不知道这个 Service",
  },
  async run(p) {
    const fqdn = `web.${p.namespace}.svc.cluster.local`;
    await p.step("kubectl apply -f client.yaml", { expect: "pod/client created" });
    await p.step("kubectl wait --for=condition=Ready pod/client --timeout=120s", { expect: "pod/client condition met" });
    await p.step(`kubectl exec client -- nslookup ${fqdn}`, {
      exitCode: "nonzero",
      expect: /NXDOMAIN/,
      note: { en: "The client runs; there is no Service web yet.", "zh-cn": "client 已经在运行；此时还没有名为 web 的 Service。" },
    });
    await p.step("kubectl apply -f web.yaml", { expect: "deployment.apps/web created\nservice/web created" });
    const ip = await p.step("kubectl get service web -o jsonpath='{.spec.clusterIP}'", { expect: /^\d+\.\d+\.\d+\.\d+$/ });
    await p.step(`kubectl exec client -- nslookup ${fqdn}`, {
      until: true,
      timeout: 60,
      expect: that(
        { en: `the name resolves to one address, the Service's cluster IP ${ip.output}`, "zh-cn": `这个名称解析为一个地址，即 Service 的集群 IP ${ip.output}` },
        (o) => o.includes(`Name:\t${fqdn}\nAddress: ${ip.output}`) && [...o.matchAll(/^Address: /gm)].length === 1,
      ),
      note: {
        en: "The same, already running Pod now resolves the new Service to its cluster IP. Not always at once: where CoreDNS caches negative answers (kubeadm's Corefile keeps them up to 30 s), it can repeat its earlier 'no such name' until that expires. The wait line shows how long it took here.",
        "zh-cn": "同一个早已在运行的 Pod 现在能把新 Service 解析为它的集群 IP。但不一定是立刻：如果 CoreDNS 缓存否定应答（kubeadm 的 Corefile 最多缓存 30 秒），在缓存过期之前它可能继续返回先前“查无此名”的应答。这里等了多久，见下方的等待说明。",
      },
    });
    await p.step(`kubectl exec client -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep _SERVICE_HOST='`, {
      expect: /^KUBERNETES_SERVICE_HOST=\S+$/,
      note: {
        en: "Its main process's environment has service variables only for what existed when the container was created: no WEB_SERVICE_HOST.",
        "zh-cn": "它主进程的环境变量只包含容器创建时已有的 Service：没有 WEB_SERVICE_HOST。",
      },
    });
  },
});
