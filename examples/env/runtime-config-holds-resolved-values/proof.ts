import { defineProof, that } from "#proof";

// The local cluster's containerd: its ctr client and socket (scripts/cluster/local). On a kubeadm node the same
// question is `crictl inspect <id>` (info.runtimeSpec.process.env).
const ctr = "/var/cache/k8s-proven/bin/containerd-v2.4.2/ctr --address /run/k8s-proven/containerd/containerd.sock --namespace k8s.io";
const bundle = "/run/k8s-proven/containerd/io.containerd.runtime.v2.task/k8s.io";

export default defineProof({
  title: {
    en: "The container runtime's configuration on the node holds the resolved values, the Secret's included",
    "zh-cn": "节点上容器运行时的配置里保存着解析后的值，包括 Secret 的值",
  },
  // Reads containerd's records on the node itself: this project's local cluster, whose node is this machine.
  needs: ["local-provider"],
  async run(p) {
    await p.step("kubectl apply -f config.yaml -f pod.yaml", {
      expect: "configmap/app-config created\nsecret/app-secret created\npod/demo created",
    });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    await p.step("kubectl get pod demo -o jsonpath='{.spec.containers[0].env}'", {
      expect: that(
        {
          en: "the stored env names app-config/MODE and app-secret/TOKEN, and contains neither blue nor s3cret-token",
          "zh-cn": "存储下来的 env 指向 app-config/MODE 和 app-secret/TOKEN，其中既没有 blue，也没有 s3cret-token",
        },
        (out) =>
          /"configMapKeyRef":\{"key":"MODE","name":"app-config"\}/.test(out) &&
          /"secretKeyRef":\{"key":"TOKEN","name":"app-secret"\}/.test(out) &&
          !out.includes("blue") &&
          !out.includes("s3cret-token"),
      ),
      note: {
        en: "The Pod object holds references, not values.",
        "zh-cn": "Pod 对象里存的是引用，不是值。",
      },
    });
    const id = await p.step("kubectl get pod demo -o jsonpath='{.status.containerStatuses[0].containerID}' | sed 's|^containerd://||'", {
      expect: /^[0-9a-f]{64}$/,
      note: { en: "The container's ID in containerd.", "zh-cn": "这个容器在 containerd 中的 ID。" },
    });
    await p.step(`${ctr} containers info ${id.output} | jq -r '.Spec.process.env[]' | grep -E '^(MODE|TOKEN)=' | sort`, {
      // ctr may first warn on stderr (containerd ≥ 2.2 on a cgroup v1 host).
      expect: /(^|\n)MODE=blue\nTOKEN=s3cret-token$/,
      note: {
        en: "On the node, as root: containerd's record of the container. Its OCI spec's process.env has the values the kubelet resolved when it created the container — the Secret's value in plain text. Sorted, because the kubelet hands the variables over in no fixed order: it collects them in a Go map, and a soak run saw TOKEN before MODE.",
        "zh-cn": "在节点上以 root 身份查看 containerd 对这个容器的记录：它的 OCI spec 里 process.env 保存着 kubelet 创建容器时解析出的值——Secret 的值也是明文。这里排了序，因为 kubelet 交出变量时没有固定顺序：它用 Go 的 map 收集这些变量，一次反复运行中就出现过 TOKEN 排在 MODE 前面。",
      },
    });
    await p.step(`jq -r '.process.env[]' ${bundle}/${id.output}/config.json | grep -E '^(MODE|TOKEN)=' | sort`, {
      expect: "MODE=blue\nTOKEN=s3cret-token",
      note: {
        en: "The same list in the OCI bundle that the runtime (runc) started the process from: a config.json file on the node, there while the container runs.",
        "zh-cn": "同样的列表也在运行时（runc）据以启动进程的 OCI bundle 里：节点上的一个 config.json 文件，容器运行期间一直在那里。",
      },
    });
    await p.step(`kubectl exec demo -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep -E "^(MODE|TOKEN)=" | sort'`, {
      expect: "MODE=blue\nTOKEN=s3cret-token",
      note: { en: "And the process's own copy.", "zh-cn": "还有进程自己的那一份。" },
    });
  },
});
