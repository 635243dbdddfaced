import { defineProof } from "#proof";

export default defineProof({
  title: {
    en: "Two containers of one Pod share files through a volume",
    "zh-cn": "同一 Pod 的两个容器通过卷共享文件",
  },
  async run(p) {
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/demo created" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    await p.step("kubectl exec demo -c writer -- sh -c 'echo hello from the writer > /out/message'", {
      note: {
        en: "The writer container writes a file into the volume, mounted at /out in that container.",
        "zh-cn": "writer 容器把文件写进卷里，该卷在这个容器中挂载在 /out。",
      },
    });
    await p.step("kubectl exec demo -c reader -- cat /in/message", {
      expect: "hello from the writer",
      note: {
        en: "The reader container sees the same file at its own mount path, /in: it is one directory mounted into both containers.",
        "zh-cn": "reader 容器在它自己的挂载路径 /in 下看到同一个文件：这是挂载进两个容器的同一个目录。",
      },
    });
    await p.step("kubectl exec demo -c reader -- touch /in/reply", {
      exitCode: "nonzero",
      expect: /Read-only file system/,
      note: {
        en: "Each mount has its own options: the reader mounted the volume readOnly, so it can read but not write.",
        "zh-cn": "每个挂载点有自己的选项：reader 以 readOnly 方式挂载该卷，所以只能读不能写。",
      },
    });
  },
});
