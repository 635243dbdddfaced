import { defineProof, that } from "#proof";

const MiB = 1024 * 1024;
// The container's memory usage as its cgroup counts it: memory.current on cgroup v2, memory.usage_in_bytes on v1.
const usage =
  "kubectl exec demo -- sh -c 'cat /sys/fs/cgroup/memory.current 2>/dev/null || cat /sys/fs/cgroup/memory/memory.usage_in_bytes'";
// Pages of tmpfs files (and other shared memory) charged to the container's cgroup.
const shmem =
  "kubectl exec demo -- sh -c 'grep \"^shmem \" /sys/fs/cgroup/memory.stat 2>/dev/null || grep \"^shmem \" /sys/fs/cgroup/memory/memory.stat'";
const terminated = (pod: string) =>
  `kubectl get pod ${pod} -o jsonpath='{.status.phase} {.status.containerStatuses[0].state.terminated.reason} {.status.containerStatuses[0].state.terminated.exitCode}'`;

export default defineProof({
  title: {
    en: "Files in a memory-backed emptyDir count against the container's memory limit",
    "zh-cn": "内存型 emptyDir 里的文件计入容器的内存 limit",
  },
  async run(p) {
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/demo created" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    const { output: before } = await p.step(usage, {
      expect: that(
        { en: "a number of bytes below 32Mi (33554432)", "zh-cn": "一个小于 32Mi（33554432）的字节数" },
        (out) => /^\d+$/.test(out) && Number(out) < 32 * MiB,
      ),
      note: {
        en: "The container's memory usage in bytes, as its cgroup (the thing the limit is enforced on) counts it: a sleeping shell uses little.",
        "zh-cn": "容器的内存用量（字节），按它的 cgroup（limit 正是施加在 cgroup 上的）统计：一个在 sleep 的 shell 用不了多少。",
      },
    });
    await p.step("kubectl exec demo -- dd if=/dev/zero of=/scratch/data bs=1M count=64", {
      expect: /64\+0 records out/,
      note: { en: "Write a 64Mi file into the memory-backed emptyDir.", "zh-cn": "往内存型 emptyDir 里写一个 64Mi 的文件。" },
    });
    await p.step(usage, {
      expect: that(
        {
          en: `usage is at least 64Mi (67108864 bytes), and it grew by between 56Mi and 72Mi since the first reading (${before})`,
          "zh-cn": `用量至少 64Mi（67108864 字节），比第一次读数（${before}）增加了 56Mi 到 72Mi`,
        },
        (out) => {
          const growth = Number(out) - Number(before);
          return /^\d+$/.test(out) && Number(out) >= 64 * MiB && growth > 56 * MiB && growth < 72 * MiB;
        },
      ),
      note: {
        en: "Usage grew by about 64Mi: the file's pages are memory charged to this container, although no process holds them. (The shell's own pages may shrink meanwhile, so the growth is not exact.)",
        "zh-cn": "用量增加了约 64Mi：文件占用的页面就是记在这个容器账上的内存，尽管没有任何进程持有它们。（同时 shell 自己的页面可能被回收一些，所以增量不是精确值。）",
      },
    });
    await p.step(shmem, {
      expect: that(
        { en: "shmem is at least 64Mi (67108864 bytes) and under 65Mi", "zh-cn": "shmem 至少 64Mi（67108864 字节），且不到 65Mi" },
        (out) => {
          const bytes = Number(/^shmem (\d+)$/.exec(out)?.[1]);
          return bytes >= 64 * MiB && bytes < 65 * MiB;
        },
      ),
      note: {
        en: "The cgroup's own breakdown names them: shmem, the pages of tmpfs files, holds the 64Mi file.",
        "zh-cn": "cgroup 自己的明细说明了这些页面是什么：shmem，即 tmpfs 文件的页面，装的就是那个 64Mi 的文件。",
      },
    });
    await p.step("kubectl apply -f fill-memory.yaml -f fill-disk.yaml", {
      expect: "pod/fill-memory created\npod/fill-disk created",
      note: {
        en: "Two Pods with the same 128Mi limit each write 200Mi with dd as their only process: one into a memory-backed emptyDir, one into a disk-backed one.",
        "zh-cn": "两个 Pod，内存 limit 都是 128Mi，唯一的进程都是用 dd 写 200Mi：一个写进内存型 emptyDir，一个写进磁盘型的。",
      },
    });
    await p.step(terminated("fill-memory"), {
      until: true,
      timeout: 120,
      expect: "Failed OOMKilled 137",
      note: {
        en: "Past the limit the write does not fail with \"disk full\": the kernel's OOM killer ends the container (reason OOMKilled, exit code 137 = 128 + SIGKILL).",
        "zh-cn": "超过 limit 后，写入并不是以“磁盘已满”失败：内核的 OOM killer 直接结束了容器（原因 OOMKilled，退出码 137 = 128 + SIGKILL）。",
      },
    });
    await p.step(terminated("fill-disk"), {
      until: true,
      timeout: 120,
      expect: "Succeeded Completed 0",
      note: {
        en: "The same 200Mi written to the node's disk completes under the same limit: only the memory medium turns files into memory.",
        "zh-cn": "同样的 200Mi 写到节点磁盘上，在同样的 limit 下顺利完成：只有内存介质才会把文件变成内存占用。",
      },
    });
    await p.step("kubectl logs fill-disk", { expect: /200\+0 records out/ });
  },
});
