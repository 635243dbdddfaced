import { defineProof, that } from "#proof";

/** The environment the container's main process (PID 1) was started with, one variable a line, sorted. */
const environ = (container: string) => `kubectl exec envs -c ${container} -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | sort'`;
const has = (output: string, ...lines: string[]) => lines.every((l) => output.split("\n").includes(l));
const imagePath = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

export default defineProof({
  title: {
    en: "A container without env still has PATH, HOSTNAME and HOME, from the image and the runtime; a Pod env entry of the same name wins",
    "zh-cn": "没有 env 的容器也有 PATH、HOSTNAME 和 HOME，它们来自镜像和容器运行时；Pod 里同名的 env 条目优先",
  },
  async run(p) {
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/envs created" });
    await p.step("kubectl wait --for=condition=Ready pod/envs --timeout=120s", { expect: "pod/envs condition met" });
    await p.step(environ("plain"), {
      expect: that(
        {
          en: `among the variables: ${imagePath}, HOSTNAME=envs and HOME=/home`,
          "zh-cn": `变量中有 ${imagePath}、HOSTNAME=envs 和 HOME=/home`,
        },
        (o) => has(o, imagePath, "HOSTNAME=envs", "HOME=/home"),
      ),
      note: {
        en: "The container spec sets no variable, yet PID 1 has these. PATH is the busybox image's ENV (its image config); HOSTNAME is the Pod's name, added by the container runtime (containerd's CRI plugin); the KUBERNETES_* lines are the Service variables every container gets.",
        "zh-cn": "容器定义里一个变量都没设，PID 1 却有这些。PATH 来自 busybox 镜像的 ENV（镜像配置）；HOSTNAME 是 Pod 名，由容器运行时（containerd 的 CRI 插件）加上；KUBERNETES_* 这几行是每个容器都会有的 Service 环境变量。",
      },
    });
    await p.step("kubectl exec envs -c plain -- grep '^nobody:' /etc/passwd", {
      expect: "nobody:x:65534:65534:nobody:/home:/bin/false",
      note: {
        en: "HOME comes from the image's own /etc/passwd: the container runs as UID 65534, whose home directory there is /home. The low-level runtime (runc) sets HOME from it when nothing else did.",
        "zh-cn": "HOME 来自镜像自带的 /etc/passwd：容器以 UID 65534 运行，它在那里的主目录是 /home。没有别处设置 HOME 时，底层运行时（runc）就按这一项来设。",
      },
    });
    await p.step(environ("override"), {
      expect: that(
        {
          en: "PATH=/opt/app/bin:/bin, HOSTNAME=from-pod-env and HOME=/tmp, and no other value of PATH, HOSTNAME or HOME",
          "zh-cn": "PATH=/opt/app/bin:/bin、HOSTNAME=from-pod-env、HOME=/tmp，且 PATH、HOSTNAME、HOME 没有别的值",
        },
        (o) => {
          const lines = o.split("\n");
          const named = (n: string) => lines.filter((l) => l.startsWith(`${n}=`));
          return has(o, "PATH=/opt/app/bin:/bin", "HOSTNAME=from-pod-env", "HOME=/tmp") && ["PATH", "HOSTNAME", "HOME"].every((n) => named(n).length === 1);
        },
      ),
      note: {
        en: "The same image with env entries of the same names: the Pod's values replace the image's PATH and the runtime's HOSTNAME, and runc leaves HOME alone because it is set.",
        "zh-cn": "同一个镜像，加上同名的 env 条目：Pod 的值取代了镜像的 PATH 和运行时的 HOSTNAME；HOME 已经有值，runc 也就不再去设它。",
      },
    });
    await p.step("kubectl exec envs -c override -- hostname", {
      expect: "envs",
      note: {
        en: "Only the variable changed: the container's host name (its UTS namespace) is still the Pod's name.",
        "zh-cn": "变的只是这个变量：容器的主机名（它的 UTS 命名空间）仍然是 Pod 名。",
      },
    });
  },
});
