import { defineProof, that } from "#proof";

const status =
  "kubectl get pod app -o custom-columns=UID:.metadata.uid,IP:.status.podIP,RESTARTS:.status.containerStatuses[0].restartCount,READY:.status.containerStatuses[0].ready";
/** The one row of the table, without its header: [uid, ip, restarts, ready]. */
const row = (output: string) => (output.split("\n")[1] ?? "").trim().split(/\s+/);
const ipv4 = /^\d+\.\d+\.\d+\.\d+$/;

export default defineProof({
  title: {
    en: "When the kubelet re-creates a Pod's sandbox, the same Pod gets a new IP",
    "zh-cn": "kubelet 重建 Pod 沙箱后，同一个 Pod 拿到了新的 IP",
  },
  async run(p) {
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/app created" });
    await p.step("kubectl wait --for=condition=Ready pod/app --timeout=120s", { expect: "pod/app condition met" });
    const before = await p.step(status, {
      expect: that(
        {
          en: "the Pod has a UID and an IPv4 address; RESTARTS is 0 and the container is ready",
          "zh-cn": "Pod 有 UID 和 IPv4 地址；RESTARTS 为 0，容器已就绪",
        },
        (o) => {
          const [u, i, r, ready] = row(o);
          return /^[0-9a-f-]{36}$/.test(u ?? "") && ipv4.test(i ?? "") && r === "0" && ready === "true";
        },
      ),
    });
    const [uid, ip] = row(before.output);
    await p.step("kubectl exec app -- ps -o pid,user,args", {
      expect: that(
        {
          en: "PID 1 is /pause, run by the same user (65534, nobody) as the container's sh",
          "zh-cn": "PID 1 是 /pause，运行它的用户（65534，nobody）与容器里的 sh 相同",
        },
        (o) => /^\s*1\s+(65534|nobody)\s+\/pause\s*$/m.test(o) && /^\s*\d+\s+(65534|nobody)\s+sh -c/m.test(o),
      ),
      note: {
        en: "With a shared process namespace the container sees the sandbox's pause process, which holds the Pod's namespaces, as PID 1.",
        "zh-cn": "共享进程命名空间后，容器能看到沙箱的 pause 进程（它持有 Pod 的各个命名空间），它就是 PID 1。",
      },
    });
    await p.step("kubectl exec app -- kill 1", {
      // Killing the namespace's PID 1 kills every process in it, the exec's own included (137).
      exitCode: [0, 137],
      note: {
        en: "Stop the sandbox's pause process, as a crash of the runtime's sandbox or a node reboot would. When a PID namespace's first process ends, the kernel kills every other process in it: the container dies with it.",
        "zh-cn": "停掉沙箱的 pause 进程，就像运行时的沙箱崩溃或节点重启那样。一个 PID 命名空间的 1 号进程结束时，内核会杀掉其中所有其他进程：容器也随之终止。",
      },
    });
    await p.step("kubectl events --for pod/app", {
      until: true,
      timeout: 60,
      expect: /SandboxChanged\s+.*Pod sandbox changed, it will be killed and re-created\./,
      note: {
        en: "The kubelet finds the Pod without a ready sandbox and creates a new one.",
        "zh-cn": "kubelet 发现这个 Pod 没有就绪的沙箱，于是创建一个新的。",
      },
    });
    await p.step(status, {
      until: true,
      timeout: 90,
      expect: that(
        {
          en: `same UID (${uid}); an IPv4 address other than ${ip}; RESTARTS is 1 or more and the container is ready`,
          "zh-cn": `UID 相同（${uid}）；IPv4 地址不再是 ${ip}；RESTARTS 至少为 1，容器已就绪`,
        },
        (o) => {
          const [u, i, r, ready] = row(o);
          return u === uid && ipv4.test(i ?? "") && i !== ip && Number(r) >= 1 && ready === "true";
        },
      ),
      note: {
        en: "The same Pod (same UID), with its container started again in the new sandbox — and a new IP: the network plugin set up a new network namespace and handed out another address. A Pod's IP lives as long as its sandbox, not as long as the Pod. RESTARTS may read 2: when the kubelet sees the container's exit before the sandbox's, it first tries to start the container in the dead sandbox (event Failed: failed to load sandbox task), and that attempt counts too.",
        "zh-cn": "还是同一个 Pod（UID 相同），容器在新沙箱里重新启动了——IP 却是新的：网络插件为新的网络命名空间分配了另一个地址。Pod 的 IP 与它的沙箱同生共死，而不是与 Pod 同生共死。RESTARTS 也可能是 2：如果 kubelet 先发现容器退出、后发现沙箱退出，它会先尝试在已经死掉的沙箱里启动容器（事件 Failed：failed to load sandbox task），这次尝试也算一次重启。",
      },
    });
  },
});
