import { defineProof } from "#proof";

export default defineProof({
  title: {
    en: "readOnlyRootFilesystem: writes fail outside the mounted volumes",
    "zh-cn": "readOnlyRootFilesystem：在挂载的卷之外写文件会失败",
  },
  async run(p) {
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/demo created" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    await p.step("kubectl exec demo -- grep ' / ' /proc/mounts", {
      expect: /^overlay \/ overlay ro[, ]/,
      note: {
        en: "The container's root filesystem is mounted read-only (ro).",
        "zh-cn": "容器的根文件系统以只读（ro）方式挂载。",
      },
    });
    await p.step("kubectl exec demo -- touch /tmp/x", {
      expect: /^touch: \/tmp\/x: Read-only file system$/m,
      exitCode: "nonzero",
      note: {
        en: "Not even /tmp is writable: it is part of the image's filesystem. The error comes from the kernel (EROFS), whatever the file permissions.",
        "zh-cn": "连 /tmp 也不可写：它属于镜像的文件系统。这个错误来自内核（EROFS），与文件权限无关。",
      },
    });
    await p.step("kubectl exec demo -- sh -c 'echo ok > /scratch/x && cat /scratch/x'", {
      expect: "ok",
      note: {
        en: "A mounted emptyDir volume stays writable: give the application volumes for the places it must write to.",
        "zh-cn": "挂载的 emptyDir 卷仍然可写：应用需要写入的位置，就给它挂卷。",
      },
    });
  },
});
