import { defineProof, tableRows as rows, that } from "#proof";

const broken = "docker.io/library/busybox:0.0.0-does-not-exist";
const pods =
  "kubectl get pods -l app.kubernetes.io/name=web -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image,READY:.status.containerStatuses[0].ready,WAITING:.status.containerStatuses[0].state.waiting.reason,DELETING:.metadata.deletionTimestamp";
const replicaSets =
  "kubectl get rs -l app.kubernetes.io/name=web -o custom-columns='REVISION:.metadata.annotations.deployment\\.kubernetes\\.io/revision,IMAGE:.spec.template.spec.containers[0].image,DESIRED:.spec.replicas,READY:.status.readyReplicas'";
// 10 s a request: looking the name up can take 5 s by itself when a DNS datagram is lost (the resolver's retry).
const requests = `kubectl exec client -- sh -c 'for i in $(seq 40); do timeout 10 wget -qO- http://web; done | sort | uniq -c'`;
const stuck = that(
  {
    en: "two ReplicaSets: revision 1 (busybox:1.35.0) with 3 desired and 3 ready, revision 2 (busybox:0.0.0-does-not-exist) with 2 desired and none ready",
    "zh-cn": "两个 ReplicaSet：修订版本 1（busybox:1.35.0）期望 3 个、就绪 3 个；修订版本 2（busybox:0.0.0-does-not-exist）期望 2 个、没有就绪的",
  },
  (out) =>
    JSON.stringify(rows(out).sort((a, b) => a[0].localeCompare(b[0]))) ===
    JSON.stringify([["1", "docker.io/library/busybox:1.35.0", "3", "3"], ["2", broken, "2", "<none>"]]),
);

export default defineProof({
  title: {
    en: "A rollout to an image that cannot be pulled stalls with 2 new Pods in ImagePullBackOff, while 3 old Pods keep serving",
    "zh-cn": "上线一个拉取不到的镜像，滚动更新会停住：2 个新 Pod 处于 ImagePullBackOff，3 个旧 Pod 继续提供服务",
  },
  async run(p) {
    await p.step("kubectl apply -f client.yaml -f deployment.yaml -f service.yaml", {
      expect: "pod/client created\ndeployment.apps/web created\nservice/web created",
    });
    await p.step("kubectl rollout status deployment/web --timeout=120s", { expect: /successfully rolled out/ });
    await p.step("kubectl wait --for=condition=Ready pod/client --timeout=120s", { expect: "pod/client condition met" });
    await p.step(requests, { expect: /^\s*40 v1$/ });
    await p.step(`kubectl set image deployment/web web=${broken}`, {
      expect: "deployment.apps/web image updated",
      note: { en: "A tag that does not exist.", "zh-cn": "一个不存在的标签。" },
    });
    await p.step(pods, {
      until: true,
      timeout: 90,
      expect: that(
        {
          en: "of the Pods not being deleted, 3 run busybox:1.35.0, Ready and not waiting, and 2 have busybox:0.0.0-does-not-exist, not Ready and waiting in ErrImagePull or ImagePullBackOff, at least one in ImagePullBackOff; there are no others",
          "zh-cn": "未在删除中的 Pod 里，3 个运行 busybox:1.35.0，Ready 且不在等待；2 个使用 busybox:0.0.0-does-not-exist，未 Ready，等待原因是 ErrImagePull 或 ImagePullBackOff，至少一个是 ImagePullBackOff；没有别的 Pod",
        },
        (out) => {
          const r = rows(out).filter((x) => x[4] === "<none>");
          const old = r.filter((x) => x[1] === "docker.io/library/busybox:1.35.0");
          const fresh = r.filter((x) => x[1] === broken);
          return (
            r.length === 5 &&
            old.length === 3 &&
            old.every((x) => x[2] === "true" && x[3] === "<none>") &&
            fresh.length === 2 &&
            fresh.every((x) => x[2] === "false") &&
            fresh.some((x) => x[3] === "ImagePullBackOff") &&
            fresh.every((x) => x[3] === "ImagePullBackOff" || x[3] === "ErrImagePull")
          );
        },
      ),
      note: {
        en: "Two new Pods cannot start: their image pull fails (ErrImagePull) and the kubelet backs off between attempts (ImagePullBackOff). Three old Pods run and are Ready.",
        "zh-cn": "两个新 Pod 无法启动：镜像拉取失败（ErrImagePull），kubelet 在两次重试之间退避（ImagePullBackOff）。三个旧 Pod 在运行，而且 Ready。",
      },
    });
    await p.step(replicaSets, {
      expect: stuck,
      note: {
        en: "Old ReplicaSet 3, new 2: one surge Pod plus one unavailable Pod's worth — and nothing more until a new Pod becomes available, which a Pod whose image cannot be pulled does not.",
        "zh-cn": "旧 ReplicaSet 3 个，新的 2 个：多出的一个 surge，加上一个允许不可用的名额——在新 Pod 可用之前不会再有动作，而拉不到镜像的 Pod 不会变为可用。",
      },
    });
    await p.step(requests, {
      expect: /^\s*40 v1$/,
      note: { en: "The Service keeps answering, from the old Pods.", "zh-cn": "Service 照常应答，由旧 Pod 提供。" },
    });
    await p.step("kubectl rollout status deployment/web --timeout=10s", {
      exitCode: "nonzero",
      expect: /2 out of 4 new replicas have been updated\.\.\.\nerror: timed out waiting for the condition$/,
    });
    await p.step(replicaSets, {
      expect: stuck,
      note: { en: "Ten seconds later, the same.", "zh-cn": "十秒之后，依然如此。" },
    });
  },
});
