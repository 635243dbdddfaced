import { defineProof } from "#proof";

export default defineProof({
  title: {
    en: "A Deployment over quota is accepted; its ReplicaSet fails to create the extra Pods",
    "zh-cn": "超出配额的 Deployment 会被接受；是它的 ReplicaSet 创建不了多出的 Pod",
  },
  async run(p) {
    await p.step("kubectl apply -f quota.yaml", { expect: "resourcequota/pods created" });
    await p.step("kubectl get resourcequota pods -o jsonpath='{.status.used.pods} of {.status.hard.pods}'", {
      until: true,
      timeout: 60,
      expect: "0 of 2",
      note: {
        en: "Wait until the quota controller has filled in the quota's status: admission enforces it from then on.",
        "zh-cn": "等配额控制器填好配额的 status：从那时起准入检查才会执行它。",
      },
    });
    await p.step("kubectl apply -f deployment.yaml", {
      expect: "deployment.apps/web created",
      note: {
        en: "Three replicas against a quota of two Pods: the Deployment itself is accepted (it is not a Pod).",
        "zh-cn": "三个副本，配额只有两个 Pod：Deployment 本身被接受（它不是 Pod）。",
      },
    });
    await p.step("kubectl get deployment web -o jsonpath='{.status.readyReplicas} of {.spec.replicas} ready'", {
      until: true,
      timeout: 90,
      expect: "2 of 3 ready",
    });
    await p.step(
      "kubectl get events --field-selector involvedObject.kind=ReplicaSet,reason=FailedCreate -o jsonpath='{.items[0].message}'",
      {
        expect: /^Error creating: pods "web-[a-z0-9]+-[a-z0-9]+" is forbidden: exceeded quota: pods, requested: pods=1, used: pods=2, limited: pods=2$/,
        note: {
          en: "The rejection is reported where the Pod creation failed: FailedCreate events on the ReplicaSet.",
          "zh-cn": "拒绝记录在创建 Pod 失败的地方：ReplicaSet 上的 FailedCreate 事件。",
        },
      },
    );
    await p.step(
      `kubectl get deployment web -o jsonpath='{.status.conditions[?(@.type=="ReplicaFailure")].status} {.status.conditions[?(@.type=="ReplicaFailure")].reason}: {.status.conditions[?(@.type=="ReplicaFailure")].message}'`,
      {
        until: true,
        timeout: 60,
        expect: /^True FailedCreate: pods "web-[a-z0-9]+-[a-z0-9]+" is forbidden: exceeded quota: pods, requested: pods=1, used: pods=2, limited: pods=2$/,
        note: {
          en: "The Deployment surfaces it as condition ReplicaFailure=True, reason FailedCreate, with the quota message.",
          "zh-cn": "Deployment 把它显示为 ReplicaFailure=True 条件，原因 FailedCreate，附带配额的报错信息。",
        },
      },
    );
    await p.step("kubectl get deployment web", {
      expect: /^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nweb\s+2\/3\s+2\s+2\s+\S+$/,
      note: { en: "READY is 2/3: below the desired count.", "zh-cn": "READY 为 2/3：低于期望值。" },
    });
  },
});
