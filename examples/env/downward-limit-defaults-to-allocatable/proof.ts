import { defineProof } from "#proof";

const units: Record<string, number> = { "": 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };

/** A memory quantity as the API prints it (e.g. 24581696Ki) in bytes. */
function bytes(quantity: string): number {
  const m = /^(\d+)(k|[KMGT]i|[MGT])?$/.exec(quantity);
  if (!m) throw new Error(`unexpected memory quantity ${quantity}`);
  return Number(m[1]) * units[m[2] ?? ""];
}

export default defineProof({
  title: {
    en: "A resourceFieldRef to a limit that is not set resolves to the node's allocatable amount",
    "zh-cn": "resourceFieldRef 引用未设置的 limit 时，取值为节点的可分配量（allocatable）",
  },
  async run(p) {
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/demo created" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    await p.step("kubectl get pod demo -o jsonpath='{.spec.containers[0].resources}'", {
      expect: "{}",
      note: { en: "The container has no requests and no limits.", "zh-cn": "这个容器既没有 requests 也没有 limits。" },
    });
    const node = await p.step("kubectl get pod demo -o jsonpath='{.spec.nodeName}'", { expect: /^\S+$/ });
    const alloc = await p.step(`kubectl get node ${node.output} -o jsonpath='{.status.allocatable.memory} {.status.allocatable.cpu}'`, {
      expect: /^\d+(k|[KMGT]i|[MGT])? \d+m?$/,
      note: {
        en: "What the node offers to Pods: its allocatable memory and CPU.",
        "zh-cn": "节点可以分给 Pod 的资源：可分配的内存和 CPU。",
      },
    });
    const [memory, cpu] = alloc.output.split(" ");
    const cores = cpu.endsWith("m") ? Math.ceil(Number(cpu.slice(0, -1)) / 1000) : Number(cpu);
    await p.step(`kubectl exec demo -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep _LIMIT= | sort'`, {
      expect: `CPU_LIMIT=${cores}\nMEM_LIMIT=${bytes(memory)}`,
      note: {
        en: `MEM_LIMIT is the node's allocatable memory (${memory} = ${bytes(memory)} bytes), CPU_LIMIT its allocatable CPU in whole cores — not "unlimited", and not the container's actual usage.`,
        "zh-cn": `MEM_LIMIT 是节点的可分配内存（${memory} = ${bytes(memory)} 字节），CPU_LIMIT 是节点可分配 CPU 的整核数——既不是“无限制”，也不是容器的实际用量。`,
      },
    });
  },
});
