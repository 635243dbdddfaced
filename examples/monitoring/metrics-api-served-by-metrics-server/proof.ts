import { defineProof, that } from "#proof";

interface PodMetrics {
  kind: string;
  metadata: { name: string; namespace: string };
  window: string;
  containers: { name: string; usage: { cpu: string; memory: string } }[];
}

export default defineProof({
  title: {
    en: "The Metrics API (metrics.k8s.io) is served by metrics-server through an APIService",
    "zh-cn": "Metrics API（metrics.k8s.io）由 metrics-server 通过 APIService 提供",
  },
  needs: ["metrics-api"],
  async run(p) {
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/demo created" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    await p.step(
      `kubectl get apiservice v1beta1.metrics.k8s.io -o jsonpath='{.spec.service.namespace}/{.spec.service.name} Available={.status.conditions[?(@.type=="Available")].status}'`,
      {
        expect: "kube-system/metrics-server Available=True",
        note: {
          en: "The API server does not compute metrics itself: this APIService tells it to proxy the group metrics.k8s.io/v1beta1 to the Service metrics-server in kube-system (API aggregation), and that service answers.",
          "zh-cn": "API server 自己并不计算指标：这个 APIService 让它把 metrics.k8s.io/v1beta1 组的请求代理给 kube-system 中的 metrics-server Service（API 聚合），而该服务正在应答。",
        },
      },
    );
    await p.step(`kubectl get --raw /apis/metrics.k8s.io/v1beta1/namespaces/${p.namespace}/pods/demo`, {
      until: true,
      timeout: 120,
      expect: that(
        {
          en: "a PodMetrics for demo, with a window in s or ms; for container app, cpu is a positive number of nanocores (n) and memory a positive number of Ki",
          "zh-cn": "demo 的 PodMetrics，窗口以 s 或 ms 为单位；容器 app 的 cpu 是正的纳核数（n），memory 是正的 Ki 数",
        },
        (out) => {
          const m = JSON.parse(out) as PodMetrics;
          const c = m.containers.find((x) => x.name === "app");
          return (
            m.kind === "PodMetrics" &&
            m.metadata.name === "demo" &&
            /^[0-9.]+m?s$/.test(m.window) &&
            /^[1-9]\d*n$/.test(c?.usage.cpu ?? "") &&
            /^[1-9]\d*Ki$/.test(c?.usage.memory ?? "")
          );
        },
      ),
      note: {
        en: "The Pod's metrics, once metrics-server has scraped the kubelet (polled until then): one sample per container, CPU as a rate over the window (in nanocores), memory as the working set. No history, only the latest sample.",
        "zh-cn": "metrics-server 抓取过 kubelet 之后（在此之前一直轮询）就有了这个 Pod 的指标：每个容器一个样本，CPU 是该时间窗口内的速率（单位纳核），内存是工作集。没有历史，只有最新的样本。",
      },
    });
  },
});
