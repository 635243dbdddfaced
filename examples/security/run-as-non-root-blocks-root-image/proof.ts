import { defineProof } from "#proof";

export default defineProof({
  title: {
    en: "runAsNonRoot stops a container whose image would run as root",
    "zh-cn": "runAsNonRoot 会拦下镜像将以 root 运行的容器",
  },
  async run(p) {
    await p.step("kubectl apply -f root-image.yaml -f explicit-uid.yaml", { expect: "pod/root-image created\npod/explicit-uid created" });
    await p.step("kubectl get pod root-image -o jsonpath='{.status.containerStatuses[0].state.waiting.reason}'", {
      until: true,
      timeout: 60,
      expect: "CreateContainerConfigError",
      note: {
        en: "The API server accepted the Pod and the scheduler placed it; the kubelet refuses to create the container.",
        "zh-cn": "API server 接受了这个 Pod，调度器也安排了节点；是 kubelet 拒绝创建容器。",
      },
    });
    const { output: uid } = await p.step("kubectl get pod root-image -o jsonpath='{.metadata.uid}'", { expect: /^[0-9a-f-]{36}$/ });
    await p.step("kubectl get pod root-image -o jsonpath='{.status.containerStatuses[0].state.waiting.message}'", {
      expect: `container has runAsNonRoot and image will run as root (pod: "root-image_${p.namespace}(${uid})", container: app)`,
      note: {
        en: "No UID in the Pod spec, so the kubelet looked at the image's user: root. The check happens before the container exists, so no process ever ran as root.",
        "zh-cn": "Pod spec 中没有指定 UID，于是 kubelet 查看镜像的用户：root。检查发生在容器创建之前，所以从来没有进程以 root 运行过。",
      },
    });
    await p.step("kubectl wait --for=condition=Ready pod/explicit-uid --timeout=120s", {
      expect: "pod/explicit-uid condition met",
      note: {
        en: "With runAsUser: 65534 the same image starts.",
        "zh-cn": "加上 runAsUser: 65534，同一个镜像就能启动。",
      },
    });
    await p.step("kubectl exec explicit-uid -- id -u", { expect: "65534" });
  },
});
