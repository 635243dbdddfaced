import { defineProof } from "#proof";

// Generated inline: a manifest the API server refuses cannot be kept as a file that is dry-run first.
const tooBig = `kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: too-big
spec:
  containers:
    - name: app
      image: docker.io/library/busybox:1.35.0
      command: ["sleep", "3600"]
      resources:
        limits:
          cpu: "1"
EOF`;

export default defineProof({
  title: {
    en: "A container limit above a LimitRange's max is rejected; the max also becomes the default",
    "zh-cn": "超过 LimitRange max 的容器 limit 会被拒绝；max 同时成为默认值",
  },
  async run(p) {
    await p.step("kubectl apply -f limitrange.yaml", { expect: "limitrange/cpu-max created" });
    await p.step(tooBig, {
      exitCode: "nonzero",
      expect: /Error from server \(Forbidden\): .*pods "too-big" is forbidden: maximum cpu usage per Container is 500m, but limit is 1/,
      note: {
        en: "A limit of 1 CPU is above the 500m maximum: the API server refuses the Pod at creation.",
        "zh-cn": "1 个 CPU 的 limit 超过了 500m 的上限：API server 在创建时就拒绝这个 Pod。",
      },
    });
    await p.step("kubectl get limitrange cpu-max -o jsonpath='{.spec.limits[0]}'", {
      expect: '{"default":{"cpu":"500m"},"defaultRequest":{"cpu":"500m"},"max":{"cpu":"500m"},"type":"Container"}',
      note: {
        en: "Only max was written, yet the stored LimitRange has default and defaultRequest too: the API server defaults the default limit to max, and the default request to the default limit.",
        "zh-cn": "只写了 max，存下来的 LimitRange 却还有 default 和 defaultRequest：API server 把默认 limit 设为 max，再把默认 request 设为默认 limit。",
      },
    });
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/plain created" });
    await p.step("kubectl get pod plain -o jsonpath='{.spec.containers[0].resources}'", {
      expect: '{"limits":{"cpu":"500m"},"requests":{"cpu":"500m"}}',
      note: {
        en: "So a container that sets no CPU is given the maximum as both limit and request.",
        "zh-cn": "所以没有声明 CPU 的容器会得到上限值，既作 limit 也作 request。",
      },
    });
  },
});
