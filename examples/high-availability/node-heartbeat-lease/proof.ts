import { defineProof, that } from "#proof";

/** The first column of a kubectl table, without its header. */
const names = (output: string) =>
  output
    .split("\n")
    .slice(1)
    .filter(Boolean)
    .map((line) => line.trim().split(/\s+/)[0])
    .sort();

/** Lines "holder renewTime" from the watch: at least `lines`, one holder throughout, renewTime advancing by min..max s. */
const renewsEvery = (holder: string, min: number, max: number, lines: number) =>
  that(
    {
      en: `at least ${lines} lines, all naming the holder ${holder}, each renewTime ${min} to ${max} s after the one before`,
      "zh-cn": `至少 ${lines} 行，持有者都是 ${holder}，每个 renewTime 比前一个晚 ${min} 到 ${max} 秒`,
    },
    (output) => {
      const r = output
        .split("\n")
        .filter(Boolean)
        .map((line) => line.trim().split(" "))
        .map(([h, t]) => ({ holder: h, time: Date.parse(t) }));
      if (r.length < lines || r.some((x) => x.holder !== holder || Number.isNaN(x.time))) return false;
      return r.slice(1).every((x, i) => (x.time - r[i].time) / 1000 >= min && (x.time - r[i].time) / 1000 <= max);
    },
  );

export default defineProof({
  title: {
    en: "Every Node has a Lease of its own name in kube-node-lease, renewed by its kubelet every 10 seconds",
    "zh-cn": "每个 Node 在 kube-node-lease 中都有一个同名 Lease，由它的 kubelet 每 10 秒续约一次",
  },
  async run(p) {
    const nodes = await p.step("kubectl get nodes", {
      expect: that({ en: "at least one Node", "zh-cn": "至少有一个 Node" }, (out) => names(out).length >= 1),
    });
    const nodeNames = names(nodes.output);
    await p.step("kubectl get lease -n kube-node-lease", {
      expect: that(
        { en: `the Lease names are exactly the Node names: ${nodeNames.join(", ")}`, "zh-cn": `Lease 的名称正好就是各 Node 的名称：${nodeNames.join("、")}` },
        (out) => JSON.stringify(names(out)) === JSON.stringify(nodeNames),
      ),
      note: {
        en: "The same names: one Lease per Node.",
        "zh-cn": "名称一一对应：每个 Node 一个 Lease。",
      },
    });
    const node = nodeNames[0];
    await p.step(`kubectl get lease ${node} -n kube-node-lease -o yaml`, {
      expect: that(
        {
          en: `holderIdentity is ${node}, leaseDurationSeconds is 40, and the only owner reference is the Node ${node}`,
          "zh-cn": `holderIdentity 为 ${node}，leaseDurationSeconds 为 40，唯一的 ownerReference 是 Node ${node}`,
        },
        (out) =>
          new RegExp(`^ {2}holderIdentity: ${node}$`, "m").test(out) &&
          /^ {2}leaseDurationSeconds: 40$/m.test(out) &&
          new RegExp(`^ {2}ownerReferences:\\n {2}- apiVersion: v1\\n {4}kind: Node\\n {4}name: ${node}\\n {4}uid: \\S+\\n {2}[a-zA-Z]`, "m").test(out),
      ),
      note: {
        en: "The kubelet holds it (holderIdentity is the node name), with a 40-second duration; its owner reference is the Node.",
        "zh-cn": "持有者是 kubelet（holderIdentity 就是节点名），租期 40 秒；它的 ownerReferences 指向这个 Node。",
      },
    });
    await p.step(
      `kubectl get lease ${node} -n kube-node-lease --watch -o jsonpath='{.spec.holderIdentity} {.spec.renewTime}{"\\n"}' --request-timeout=25s`,
      {
        expect: renewsEvery(node, 9.5, 13, 3),
        note: {
          en: "Watched for 25 seconds, renewTime advances about every 10 seconds — a quarter of the 40-second duration. That small write is the node's heartbeat.",
          "zh-cn": "观察 25 秒：renewTime 大约每 10 秒前进一次——正好是 40 秒租期的四分之一。这次小小的写入就是节点的心跳。",
        },
      },
    );
  },
});
