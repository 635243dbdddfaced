import { defineProof, that } from "#proof";

const status =
  "kubectl get pod app -o custom-columns=UID:.metadata.uid,IP:.status.podIP,RESTARTS:.status.containerStatuses[0].restartCount,CONTAINER:.status.containerStatuses[0].containerID,LAST_EXIT:.status.containerStatuses[0].lastState.terminated.exitCode";
/** The one row of the table, without its header: [uid, ip, restarts, containerID, last exit code]. */
const row = (output: string) => (output.split("\n")[1] ?? "").trim().split(/\s+/);

export default defineProof({
  title: {
    en: "A Pod keeps its IP when its container restarts",
    "zh-cn": "容器重启时，Pod 的 IP 保持不变",
  },
  async run(p) {
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/app created" });
    await p.step("kubectl wait --for=condition=Ready pod/app --timeout=120s", { expect: "pod/app condition met" });
    const before = await p.step(status, {
      expect: that(
        {
          en: "the Pod has a UID, an IPv4 address and a container ID; RESTARTS is 0 and there is no LAST_EXIT yet (<none>)",
          "zh-cn": "Pod 有 UID、IPv4 地址和容器 ID；RESTARTS 为 0，还没有 LAST_EXIT（<none>）",
        },
        (o) => {
          const [u, i, r, c, exit] = row(o);
          return /^[0-9a-f-]{36}$/.test(u ?? "") && /^\d+\.\d+\.\d+\.\d+$/.test(i ?? "") && r === "0" && /^\S+:\/\/\S+$/.test(c ?? "") && exit === "<none>";
        },
      ),
      note: { en: "The Pod's UID, IP and its container's ID.", "zh-cn": "Pod 的 UID、IP 以及容器 ID。" },
    });
    const [uid, ip, , container] = row(before.output);
    await p.step("kubectl exec app -- killall sleep", {
      // The exec can die with the container it stops (137); the next steps check what the kill did.
      exitCode: [0, 137],
      note: {
        en: "End the container's main process with an error: the kubelet starts a new container in the same Pod.",
        "zh-cn": "让容器主进程以错误退出：kubelet 会在同一个 Pod 里启动一个新容器。",
      },
    });
    await p.step("kubectl get pod app -o jsonpath='{.status.containerStatuses[0].restartCount}'", {
      until: true,
      expect: "1",
    });
    await p.step("kubectl wait --for=condition=Ready pod/app --timeout=120s", { expect: "pod/app condition met" });
    await p.step(status, {
      expect: that(
        {
          en: `same UID (${uid}) and same IP (${ip}) as before; RESTARTS is 1, the container ID is a new one, and LAST_EXIT is a non-zero exit code`,
          "zh-cn": `UID（${uid}）和 IP（${ip}）都与之前相同；RESTARTS 为 1，容器 ID 是新的，LAST_EXIT 是一个非零的退出码`,
        },
        (o) => {
          const [u, i, r, c, exit] = row(o);
          return u === uid && i === ip && r === "1" && c !== container && /^\S+:\/\/\S+$/.test(c ?? "") && /^[1-9]\d*$/.test(exit ?? "");
        },
      ),
      note: {
        en: "The first container exited with an error (LAST_EXIT); the new container (different ID) runs in the same Pod (same UID) with the same IP: the Pod's sandbox, which holds the network namespace, was kept.",
        "zh-cn": "第一个容器以错误退出（LAST_EXIT）；新容器（ID 不同）运行在同一个 Pod 里（UID 相同），IP 也相同：持有网络命名空间的 Pod 沙箱被保留了下来。",
      },
    });
  },
});
