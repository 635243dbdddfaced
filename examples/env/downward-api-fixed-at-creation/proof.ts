import { defineProof } from "#proof";

const environ = `kubectl exec demo -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep -E "^(APP_LABEL|POD_NAME|POD_IP|NODE_NAME)=" | sort'`;

export default defineProof({
  title: {
    en: "A label in an env variable is fixed when the container is created; the same label in a downwardAPI volume follows edits",
    "zh-cn": "放进环境变量的标签在容器创建时就定了；放进 downwardAPI 卷的同一标签会随修改更新",
  },
  async run(p) {
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/demo created" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    const pod = await p.step("kubectl get pod demo -o jsonpath='{.metadata.uid} {.status.podIP} {.spec.nodeName}'", {
      expect: /^[0-9a-f-]{36} \S+ \S+$/,
      note: { en: "The Pod's UID, IP and node, from the API.", "zh-cn": "从 API 读出 Pod 的 UID、IP 和所在节点。" },
    });
    const [uid, ip, node] = pod.output.split(" ");
    const values = (label: string) => [`APP_LABEL=${label}`, `NODE_NAME=${node}`, `POD_IP=${ip}`, "POD_NAME=demo"].join("\n");
    await p.step(environ, { expect: values("blue") });
    await p.step("kubectl exec demo -- cat /etc/podinfo/app", { expect: "blue" });
    await p.step("kubectl label pod demo app=green --overwrite", {
      expect: "pod/demo labeled",
      note: { en: "Change the label on the running Pod.", "zh-cn": "修改运行中 Pod 的标签。" },
    });
    await p.step("kubectl exec demo -- cat /etc/podinfo/app", {
      until: true,
      timeout: 180,
      expect: "green",
      note: {
        en: "The kubelet rewrites the downwardAPI volume file: it now says green.",
        "zh-cn": "kubelet 会重写 downwardAPI 卷里的文件：现在它的内容是 green。",
      },
    });
    await p.step(environ, {
      expect: values("blue"),
      note: {
        en: "The running process's environment still says blue: env values are computed once, when the container is created.",
        "zh-cn": "正在运行的进程的环境里仍然是 blue：环境变量只在容器创建时计算一次。",
      },
    });
    await p.step("kubectl get pod demo -o jsonpath='{.status.containerStatuses[0].restartCount}'", { expect: "0" });
    await p.step("kubectl exec demo -- killall sleep", {
      // The exec can die with the container it stops (137); the next steps check what the kill did.
      exitCode: [0, 137],
      note: {
        en: "Make the main process exit; the kubelet creates a new container in the same Pod.",
        "zh-cn": "让主进程退出；kubelet 会在同一个 Pod 里创建新容器。",
      },
    });
    await p.step("kubectl get pod demo -o jsonpath='{.status.containerStatuses[0].restartCount}'", {
      until: true,
      timeout: 60,
      expect: "1",
    });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    await p.step(environ, {
      expect: values("green"),
      note: {
        en: "The new container got the current label, green; its name, IP and node are the same Pod's as before.",
        "zh-cn": "新容器拿到了当前的标签 green；名字、IP、节点都和之前一样，因为还是同一个 Pod。",
      },
    });
    await p.step("kubectl get pod demo -o jsonpath='{.metadata.uid} {.status.podIP} {.spec.nodeName}'", {
      expect: `${uid} ${ip} ${node}`,
    });
  },
});
