import { defineProof, that } from "#proof";

const expectedNames = [
  "container_cpu_usage_seconds_total",
  "container_memory_usage_bytes",
  "container_memory_working_set_bytes",
  "container_spec_cpu_quota",
  "container_spec_memory_limit_bytes",
];

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
      expect: that(
        { en: `the names include ${expectedNames.join(", ")}`, "zh-cn": `名称中包括 ${expectedNames.join("、")}` },
        (out) => {
          const names = out.split("\n");
          return expectedNames.every((n) => names.includes(n));
        },
      ),
      note: {
        en: "The names of the series labelled with this Pod: CPU, memory, limits and more, from the kernel's cgroup accounting that cAdvisor reads.",
        "zh-cn": "带有这个 Pod 标签的序列名称：CPU、内存、限制等等，来自 cAdvisor 读取的内核 cgroup 统计。",
      },
    });
    await p.step(`kubectl get --raw /api/v1/nodes/${node}/proxy/metrics/cadvisor | grep -E '^container_(memory_usage_bytes|spec_memory_limit_bytes)\\{.*${ours}'`, {
      until: true,
      timeout: 60,
      expect: that(
        {
          en: 'container_memory_usage_bytes of container="app" is above 0; container_spec_memory_limit_bytes is 1.6777216e+07 for container="app" and for a series with container="" and image=""',
          "zh-cn": 'container="app" 的 container_memory_usage_bytes 大于 0；container="app" 以及一条 container="" 且 image="" 的序列，其 container_spec_memory_limit_bytes 为 1.6777216e+07',
        },
        (out) => {
          const lines = out.split("\n");
          return (
            lines.some((l) => /^container_memory_usage_bytes\{container="app",/.test(l) && Number(/\} ([0-9.e+]+)/.exec(l)?.[1]) > 0) &&
            lines.some((l) => /^container_spec_memory_limit_bytes\{container="app",/.test(l) && /\} 1\.6777216e\+07$/.test(l)) &&
            lines.some((l) => /^container_spec_memory_limit_bytes\{container="",id="[^"]*",image="",/.test(l) && /\} 1\.6777216e\+07$/.test(l))
          );
        },
      ),
      note: {
        en: "Memory in use by the container app, and its 16Mi limit from pod.yaml (16777216 bytes). Each series is labelled with the container, Pod and namespace; the one with container=\"\" and no image is the Pod's cgroup as a whole, which has the same limit.",
        "zh-cn": "容器 app 正在使用的内存，以及 pod.yaml 中为它设置的 16Mi 限制（16777216 字节）。每条序列都带有容器、Pod 和命名空间标签；container=\"\" 且没有 image 的那条对应整个 Pod 的 cgroup，限制相同。",
      },
    });
  },
});
