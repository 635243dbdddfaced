import { defineProof, that } from "#proof";

export default defineProof({
  title: {
    en: "Pod Security Admission at baseline rejects a privileged Pod and only warns about restricted",
    "zh-cn": "baseline 级别的 Pod Security Admission 拒绝特权 Pod，对 restricted 只发出警告",
  },
  async run(p) {
    await p.step(`kubectl label namespace ${p.namespace} pod-security.kubernetes.io/enforce=baseline pod-security.kubernetes.io/warn=restricted`, {
      expect: `namespace/${p.namespace} labeled`,
      note: {
        en: "Enforce the baseline level in this namespace, and warn about anything below restricted.",
        "zh-cn": "在这个命名空间强制执行 baseline 级别，并对不满足 restricted 的内容发出警告。",
      },
    });
    await p.step("kubectl run privileged --image=docker.io/library/busybox:1.35.0 --privileged -- sleep 3600", {
      expect:
        'Error from server (Forbidden): pods "privileged" is forbidden: violates PodSecurity "baseline:latest": privileged (container "privileged" must not set securityContext.privileged=true)',
      exitCode: "nonzero",
      note: {
        en: "A privileged container is refused at creation by the PodSecurity admission plugin: the Pod is never stored.",
        "zh-cn": "特权容器在创建时就被 PodSecurity 准入插件拒绝：这个 Pod 根本没有被存储。",
      },
    });
    await p.step("kubectl get pods", { expect: `No resources found in ${p.namespace} namespace.` });
    await p.step("kubectl apply -f pod.yaml", {
      expect: that(
        {
          en: 'a warning that the Pod would violate PodSecurity "restricted:latest", runAsNonRoot != true among the reasons, and pod/plain created',
          "zh-cn": '警告这个 Pod 会违反 PodSecurity "restricted:latest"，原因中包括 runAsNonRoot != true；并且 pod/plain 已创建',
        },
        (out) => /^Warning: would violate PodSecurity "restricted:latest": .*runAsNonRoot != true/m.test(out) && /^pod\/plain created$/m.test(out),
      ),
      note: {
        en: "A Pod without privileges is accepted under baseline, even running as root; the warn label lists what restricted would have refused.",
        "zh-cn": "没有特权的 Pod 在 baseline 下被接受，即使以 root 运行；warn 标签列出了 restricted 级别会拒绝的项。",
      },
    });
  },
});
