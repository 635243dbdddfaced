import { defineProof, that } from "#proof";

/** The columns of `df -T` output for one mount point. */
const mount = (out: string, path: string) =>
  out
    .split("\n")
    .map((l) => l.trim().split(/\s+/))
    .find((cols) => cols.at(-1) === path) ?? [];

export default defineProof({
  title: {
    en: "A Secret volume is a tmpfs; a ConfigMap volume is on the node's disk",
    "zh-cn": "Secret 卷是 tmpfs；ConfigMap 卷在节点磁盘上",
  },
  async run(p) {
    await p.step("kubectl apply -f secret.yaml -f configmap.yaml -f pod.yaml", {
      expect: "secret/db-credentials created\nconfigmap/app-config created\npod/demo created",
    });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    await p.step("kubectl exec demo -- cat /etc/credentials/password", { expect: "not-on-disk" });
    await p.step("kubectl exec demo -- df -T /etc/credentials /etc/config", {
      expect: that(
        {
          en: "/etc/credentials is a tmpfs; /etc/config is on a filesystem other than tmpfs",
          "zh-cn": "/etc/credentials 是 tmpfs；/etc/config 所在的文件系统不是 tmpfs",
        },
        (out) => {
          const secret = mount(out, "/etc/credentials");
          const config = mount(out, "/etc/config");
          return secret[0] === "tmpfs" && secret[1] === "tmpfs" && config.length === 7 && config[1] !== "tmpfs";
        },
      ),
      note: {
        en: "The kubelet writes the Secret's keys into a tmpfs, so they live in memory and never reach the node's disk. The ConfigMap volume next to it is a directory on the node's disk filesystem.",
        "zh-cn": "kubelet 把 Secret 的键写进一个 tmpfs，它们只在内存里，不会落到节点磁盘上。旁边的 ConfigMap 卷则是节点磁盘文件系统上的一个目录。",
      },
    });
    await p.step("kubectl exec demo -- grep -E ' /etc/(credentials|config) ' /proc/mounts", {
      expect: that(
        {
          en: "two mounts: /etc/credentials, a tmpfs mounted ro, and /etc/config, another filesystem type, mounted ro",
          "zh-cn": "两个挂载：/etc/credentials 是以 ro 挂载的 tmpfs，/etc/config 是另一种文件系统，也以 ro 挂载",
        },
        (out) => {
          const lines = out.split("\n");
          return (
            lines.length === 2 &&
            lines.some((l) => /^tmpfs \/etc\/credentials tmpfs ro[ ,]/.test(l)) &&
            lines.some((l) => /^\S+ \/etc\/config (?!tmpfs )\S+ ro[ ,]/.test(l))
          );
        },
      ),
      note: {
        en: "The mount table says the same, and shows both mounts read-only (ro) although the Pod did not ask for it: the kubelet always mounts Secret and ConfigMap volumes read-only.",
        "zh-cn": "挂载表也是这么记录的，而且两个挂载都是只读（ro）的，尽管 Pod 并没有要求：kubelet 总是以只读方式挂载 Secret 和 ConfigMap 卷。",
      },
    });
  },
});
