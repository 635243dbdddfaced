import { defineProof } from "#proof";

// The rejected manifest is inline: a file in the folder is dry-run before the proof starts, and on a
// cluster whose default level is baseline it would be refused there.
const hostPathPod = `kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: node-files
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
      volumeMounts:
        - name: host
          mountPath: /host
      securityContext:
        allowPrivilegeEscalation: false
        capabilities:
          drop: ["ALL"]
  volumes:
    - name: host
      hostPath:
        path: /etc
EOF`;

export default defineProof({
  title: {
    en: "Pod Security Admission at baseline rejects a hostPath volume",
    "zh-cn": "baseline 级别的 Pod Security Admission 拒绝 hostPath 卷",
  },
  async run(p) {
    await p.step(`kubectl label namespace ${p.namespace} pod-security.kubernetes.io/enforce=baseline`, {
      expect: `namespace/${p.namespace} labeled`,
    });
    await p.step(hostPathPod, {
      expect: 'Error from server (Forbidden): error when creating "STDIN": pods "node-files" is forbidden: violates PodSecurity "baseline:latest": hostPath volumes (volume "host")',
      exitCode: "nonzero",
      note: {
        en: "Non-root, no privileges, all capabilities dropped, and still refused: a hostPath volume would expose the node's files to the Pod.",
        "zh-cn": "非 root、无特权、丢弃了全部 capability，依然被拒绝：hostPath 卷会把节点上的文件暴露给 Pod。",
      },
    });
    await p.step("kubectl apply -f pod.yaml", {
      expect: "pod/scratch created",
      note: {
        en: "The same Pod with an emptyDir volume is accepted.",
        "zh-cn": "同样的 Pod 换成 emptyDir 卷就被接受了。",
      },
    });
  },
});
