import { defineProof } from "#proof";

// Generated inline: a manifest the API server refuses cannot be kept as a file that is dry-run first.
const twoContainers = `kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: two-containers
spec:
  containers:
    - name: a
      image: docker.io/library/busybox:1.35.0
      command: ["sleep", "3600"]
      resources:
        limits:
          memory: 200Mi
    - name: b
      image: docker.io/library/busybox:1.35.0
      command: ["sleep", "3600"]
      resources:
        limits:
          memory: 200Mi
EOF`;

export default defineProof({
  title: {
    en: "A Pod-level LimitRange max bounds the sum over the Pod's containers",
    "zh-cn": "Pod 级别的 LimitRange max 限制的是 Pod 内所有容器之和",
  },
  async run(p) {
    await p.step("kubectl apply -f limitrange.yaml", { expect: "limitrange/pod-max created" });
    await p.step(twoContainers, {
      exitCode: "nonzero",
      expect: /Error from server \(Forbidden\): .*pods "two-containers" is forbidden: maximum memory usage per Pod is 256Mi, but limit is 400Mi/,
      note: {
        en: "Each container's 200Mi is below 256Mi, but together they ask for 400Mi: rejected.",
        "zh-cn": "每个容器的 200Mi 都低于 256Mi，但合起来是 400Mi：被拒绝。",
      },
    });
    await p.step("kubectl apply -f pod.yaml", {
      expect: "pod/one-container created",
      note: { en: "A single container with the same 200Mi limit is accepted.", "zh-cn": "同样 200Mi limit 的单个容器被接受。" },
    });
  },
});
