import { defineProof, that } from "#proof";

// The value of one series: `name{labels} value timestamp`, or `name value timestamp` without labels.
const value = (out: string, metric: string, labels = "") =>
  new RegExp(`^${metric}${labels ? `\\{${labels}\\}` : ""} ([0-9.e+-]+)( \\d+)?$`, "m").exec(out)?.[1];

export default defineProof({
  title: {
    en: "The kubelet's /metrics/resource, through the API server's node proxy, measures every container",
    "zh-cn": "通过 API server 的节点代理访问 kubelet 的 /metrics/resource，可以看到每个容器的用量",
  },
  async run(p) {
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/demo created" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    const { output: node } = await p.step("kubectl get pod demo -o jsonpath='{.spec.nodeName}'", {
      expect: /^\S+$/,
      note: { en: "The node the Pod runs on.", "zh-cn": "Pod 所在的节点。" },
    });
    const ours = `container="app",namespace="${p.namespace}",pod="demo"`;
    await p.step(`kubectl get --raw /api/v1/nodes/${node}/proxy/metrics/resource | grep -E '^node_|namespace="${p.namespace}"'`, {
      until: true,
      timeout: 60,
      expect: that(
        {
          en: "container_cpu_usage_seconds_total and container_memory_working_set_bytes of container app, pod_cpu_usage_seconds_total and pod_memory_working_set_bytes of Pod demo, and node_cpu_usage_seconds_total and node_memory_working_set_bytes are all above 0",
          "zh-cn": "容器 app 的 container_cpu_usage_seconds_total 和 container_memory_working_set_bytes、Pod demo 的 pod_cpu_usage_seconds_total 和 pod_memory_working_set_bytes，以及 node_cpu_usage_seconds_total 和 node_memory_working_set_bytes 都大于 0",
        },
        (out) => {
          const pod = `namespace="${p.namespace}",pod="demo"`;
          return (
            Number(value(out, "container_cpu_usage_seconds_total", ours)) > 0 &&
            Number(value(out, "container_memory_working_set_bytes", ours)) > 0 &&
            Number(value(out, "pod_cpu_usage_seconds_total", pod)) > 0 &&
            Number(value(out, "pod_memory_working_set_bytes", pod)) > 0 &&
            Number(value(out, "node_cpu_usage_seconds_total")) > 0 &&
            Number(value(out, "node_memory_working_set_bytes")) > 0
          );
        },
      ),
      note: {
        en: "The API server forwards the request to the kubelet's secure port (it takes permission on nodes/proxy). The kubelet answers in Prometheus text format: cumulative CPU seconds and working-set memory for the node, each Pod and each container, labelled with namespace, Pod and container.",
        "zh-cn": "API server 把请求转发到 kubelet 的安全端口（需要 nodes/proxy 权限）。kubelet 以 Prometheus 文本格式回答：节点、每个 Pod、每个容器累计的 CPU 秒数和工作集内存，带有命名空间、Pod 和容器标签。",
      },
    });
  },
});
