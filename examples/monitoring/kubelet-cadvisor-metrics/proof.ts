import { defineProof } from "#proof";

export default defineProof({
  title: {
    en: "The kubelet's built-in cAdvisor serves container metrics at /metrics/cadvisor",
    "zh-cn": "kubelet 内置的 cAdvisor 在 /metrics/cadvisor 提供容器指标",
  },
  async run(p) {
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/demo created" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    const { output: node } = await p.step("kubectl get pod demo -o jsonpath='{.spec.nodeName}'", { expect: /^\S+$/ });
    const ours = `namespace="${p.namespace}",pod="demo"`;
    await p.step(`kubectl get --raw /api/v1/nodes/${node}/proxy/metrics/cadvisor | grep '${ours}' | cut -d'{' -f1 | sort -u`, {
      until: true,
      timeout: 60,
      expect: (out) => {
        const names = out.split("\n");
        return ["container_cpu_usage_seconds_total", "container_memory_usage_bytes", "container_memory_working_set_bytes", "container_spec_cpu_quota", "container_spec_memory_limit_bytes"].every((n) => names.includes(n));
      },
      note: {
        en: "The names of the series labelled with this Pod: CPU, memory, limits and more, from the kernel's cgroup accounting that cAdvisor reads.",
        "zh-cn": "带有这个 Pod 标签的序列名称：CPU、内存、限制等等，来自 cAdvisor 读取的内核 cgroup 统计。",
      },
    });
    await p.step(`kubectl get --raw /api/v1/nodes/${node}/proxy/metrics/cadvisor | grep -E '^container_(memory_usage_bytes|spec_memory_limit_bytes)\\{.*${ours}'`, {
      until: true,
      timeout: 60,
      expect: (out) =>
        out.split("\n").some((l) => /^container_memory_usage_bytes\{container="app",/.test(l) && Number(/\} ([0-9.e+]+)/.exec(l)?.[1]) > 0) &&
        out.split("\n").some((l) => /^container_spec_memory_limit_bytes\{container="app",/.test(l) && /\} 1\.6777216e\+07$/.test(l)),
      note: {
        en: "Memory in use by the container app, and its 16Mi limit from pod.yaml (16777216 bytes). Each series is labelled with the container, Pod and namespace; the series with container=\"\" are the Pod's cgroup as a whole.",
        "zh-cn": "容器 app 正在使用的内存，以及 pod.yaml 中为它设置的 16Mi 限制（16777216 字节）。每条序列都带有容器、Pod 和命名空间标签；container=\"\" 的序列对应整个 Pod 的 cgroup。",
      },
    });
  },
});
