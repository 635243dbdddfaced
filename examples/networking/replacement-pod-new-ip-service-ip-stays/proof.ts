import { defineProof, tableRows as rows, that } from "#proof";

/** A custom-columns table; its rows are [name, uid, ip, ready]. */
const pods =
  "kubectl get pods -l app.kubernetes.io/name=web -o custom-columns=NAME:.metadata.name,UID:.metadata.uid,IP:.status.podIP,READY:.status.containerStatuses[0].ready";
const clusterIP = "kubectl get service web -o jsonpath='{.spec.clusterIP}'";

export default defineProof({
  title: {
    en: "A replacement Pod is a new Pod with its own IP; the Service's cluster IP stays and leads to it",
    "zh-cn": "替代 Pod 是有自己 IP 的新 Pod；Service 的集群 IP 不变，并且通往新 Pod",
  },
  async run(p) {
    await p.step("kubectl apply -f client.yaml -f web.yaml", {
      expect: "pod/client created\ndeployment.apps/web created\nservice/web created",
    });
    await p.step("kubectl rollout status deployment/web --timeout=120s", { expect: /successfully rolled out/ });
    await p.step("kubectl wait --for=condition=Ready pod/client --timeout=120s", { expect: "pod/client condition met" });
    const before = await p.step(pods, {
      expect: that({ en: "one Pod, ready", "zh-cn": "一个 Pod，已就绪" }, (o) => rows(o).length === 1 && rows(o)[0][3] === "true"),
      note: { en: "One Pod behind the Service: its name, UID and IP.", "zh-cn": "Service 后面有一个 Pod：它的名字、UID 和 IP。" },
    });
    const [oldName, oldUid, oldIp] = rows(before.output)[0];
    const ip = await p.step(clusterIP, {
      expect: /^\d+\.\d+\.\d+\.\d+$/,
      note: { en: "The Service's cluster IP.", "zh-cn": "Service 的集群 IP。" },
    });
    await p.step(`kubectl exec client -- timeout 5 wget -qO- http://${ip.output}/`, {
      until: true,
      timeout: 60,
      expect: oldName,
      note: { en: "A request to the cluster IP is answered by that Pod.", "zh-cn": "发往集群 IP 的请求由这个 Pod 应答。" },
    });
    await p.step(`kubectl delete pod ${oldName}`, {
      expect: new RegExp(`^pod "${oldName}" deleted`),
      note: {
        en: "Delete the Pod; the Deployment's ReplicaSet creates a replacement.",
        "zh-cn": "删除这个 Pod；Deployment 的 ReplicaSet 会创建一个替代的 Pod。",
      },
    });
    const after = await p.step(pods, {
      until: true,
      timeout: 120,
      expect: that(
        {
          en: `one Pod, ready, whose name and UID are not the deleted Pod's (${oldName})`,
          "zh-cn": `一个 Pod，已就绪，名字和 UID 都不是被删除的 Pod（${oldName}）的`,
        },
        (o) => {
          const r = rows(o);
          return r.length === 1 && r[0][0] !== oldName && r[0][1] !== oldUid && r[0][3] === "true";
        },
      ),
      note: {
        en: `The replacement is a new Pod: new name, new UID, and the IP the network plugin handed out this time (the old Pod had ${oldIp}). Nothing reserves an IP for a Pod's successor.`,
        "zh-cn": `替代者是一个新 Pod：新名字、新 UID，IP 是网络插件这次分配的（旧 Pod 是 ${oldIp}）。没有任何机制为后继 Pod 保留 IP。`,
      },
    });
    const [newName, , newIp] = rows(after.output)[0];
    await p.step(`kubectl exec ${newName} -- ip -4 -o addr show dev eth0`, {
      expect: that(
        { en: `eth0 has one IPv4 address, the new Pod's IP ${newIp}`, "zh-cn": `eth0 上只有一个 IPv4 地址，就是新 Pod 的 IP ${newIp}` },
        (o) => o.split("\n").length === 1 && o.includes(` inet ${newIp}/`),
      ),
      note: { en: "Inside the new Pod, that is the address on its interface.", "zh-cn": "在新 Pod 内部，网卡上的地址正是它。" },
    });
    await p.step(clusterIP, {
      expect: ip.output,
      note: { en: "The Service's cluster IP has not changed.", "zh-cn": "Service 的集群 IP 没有变。" },
    });
    await p.step(`kubectl exec client -- timeout 5 wget -qO- http://${ip.output}/`, {
      until: true,
      timeout: 60,
      expect: newName,
      note: {
        en: "The same cluster IP now leads to the replacement Pod.",
        "zh-cn": "同一个集群 IP 现在通往替代的 Pod。",
      },
    });
  },
});
