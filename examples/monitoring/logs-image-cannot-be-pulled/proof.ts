import { defineProof, that } from "#proof";

export default defineProof({
  title: {
    en: "A container whose image cannot be pulled has no log: kubectl logs says why, the Pod's events say what failed",
    "zh-cn": "镜像拉取不到的容器没有日志：kubectl logs 说明原因，Pod 的事件说明哪里失败了",
  },
  async run(p) {
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/unpulled created" });
    await p.step("kubectl get pod unpulled -o jsonpath='{.status.containerStatuses[0].state.waiting.reason}'", {
      until: true,
      timeout: 120,
      expect: /^(ErrImagePull|ImagePullBackOff)$/,
      note: {
        en: "The container waits: the pull failed (ErrImagePull), and between attempts the kubelet backs off (ImagePullBackOff).",
        "zh-cn": "容器处于等待状态：拉取失败（ErrImagePull），kubelet 在两次尝试之间退避（ImagePullBackOff）。",
      },
    });
    await p.step("kubectl logs unpulled", {
      exitCode: 1,
      expect: /^Error from server \(BadRequest\): container "app" in pod "unpulled" is waiting to start: (image can't be pulled|trying and failing to pull image)$/,
      note: {
        en: "No container was ever created, so there is no log to read. The kubelet's message follows the waiting reason: \"image can't be pulled\" for ErrImagePull, \"trying and failing to pull image\" for ImagePullBackOff.",
        "zh-cn": "容器从未被创建，也就没有日志可读。kubelet 的提示随等待原因而变：ErrImagePull 时是 \"image can't be pulled\"，ImagePullBackOff 时是 \"trying and failing to pull image\"。",
      },
    });
    await p.step("kubectl get events --field-selector involvedObject.name=unpulled,reason=Failed -o jsonpath='{range .items[*]}{.message}{\"\\n\"}{end}'", {
      until: true,
      timeout: 60,
      expect: that(
        {
          en: 'a Failed event that names the image, "Failed to pull image \\"docker.io/library/busybox:0.0.0-does-not-exist\\"", with the runtime\'s reason after it',
          "zh-cn": '有一条 Failed 事件点名这个镜像：Failed to pull image "docker.io/library/busybox:0.0.0-does-not-exist"，后面跟着容器运行时给出的原因',
        },
        (o) => o.split("\n").some((line) => line.startsWith('Failed to pull image "docker.io/library/busybox:0.0.0-does-not-exist": ')),
      ),
      note: {
        en: "Where to look instead: the Pod's events carry the runtime's own reason (a tag that does not exist, a registry that cannot be reached, a refused login). Ours cannot reach any registry, so its reason differs from the one on a connected cluster; the event's shape is the same.",
        "zh-cn": "真正该看的是 Pod 的事件：其中带有容器运行时给出的原因（标签不存在、连不上镜像仓库、登录被拒）。我们的集群连不上任何镜像仓库，所以原因和联网集群上看到的不同，但事件的格式一样。",
      },
    });
  },
});
