import { defineProof, that } from "#proof";

/** The cluster IP in `ip -o addr` output: an interface line carrying it, e.g. "… inet 10.96.0.1/32 …". */
const carries = (out: string, ip: string) => out.split("\n").filter((l) => l.includes(` ${ip}/`));

export default defineProof({
  title: {
    en: "kube-proxy reports the proxy mode it runs in; in that mode, no interface of the node carries a cluster IP",
    "zh-cn": "kube-proxy 报告它所用的代理模式；在这种模式下，节点上没有哪个网卡带着集群 IP",
  },
  async run(p) {
    await p.step("kubectl apply -f probe.yaml", { expect: "pod/probe created" });
    await p.step("kubectl wait --for=condition=Ready pod/probe --timeout=120s", { expect: "pod/probe condition met" });
    await p.step("kubectl get pod probe -o jsonpath='{.status.podIP} {.status.hostIP}'", {
      expect: that(
        { en: "two IPv4 addresses, the same twice: the Pod's IP is its node's", "zh-cn": "两个相同的 IPv4 地址：Pod 的 IP 就是它所在节点的 IP" },
        (out) => /^(\d+\.\d+\.\d+\.\d+) \1$/.test(out),
      ),
      note: {
        en: "A hostNetwork Pod gets no IP of its own: it shares the node's network namespace, and its status reports the node's address.",
        "zh-cn": "hostNetwork 的 Pod 没有自己的 IP：它与节点共用网络命名空间，状态里报告的是节点的地址。",
      },
    });
    const mode = await p.step("kubectl exec probe -- timeout 5 wget -qO- http://127.0.0.1:10249/proxyMode", {
      expect: /^(iptables|nftables|ipvs)$/,
      note: {
        en: "kube-proxy serves its mode at /proxyMode on its metrics address; a Pod in the node's network namespace can read it.",
        "zh-cn": "kube-proxy 在其 metrics 地址的 /proxyMode 上报告自己的模式；处在节点网络命名空间里的 Pod 可以读取它。",
      },
    });
    // /configz serves kube-proxy's configuration as JSON on one line; grep keeps its mode field. The key is
    // "Mode" where kube-proxy serves its internal configuration type, "mode" where it serves the versioned one.
    await p.step(`kubectl exec probe -- sh -c 'timeout 5 wget -qO- http://127.0.0.1:10249/configz | grep -oi "\\"mode\\":\\"[a-z]*\\""'`, {
      expect: that(
        {
          en: `the configuration's mode is ${mode.output}, the mode /proxyMode reported`,
          "zh-cn": `配置中的 mode 是 ${mode.output}，与 /proxyMode 报告的模式一致`,
        },
        (out) => out === `"mode":"${mode.output}"` || out === `"Mode":"${mode.output}"`,
      ),
      note: {
        en: "On the same address, /configz serves the configuration kube-proxy loaded at start (its config file and flags, defaults filled in). The mode this cluster's kube-proxy was configured with is the one it reports.",
        "zh-cn": "同一地址上的 /configz 给出 kube-proxy 启动时载入的配置（配置文件和命令行参数，并补上了默认值）。本集群的 kube-proxy 配置的模式，正是它报告的那个模式。",
      },
    });
    const clusterIP = await p.step("kubectl get service kubernetes -n default -o jsonpath='{.spec.clusterIP}'", { expect: /^\d+\.\d+\.\d+\.\d+$/ });
    await p.step("kubectl exec probe -- ip -o addr", {
      expect: that(
        mode.output === "ipvs"
          ? { en: `the interface kube-ipvs0 carries ${clusterIP.output}`, "zh-cn": `网卡 kube-ipvs0 带着 ${clusterIP.output}` }
          : { en: `the node has IPv4 addresses, and no interface carries ${clusterIP.output}`, "zh-cn": `节点有 IPv4 地址，但没有哪个网卡带着 ${clusterIP.output}` },
        (out) =>
          mode.output === "ipvs"
            ? carries(out, clusterIP.output).some((l) => /^\d+:\s+kube-ipvs0\s/.test(l))
            : out.includes("inet ") && carries(out, clusterIP.output).length === 0,
      ),
      note: {
        en: "The node's addresses, seen from its network namespace. In iptables and nftables mode a cluster IP exists only in kube-proxy's rules, which rewrite packets sent to it; in ipvs mode kube-proxy also binds every cluster IP to a dummy interface, kube-ipvs0.",
        "zh-cn": "从节点的网络命名空间看到的地址。在 iptables 和 nftables 模式下，集群 IP 只存在于 kube-proxy 的规则里，由规则改写发往它的数据包；在 ipvs 模式下，kube-proxy 还会把每个集群 IP 绑到一个虚拟网卡 kube-ipvs0 上。",
      },
    });
  },
});
