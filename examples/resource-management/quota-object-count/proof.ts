import { defineProof } from "#proof";

export default defineProof({
  title: {
    en: "A ResourceQuota on object counts rejects the create that would exceed it",
    "zh-cn": "对象数量的 ResourceQuota 会拒绝超出配额的创建请求",
  },
  async run(p) {
    await p.step("kubectl apply -f quota.yaml", { expect: "resourcequota/counts created" });
    await p.step("kubectl get resourcequota counts", {
      until: true,
      timeout: 60,
      expect: /^NAME\s+REQUEST\s+LIMIT\s+AGE\ncounts\s+count\/configmaps: 1\/2, pods: 0\/2\s+\S+$/,
      note: {
        en: "Polled until the quota controller has counted what exists: one ConfigMap already.",
        "zh-cn": "轮询到配额控制器统计完已有对象为止：已经有一个 ConfigMap 了。",
      },
    });
    await p.step("kubectl get configmaps -o name", {
      expect: "configmap/kube-root-ca.crt",
      note: {
        en: "It is kube-root-ca.crt, which Kubernetes puts in every namespace: it counts against count/configmaps like any other.",
        "zh-cn": "它是 Kubernetes 放进每个命名空间的 kube-root-ca.crt：它和其他 ConfigMap 一样计入 count/configmaps。",
      },
    });
    await p.step("kubectl create configmap settings --from-literal=mode=blue", { expect: "configmap/settings created" });
    await p.step("kubectl create configmap extra --from-literal=mode=green", {
      exitCode: "nonzero",
      expect: /configmaps "extra" is forbidden: exceeded quota: counts, requested: count\/configmaps=1, used: count\/configmaps=2, limited: count\/configmaps=2$/,
    });
    await p.step("kubectl apply -f pods.yaml", { expect: "pod/one created\npod/two created" });
    await p.step("kubectl run three --image=docker.io/library/busybox:1.35.0 --restart=Never -- sleep 3600", {
      exitCode: "nonzero",
      expect: /^Error from server \(Forbidden\): pods "three" is forbidden: exceeded quota: counts, requested: pods=1, used: pods=2, limited: pods=2$/,
      note: {
        en: "The third Pod would make three: refused at creation, with what was requested, used and allowed.",
        "zh-cn": "第三个 Pod 会使数量变成三个：创建时被拒绝，错误里给出请求量、已用量和上限。",
      },
    });
    await p.step("kubectl get resourcequota counts", {
      expect: /^NAME\s+REQUEST\s+LIMIT\s+AGE\ncounts\s+count\/configmaps: 2\/2, pods: 2\/2\s+\S+$/,
    });
  },
});
