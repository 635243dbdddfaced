import { defineProof, that } from "#proof";

// The local cluster's static Pod directory (scripts/cluster/paths.ts; kubeadm's is /etc/kubernetes/manifests).
const manifest = "/var/lib/k8s-proven/local/manifests/static-demo.yaml";
// A static Pod's API object, its mirror, is named after the Pod and the node: the local cluster's one node.
const mirror = "pod/static-demo-proven-control-plane";
const environ = `kubectl exec ${mirror} -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep MODE'`;
// The static Pod's own UID (a hash of the manifest: the config.hash annotation), the mirror object's UID, the container.
const identity = `kubectl get ${mirror} -o jsonpath='{.metadata.annotations.kubernetes\\.io/config\\.hash} {.metadata.uid} {.status.containerStatuses[0].containerID} {.status.containerStatuses[0].restartCount}'`;

export default defineProof({
  title: {
    en: "A static Pod's environment comes from the manifest file on the node: edit the file and the kubelet replaces the Pod; delete its API object and nothing stops",
    "zh-cn": "静态 Pod 的环境变量来自节点上的清单文件：改文件，kubelet 就替换这个 Pod；删它的 API 对象，什么也不会停",
  },
  // Writes into the kubelet's static Pod directory on the node: this project's local cluster, whose node is this machine.
  needs: ["local-provider"],
  async run(p) {
    p.cleanup(`rm -f ${manifest}`);
    await p.step(
      `cat > ${manifest} <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: static-demo
  namespace: ${p.namespace}
  labels:
    app.kubernetes.io/name: static-demo
spec:
  securityContext:
    runAsNonRoot: true
    runAsUser: 65534
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: app
      image: docker.io/library/busybox:1.35.0
      command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
      env:
        - name: MODE
          value: blue
      securityContext:
        allowPrivilegeEscalation: false
        capabilities:
          drop: ["ALL"]
        readOnlyRootFilesystem: true
EOF`,
      {
        note: {
          en: "No kubectl: the manifest goes into the kubelet's static Pod directory on the node (staticPodPath in its configuration).",
          "zh-cn": "不用 kubectl：清单直接放进节点上 kubelet 的静态 Pod 目录（其配置里的 staticPodPath）。",
        },
      },
    );
    await p.step(`kubectl get ${mirror} -o jsonpath='{.metadata.annotations.kubernetes\\.io/config\\.source} {.metadata.ownerReferences[0].kind} {.status.containerStatuses[0].ready}'`, {
      until: true,
      timeout: 90,
      expect: "file Node true",
      note: {
        en: "The kubelet started the Pod from the file and created a mirror Pod in the API so that kubectl can see it: its source is `file` and its owner is the Node.",
        "zh-cn": "kubelet 按文件启动了 Pod，并在 API 里建了一个镜像 Pod（mirror Pod），好让 kubectl 看得到它：来源是 `file`，属主是 Node。",
      },
    });
    await p.step(environ, { expect: "MODE=blue" });
    const first = await p.step(identity, {
      expect: /^[0-9a-f]{32} \S+ containerd:\/\/[0-9a-f]{64} \d+$/,
      note: {
        en: "The static Pod's UID (a hash of its manifest, so the same file gives the same UID on every run), the mirror object's UID, the container and its restart count.",
        "zh-cn": "静态 Pod 的 UID（清单内容的哈希，所以同一个文件每次得到的 UID 都一样）、镜像对象的 UID、容器及其重启次数。",
      },
    });
    const [hash, mirrorUid, container, firstRestarts] = first.output.split(" ");
    await p.step(`kubectl delete ${mirror}`, {
      expect: /^pod "static-demo-proven-control-plane" deleted/,
      note: {
        en: "Delete the Pod through the API. kubectl waits until the object is gone, and only the kubelet removes a mirror Pod, when it next syncs the static Pod: this can take a minute or more (the step's time is recorded).",
        "zh-cn": "通过 API 删除这个 Pod。kubectl 会等到对象真正消失，而镜像 Pod 只能由 kubelet 在下一次同步这个静态 Pod 时删除：这可能要一分钟甚至更久（步骤耗时已记录）。",
      },
    });
    await p.step(identity, {
      until: true,
      timeout: 60,
      expect: that(
        {
          en: "the same static Pod (config.hash), the same container, the same restart count; a new mirror object (metadata.uid)",
          "zh-cn": "静态 Pod（config.hash）、容器和重启次数都没变；镜像对象是新的（metadata.uid）",
        },
        (out) => {
          const [h, uid, c, restarts] = out.split(" ");
          return h === hash && uid !== mirrorUid && c === container && restarts === firstRestarts;
        },
      ),
      note: {
        en: "The kubelet puts the mirror back (the poll records how soon). The Pod on the node is the same one (its UID is a hash of the manifest, shown in the config.hash annotation), its container the same, not restarted: deleting the API object stopped nothing.",
        "zh-cn": "kubelet 又把镜像 Pod 放了回来（轮询记下了用了多久）。节点上的 Pod 还是原来那个（它的 UID 是清单内容的哈希，见 config.hash 注解），容器也还是那个，没有重启：删除 API 对象什么也没停掉。",
      },
    });
    await p.step(`sed -i 's/value: blue/value: green/' ${manifest}`, {
      note: { en: "Now edit the file on the node.", "zh-cn": "现在修改节点上的文件。" },
    });
    await p.step(environ, {
      until: true,
      timeout: 120,
      expect: "MODE=green",
      note: {
        en: "The kubelet notices the edit (it watches the directory, and re-reads it every 20 seconds) and replaces the Pod: the new process has the new value.",
        "zh-cn": "kubelet 发现了修改（它监视这个目录，并且每 20 秒重读一次），随即替换了 Pod：新进程拿到了新值。",
      },
    });
    await p.step(identity, {
      expect: that(
        { en: "a different config.hash and a different container", "zh-cn": "config.hash 和容器都变了" },
        (out) => {
          const [h, , c] = out.split(" ");
          return /^[0-9a-f]{32}$/.test(h) && h !== hash && c !== container && /^containerd:\/\/[0-9a-f]{64}$/.test(c);
        },
      ),
      note: {
        en: "A different UID and a different container: not a restart of the old Pod, a new Pod.",
        "zh-cn": "UID 变了，容器也变了：不是旧 Pod 重启，而是一个新 Pod。",
      },
    });
    await p.step(`rm ${manifest}`, { note: { en: "Remove the file…", "zh-cn": "删掉文件……" } });
    await p.step(`kubectl wait --for=delete ${mirror} --timeout=90s`, {
      expect: /^pod\/static-demo-proven-control-plane condition met$|^$/,
      note: { en: "…and the kubelet stops the Pod and deletes its mirror.", "zh-cn": "……kubelet 就停掉 Pod，并删除它的镜像 Pod。" },
    });
  },
});
