import { defineProof, that } from "#proof";

export default defineProof({
  title: {
    en: "A Pod's service account token stops working when the Pod is deleted",
    "zh-cn": "Pod 删除后，它的服务账号令牌随即失效",
  },
  async run(p) {
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/demo created" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    const { output: uid } = await p.step("kubectl get pod demo -o jsonpath='{.metadata.uid}'", { expect: /^[0-9a-f-]{36}$/ });
    await p.step(`kubectl config set-credentials demo-token --token="$(kubectl exec demo -- cat /var/run/secrets/kubernetes.io/serviceaccount/token)"`, {
      expect: 'User "demo-token" set.',
      note: {
        en: "Copy the token out of the running Pod into the kubeconfig, as a user of its own.",
        "zh-cn": "把令牌从运行中的 Pod 里拷贝出来，作为一个单独的用户写进 kubeconfig。",
      },
    });
    await p.step("kubectl auth whoami --user=demo-token", {
      expect: that(
        {
          en: `Username is system:serviceaccount:${p.namespace}:default, pod-name is [demo] and pod-uid is [${uid}]`,
          "zh-cn": `Username 为 system:serviceaccount:${p.namespace}:default，pod-name 为 [demo]，pod-uid 为 [${uid}]`,
        },
        (out) =>
          new RegExp(`^Username\\s+system:serviceaccount:${p.namespace}:default$`, "m").test(out) &&
          /^Extra: authentication\.kubernetes\.io\/pod-name\s+\[demo\]$/m.test(out) &&
          new RegExp(`^Extra: authentication\\.kubernetes\\.io/pod-uid\\s+\\[${uid}\\]$`, "m").test(out),
      ),
      note: {
        en: "Outside the Pod the token works as well: the API server authenticates it as the default ServiceAccount and records which Pod it is bound to.",
        "zh-cn": "在 Pod 之外，这个令牌同样可用：API server 把它认证为 default ServiceAccount，并记下它绑定的是哪个 Pod。",
      },
    });
    await p.step("kubectl delete pod demo", { expect: `pod "demo" deleted from ${p.namespace} namespace` });
    await p.step("kubectl auth whoami --user=demo-token", {
      until: true,
      timeout: 60,
      expect: "error: You must be logged in to the server (Unauthorized)",
      exitCode: "nonzero",
      note: {
        en: "The same token, not expired, is now refused: the API server checks that the Pod named in the token still exists with the same uid. It remembers a successful check for 10 s, hence the short wait.",
        "zh-cn": "同一个令牌并未过期，现在却被拒绝：API server 会检查令牌里写的 Pod 是否仍然存在、uid 是否一致。它会把一次成功的校验结果缓存 10 秒，所以要稍等片刻。",
      },
    });
    await p.step("kubectl config delete-user demo-token", { expect: /^deleted user demo-token from / });
  },
});
