import { defineProof, tableRows as rows, that } from "#proof";

/** A custom-columns table; its rows are [name, ip, ready]. */
const pods =
  "kubectl get pods -l app.kubernetes.io/name=db -o custom-columns=NAME:.metadata.name,IP:.status.podIP,READY:.status.containerStatuses[0].ready";
/** The addresses in busybox nslookup's answers ("Address: 10.244.0.7"; the server's own line has a tab and a port). */
const answers = (output: string) => [...output.matchAll(/^Address: (\S+)$/gm)].map((m) => m[1]).sort();
const same = (a: string[], b: string[]) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
/** The lookup answers with exactly these addresses, one A record each. */
const answersAre = (ips: string[]) =>
  that(
    {
      en: `the A records are exactly ${ips.length === 1 ? "this Pod IP" : `these ${ips.length} Pod IPs`}: ${ips.join(", ")}`,
      "zh-cn": `A 记录正好是${ips.length === 1 ? "这个 Pod IP" : `这 ${ips.length} 个 Pod IP`}：${ips.join("、")}`,
    },
    (o) => same(answers(o), ips),
  );

export default defineProof({
  title: {
    en: "A headless Service's name resolves to the IPs of its ready Pods, and an unready Pod drops out",
    "zh-cn": "headless Service 的名称解析为其就绪 Pod 的 IP，不再就绪的 Pod 会被移出",
  },
  async run(p) {
    const lookup = `kubectl exec client -- nslookup -type=a db.${p.namespace}.svc.cluster.local`;
    await p.step("kubectl apply -f client.yaml -f db.yaml", {
      expect: "pod/client created\ndeployment.apps/db created\nservice/db created",
    });
    await p.step("kubectl rollout status deployment/db --timeout=120s", { expect: /successfully rolled out/ });
    await p.step("kubectl wait --for=condition=Ready pod/client --timeout=120s", { expect: "pod/client condition met" });
    await p.step("kubectl get service db", {
      expect: /^db\s+ClusterIP\s+None\s/m,
      note: { en: "No cluster IP: the Service is headless.", "zh-cn": "没有集群 IP：这是一个 headless Service。" },
    });
    const all = await p.step(pods, {
      expect: that({ en: "three Pods, all ready", "zh-cn": "三个 Pod，全部就绪" }, (o) => rows(o).length === 3 && rows(o).every((r) => r[2] === "true")),
      note: { en: "Three ready Pods and their IPs.", "zh-cn": "三个就绪的 Pod 及其 IP。" },
    });
    const ips = rows(all.output).map((r) => r[1]);
    await p.step(lookup, {
      until: true,
      timeout: 60,
      expect: answersAre(ips),
      note: {
        en: "The Service's name answers with one A record per ready Pod: exactly those three Pod IPs.",
        "zh-cn": "Service 名称的应答是每个就绪 Pod 一条 A 记录：正好是这三个 Pod 的 IP。",
      },
    });
    const [unready, unreadyIp] = rows(all.output)[0];
    await p.step(`kubectl exec ${unready} -- rm /tmp/ready`, {
      note: {
        en: `Make one Pod fail its readiness probe: ${unready}, at ${unreadyIp}.`,
        "zh-cn": `让一个 Pod 的就绪探针失败：${unready}，IP 为 ${unreadyIp}。`,
      },
    });
    await p.step(`kubectl wait --for=condition=Ready=false pod/${unready} --timeout=60s`, {
      expect: `pod/${unready} condition met`,
    });
    await p.step(lookup, {
      until: true,
      timeout: 90,
      expect: answersAre(ips.slice(1)),
      note: {
        en: "Now only the two ready Pods are in the answer. (CoreDNS may serve the previous answer from its cache for up to its TTL, 30 s in kubeadm's Corefile, hence the wait.)",
        "zh-cn": "现在应答里只剩两个就绪的 Pod。（CoreDNS 可能在 TTL 之内从缓存返回之前的应答，kubeadm 的 Corefile 中为 30 秒，所以需要等待。）",
      },
    });
  },
});
