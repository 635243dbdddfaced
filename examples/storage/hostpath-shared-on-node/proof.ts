import { defineProof, that } from "#proof";

export default defineProof({
  title: {
    en: "Two Pods on the same node share files through a hostPath directory, which outlives them",
    "zh-cn": "同一节点上的两个 Pod 通过 hostPath 目录共享文件，这个目录比 Pod 活得久",
  },
  async run(p) {
    // Also on failure: remove the node directory (the cleanup Pod is idempotent; it already ran on success).
    p.cleanup(
      `kubectl -n ${p.namespace} delete pod writer reader --ignore-not-found --wait=true && ` +
        `kubectl -n ${p.namespace} apply -f cleanup.yaml && ` +
        `kubectl -n ${p.namespace} wait --for=jsonpath='{.status.phase}'=Succeeded pod/cleanup --timeout=60s`,
    );
    await p.step("kubectl apply -f writer.yaml", { expect: "pod/writer created" });
    await p.step("kubectl wait --for=condition=Ready pod/writer --timeout=120s", { expect: "pod/writer condition met" });
    await p.step("kubectl exec writer -- sh -c 'echo written by $(hostname) > /shared/note; ls -l /shared'", {
      expect: /^total \d+\n-rw-r--r-- +1 root +root .* note$/,
      note: {
        en: "The kubelet created /tmp/storage-hostpath-shared-on-node on the node (type DirectoryOrCreate); the writer puts a file in it.",
        "zh-cn": "kubelet 在节点上创建了 /tmp/storage-hostpath-shared-on-node（type 为 DirectoryOrCreate）；writer 往里面写了一个文件。",
      },
    });
    await p.step("kubectl apply -f reader.yaml", { expect: "pod/reader created" });
    await p.step("kubectl wait --for=condition=Ready pod/reader --timeout=120s", { expect: "pod/reader condition met" });
    await p.step("kubectl get pods writer reader -o jsonpath='{range .items[*]}{.metadata.name} {.spec.nodeName}{\"\\n\"}{end}'", {
      expect: that(
        { en: "writer and reader run on the same node", "zh-cn": "writer 和 reader 运行在同一个节点上" },
        (out) => {
          const [w, r, ...more] = out.split("\n").map((l) => l.split(" "));
          return more.length === 0 && w?.[0] === "writer" && r?.[0] === "reader" && !!w[1] && w[1] === r[1];
        },
      ),
      note: { en: "Both Pods run on the same node.", "zh-cn": "两个 Pod 运行在同一个节点上。" },
    });
    await p.step("kubectl exec reader -- cat /shared/note", {
      expect: "written by writer",
      note: {
        en: "Another Pod mounting the same node path sees the writer's file.",
        "zh-cn": "另一个挂载同一节点路径的 Pod 看得到 writer 写的文件。",
      },
    });
    await p.step("kubectl delete pod writer reader", {
      expect: /^pod "writer" deleted.*\npod "reader" deleted/,
    });
    await p.step("kubectl apply -f cleanup.yaml", { expect: "pod/cleanup created" });
    await p.step("kubectl wait --for=jsonpath='{.status.phase}'=Succeeded pod/cleanup --timeout=120s", {
      expect: "pod/cleanup condition met",
    });
    await p.step("kubectl logs cleanup", {
      expect: "written by writer\nremoved /tmp/storage-hostpath-shared-on-node",
      note: {
        en: "With both Pods gone the file is still on the node: a hostPath directory belongs to the node, not to any Pod, and nothing removes it for you. The cleanup Pod prints it, then deletes the directory.",
        "zh-cn": "两个 Pod 都删掉了，文件还在节点上：hostPath 目录属于节点而不属于任何 Pod，不会有人替你删掉它。清理用的 Pod 先把它打印出来，再删除该目录。",
      },
    });
  },
});
