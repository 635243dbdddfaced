import { defineProof } from "#proof";

const waiting = (pod: string) => `kubectl get pod ${pod} -o jsonpath='{.status.containerStatuses[0].state.waiting.reason}'`;

export default defineProof({
  title: {
    en: "A private registry refuses a Pod without credentials; with an imagePullSecret the same image is pulled",
    "zh-cn": "私有镜像仓库拒绝没有凭据的 Pod；加上 imagePullSecret，同一个镜像就能拉取",
  },
  // A real registry that requires a password: the local cluster runs one (scripts/cluster/local/registry.ts).
  needs: ["private-registry"],
  async run(p) {
    await p.step("kubectl apply -f without-secret.yaml", { expect: "pod/without-secret created" });
    await p.step(waiting("without-secret"), {
      until: true,
      timeout: 60,
      expect: /^(ErrImagePull|ImagePullBackOff)$/,
      note: { en: "The container never starts: its image cannot be pulled.", "zh-cn": "容器一直起不来：镜像拉不下来。" },
    });
    await p.step("kubectl get events --field-selector involvedObject.name=without-secret,reason=Failed -o jsonpath='{.items[0].message}'", {
      expect: /authorization failed: no basic auth credentials$/,
      note: {
        en: "Why, in the kubelet's words: the registry answered and asked for credentials, and the Pod brought none.",
        "zh-cn": "原因，用 kubelet 的原话说：镜像仓库有应答，要求提供凭据，而这个 Pod 没有带。",
      },
    });
    await p.step("kubectl create secret docker-registry regcred --docker-server=10.200.0.2:5000 --docker-username=proven --docker-password=proven-demo-password", {
      expect: "secret/regcred created",
      note: {
        en: "The registry's demo account, as a Secret of type kubernetes.io/dockerconfigjson.",
        "zh-cn": "把镜像仓库的演示账号存成 kubernetes.io/dockerconfigjson 类型的 Secret。",
      },
    });
    await p.step("kubectl apply -f with-secret.yaml", { expect: "pod/with-secret created" });
    await p.step("kubectl wait --for=condition=Ready pod/with-secret --timeout=120s", {
      expect: "pod/with-secret condition met",
      note: { en: "Same image, same node, now with imagePullSecrets: it runs.", "zh-cn": "同一个镜像、同一个节点，加上 imagePullSecrets 之后就跑起来了。" },
    });
    await p.step("kubectl get pod with-secret -o jsonpath='{.status.containerStatuses[0].imageID}'", {
      expect: /^10\.200\.0\.2:5000\/proven\/hello@sha256:[0-9a-f]{64}$/,
      note: {
        en: "The image ID names the private registry and the digest it served.",
        "zh-cn": "镜像 ID 里写着这个私有仓库和它给出的摘要。",
      },
    });
    await p.step("kubectl exec with-secret -- cat /hello.txt", {
      expect: "pulled from the private registry",
      note: {
        en: "A file that only the registry's copy of the image has: nothing else on the node could have supplied it.",
        "zh-cn": "这个文件只有仓库里的那份镜像才有：节点上没有别的来源能提供它。",
      },
    });
    await p.step(waiting("without-secret"), {
      expect: /^(ErrImagePull|ImagePullBackOff)$/,
      note: {
        en: "The first Pod is still refused: the kubelet pulls with the credentials of the Pod that asks, and this one, retrying with imagePullPolicy Always, has none.",
        "zh-cn": "第一个 Pod 仍然被拒：kubelet 拉镜像时用的是发起请求的那个 Pod 的凭据，而这个 Pod（imagePullPolicy 为 Always，一直在重试）没有凭据。",
      },
    });
  },
});
