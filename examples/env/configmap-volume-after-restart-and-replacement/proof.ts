import { defineProof, tableRows as rows, that } from "#proof";

/** One row per Pod: [name, uid, ready]. */
const pods = "kubectl get pods -l app.kubernetes.io/name=app -o custom-columns=NAME:.metadata.name,UID:.metadata.uid,READY:.status.containerStatuses[0].ready";
// A Deployment's Pod is named <ReplicaSet>-<suffix>, and the ReplicaSet <Deployment>-<pod template hash>: the
// prefix tells which ReplicaSet, so which template, made the Pod.
const replicaSetOf = (pod: string) => pod.slice(0, pod.lastIndexOf("-"));
const read = (pod: string) => `kubectl exec ${pod} -- cat /etc/app/MODE`;
const container = (pod: string) =>
  `kubectl get pod ${pod} -o jsonpath='{.metadata.uid} {.status.containerStatuses[0].restartCount} {.status.containerStatuses[0].containerID}'`;

export default defineProof({
  title: {
    en: "A mounted ConfigMap shows its current value after a container restart, a Pod replacement and a rollout",
    "zh-cn": "以卷挂载的 ConfigMap，在容器重启、Pod 被替换和上线之后显示的都是当前值",
  },
  async run(p) {
    await p.step("kubectl apply -f configmap.yaml -f deployment.yaml", { expect: "configmap/app-config created\ndeployment.apps/app created" });
    await p.step("kubectl rollout status deployment/app --timeout=120s", { expect: /successfully rolled out/ });
    const first = await p.step(pods, {
      expect: that({ en: "one Pod, READY true", "zh-cn": "只有一个 Pod，READY 为 true" }, (out) => {
        const r = rows(out);
        return r.length === 1 && r[0][2] === "true";
      }),
    });
    const [name, uid] = rows(first.output)[0];
    await p.step(read(name), { expect: "blue" });
    await p.step(`kubectl patch configmap app-config -p '{"data":{"MODE":"green"}}'`, { expect: "configmap/app-config patched" });
    await p.step(read(name), {
      until: true,
      timeout: 120,
      expect: "green",
      note: {
        en: "Wait until the kubelet has rewritten the volume in the running Pod: the next time it syncs the Pod, at the latest on its periodic resync (every 60 to 90 seconds by default).",
        "zh-cn": "等到 kubelet 把运行中 Pod 的卷重写：在它下一次同步这个 Pod 时，最迟是周期性重新同步时（默认每 60 到 90 秒一次）。",
      },
    });

    // 1. A container restart inside the same Pod.
    const { output: before } = await p.step(container(name), {
      expect: new RegExp(`^${uid} 0 containerd://[0-9a-f]{64}$`),
      note: { en: "The Pod's UID, no restart yet, and the container's ID.", "zh-cn": "Pod 的 UID、尚未重启，以及容器 ID。" },
    });
    const oldContainerId = before.split(" ")[2];
    await p.step(`kubectl exec ${name} -- killall sleep`, {
      // The exec can die with the container it stops (137); the next steps check what the kill did.
      exitCode: [0, 137],
      note: {
        en: "Kill the main process's work: the container exits with an error and the kubelet restarts it in the same Pod.",
        "zh-cn": "杀掉主进程的工作进程：容器以错误退出，kubelet 在同一个 Pod 里重启它。",
      },
    });
    await p.step(`kubectl get pod ${name} -o jsonpath='{.status.containerStatuses[0].restartCount}'`, { until: true, expect: "1" });
    await p.step(`kubectl wait --for=condition=Ready pod/${name} --timeout=120s`, { expect: `pod/${name} condition met` });
    await p.step(container(name), {
      expect: that(
        {
          en: "the same Pod UID as before, restartCount 1, and a container ID other than the previous one",
          "zh-cn": "Pod UID 与之前相同，restartCount 为 1，容器 ID 与之前的不同",
        },
        (out) => {
          const [u, count, id, ...rest] = out.split(" ");
          return rest.length === 0 && u === uid && count === "1" && /^containerd:\/\/[0-9a-f]{64}$/.test(id) && id !== oldContainerId;
        },
      ),
      note: {
        en: "Same Pod (same UID), restarted once, a new container ID.",
        "zh-cn": "同一个 Pod（UID 相同），重启了一次，容器 ID 是新的。",
      },
    });
    await p.step(read(name), {
      expect: "green",
      note: {
        en: "The new container sees the current value: it mounts the Pod's volume, which the kubelet has already updated.",
        "zh-cn": "新容器看到的是当前值：它挂载的是这个 Pod 的卷，kubelet 已经更新过它。",
      },
    });

    // 2. The Pod is deleted and the ReplicaSet creates a replacement.
    await p.step(`kubectl delete pod ${name}`, { expect: new RegExp(`^pod "${name}" deleted`) });
    const second = await p.step(pods, {
      until: true,
      timeout: 120,
      expect: that(
        {
          en: `one Pod, READY true; its name and UID differ from the deleted Pod's, its ReplicaSet (the name prefix ${replicaSetOf(name)}) does not`,
          "zh-cn": `只有一个 Pod，READY 为 true；名字和 UID 都与被删的 Pod 不同，所属 ReplicaSet（名字前缀 ${replicaSetOf(name)}）相同`,
        },
        (out) => {
          const r = rows(out);
          return r.length === 1 && r[0][0] !== name && r[0][1] !== uid && replicaSetOf(r[0][0]) === replicaSetOf(name) && r[0][2] === "true";
        },
      ),
      note: {
        en: "The ReplicaSet creates a replacement Pod: new name, new UID.",
        "zh-cn": "ReplicaSet 创建了替代的 Pod：名称和 UID 都是新的。",
      },
    });
    const [replacement, replacementUid] = rows(second.output)[0];
    await p.step(read(replacement), {
      expect: "green",
      note: {
        en: "Read once, without waiting: the replacement's volume was filled from the ConfigMap's current data when the Pod was set up.",
        "zh-cn": "只读一次，不等待：替代 Pod 的卷在 Pod 准备时就按 ConfigMap 当前的数据填好了。",
      },
    });

    // 3. A rollout.
    await p.step("kubectl rollout restart deployment/app", { expect: "deployment.apps/app restarted" });
    await p.step("kubectl rollout status deployment/app --timeout=120s", { expect: /successfully rolled out/ });
    const third = await p.step(pods, {
      until: true,
      timeout: 120,
      expect: that(
        {
          en: `one Pod, READY true; its name and UID differ from both earlier Pods', and so does its ReplicaSet (the name prefix, no longer ${replicaSetOf(name)})`,
          "zh-cn": `只有一个 Pod，READY 为 true；名字和 UID 都与前两个 Pod 不同，所属 ReplicaSet（名字前缀）也不再是 ${replicaSetOf(name)}`,
        },
        (out) => {
          const r = rows(out);
          return (
            r.length === 1 &&
            ![name, replacement].includes(r[0][0]) &&
            ![uid, replacementUid].includes(r[0][1]) &&
            replicaSetOf(r[0][0]) !== replicaSetOf(name) &&
            r[0][2] === "true"
          );
        },
      ),
      note: { en: "The Pod of the new ReplicaSet.", "zh-cn": "新 ReplicaSet 的 Pod。" },
    });
    const [rolled] = rows(third.output)[0];
    await p.step(read(rolled), {
      expect: "green",
      note: {
        en: "Read once, without waiting: the new Pod has the current value.",
        "zh-cn": "只读一次，不等待：新 Pod 拿到的是当前值。",
      },
    });
  },
});
