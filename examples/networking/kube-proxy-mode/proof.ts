import { defineProof, that } from "#proof";

export default defineProof({
  title: {
    en: "kube-proxy reports the proxy mode it runs in",
    "zh-cn": "kube-proxy 报告它所用的代理模式",
  },
  async run(p) {
    await p.step("kubectl apply -f probe.yaml", { expect: "pod/probe created" });
    await p.step("kubectl wait --for=condition=Ready pod/probe --timeout=120s", { expect: "pod/probe condition met" });
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
  },
});
