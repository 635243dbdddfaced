import { defineProof, that } from "#proof";

/** The line of `df -Th` output for one mount point, split into columns. */
const mount = (out: string, path: string) =>
  out
    .split("\n")
    .map((l) => l.trim().split(/\s+/))
    .find((cols) => cols.at(-1) === path) ?? [];

export default defineProof({
  title: {
    en: "An emptyDir with medium: Memory is a tmpfs, sized by the memory limit or sizeLimit",
    "zh-cn": "medium: Memory 的 emptyDir 是 tmpfs，大小由内存 limit 或 sizeLimit 决定",
  },
  async run(p) {
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/demo created" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    await p.step("kubectl exec demo -- df -Th /disk /memory /capped", {
      expect: that(
        {
          en: "/disk is on a filesystem other than tmpfs; /memory is a tmpfs of 64.0M; /capped is a tmpfs of 16.0M",
          "zh-cn": "/disk 所在的文件系统不是 tmpfs；/memory 是 64.0M 的 tmpfs；/capped 是 16.0M 的 tmpfs",
        },
        (out) => {
          const [disk, memory, capped] = ["/disk", "/memory", "/capped"].map((path) => mount(out, path));
          return (
            disk.length === 7 && disk[1] !== "tmpfs" &&
            memory[0] === "tmpfs" && memory[1] === "tmpfs" && memory[2] === "64.0M" &&
            capped[0] === "tmpfs" && capped[1] === "tmpfs" && capped[2] === "16.0M"
          );
        },
      ),
      note: {
        en: "The default emptyDir is a directory on the node's disk filesystem. Both medium: Memory volumes are tmpfs: without sizeLimit the tmpfs is as large as the Pod's memory limit (64Mi), with sizeLimit: 16Mi it is 16Mi.",
        "zh-cn": "默认的 emptyDir 是节点磁盘文件系统上的一个目录。两个 medium: Memory 的卷都是 tmpfs：不设 sizeLimit 时，tmpfs 的大小等于 Pod 的内存 limit（64Mi）；设了 sizeLimit: 16Mi 就是 16Mi。",
      },
    });
    await p.step("kubectl exec demo -- dd if=/dev/zero of=/capped/fill bs=1M count=20", {
      exitCode: "nonzero",
      expect: /No space left on device[\s\S]*16\+0 records out/,
      note: {
        en: "sizeLimit caps the tmpfs: writing 20Mi into the 16Mi volume fails with \"No space left on device\" after 16Mi.",
        "zh-cn": "sizeLimit 限制了 tmpfs 的大小：往 16Mi 的卷里写 20Mi，写满 16Mi 后报 “No space left on device”。",
      },
    });
  },
});
