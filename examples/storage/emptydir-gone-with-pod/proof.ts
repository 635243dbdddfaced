import { defineProof, that } from "#proof";

const podOf = "kubectl get pods -l app.kubernetes.io/name=cache -o jsonpath='{.items[*].metadata.name}'";

export default defineProof({
  title: {
    en: "An emptyDir is gone with its Pod: the replacement Pod starts with an empty one",
    "zh-cn": "emptyDir 随 Pod 一起消失：替代的 Pod 拿到的是空目录",
  },
  async run(p) {
    await p.step("kubectl apply -f deployment.yaml", { expect: "deployment.apps/cache created" });
    await p.step("kubectl rollout status deployment/cache --timeout=120s", { expect: /successfully rolled out/ });
    const { output: first } = await p.step(podOf, {
      expect: /^cache-[a-z0-9]+-[a-z0-9]+$/,
      note: { en: "The Deployment's one Pod.", "zh-cn": "Deployment 的唯一一个 Pod。" },
    });
    await p.step(`kubectl exec ${first} -- sh -c 'echo cached by ${first} > /cache/entry; ls /cache'`, { expect: "entry" });
    await p.step(`kubectl delete pod ${first}`, {
      expect: new RegExp(`^pod "${first}" deleted`),
      note: {
        en: "Delete the Pod. Its emptyDir is removed from the node with it; the ReplicaSet creates a replacement.",
        "zh-cn": "删除 Pod。它的 emptyDir 随之从节点上删除；ReplicaSet 会创建一个替代的 Pod。",
      },
    });
    await p.step("kubectl rollout status deployment/cache --timeout=120s", { expect: /successfully rolled out/ });
    const { output: second } = await p.step(podOf, {
      until: true,
      expect: that(
        { en: `one Pod, cache-…, not ${first}`, "zh-cn": `一个 Pod，名为 cache-…，不是 ${first}` },
        (out) => /^cache-[a-z0-9]+-[a-z0-9]+$/.test(out) && out !== first,
      ),
      note: { en: "A new Pod with a different name.", "zh-cn": "一个名字不同的新 Pod。" },
    });
    await p.step(`kubectl exec ${second} -- ls -A /cache`, {
      expect: "",
      note: {
        en: "The replacement Pod's emptyDir is a new, empty directory: the file written in the old Pod did not carry over.",
        "zh-cn": "替代 Pod 的 emptyDir 是一个新的空目录：旧 Pod 里写的文件没有带过来。",
      },
    });
  },
});
