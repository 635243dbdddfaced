import { defineProof, that } from "#proof";

export default defineProof({
  title: {
    en: "kubectl rolling-update is gone; kubectl rollout drives Deployments, and a ReplicationController still runs but has no rollouts",
    "zh-cn": "kubectl rolling-update 已不存在；kubectl rollout 用于 Deployment，ReplicationController 仍能运行，但没有 rollout 功能",
  },
  async run(p) {
    await p.step("kubectl rolling-update", {
      exitCode: "nonzero",
      expect: 'error: unknown command "rolling-update" for "kubectl"',
      note: {
        en: "The client-side rolling update of ReplicationControllers no longer exists in kubectl.",
        "zh-cn": "kubectl 里已经没有在客户端滚动更新 ReplicationController 的命令了。",
      },
    });
    await p.step("kubectl rollout --help", {
      expect: that(
        {
          en: "the valid resource types include deployments, daemonsets and statefulsets, and the subcommands include history, pause, restart, resume, status and undo",
          "zh-cn": "可用的资源类型包括 deployments、daemonsets 和 statefulsets，子命令包括 history、pause、restart、resume、status 和 undo",
        },
        (out) =>
          /Valid resource types include:\s+\*\s+deployments\s+\*\s+daemonsets\s+\*\s+statefulsets/.test(out) &&
          ["history", "pause", "restart", "resume", "status", "undo"].every((c) => new RegExp(`^\\s+${c}\\s+\\S`, "m").test(out)),
      ),
      note: {
        en: "Its successor works on Deployments, DaemonSets and StatefulSets, whose controllers do the rolling on the server.",
        "zh-cn": "取而代之的命令作用于 Deployment、DaemonSet 和 StatefulSet，由它们的控制器在服务端完成滚动更新。",
      },
    });
    await p.step("kubectl apply -f replicationcontroller.yaml", {
      expect: "replicationcontroller/legacy created",
      note: {
        en: "ReplicationController is still part of the core API (v1)…",
        "zh-cn": "ReplicationController 仍然是核心 API（v1）的一部分……",
      },
    });
    await p.step("kubectl get rc legacy", {
      until: true,
      timeout: 90,
      expect: /^legacy\s+2\s+2\s+2\s/m,
      note: {
        en: "…and its controller still keeps the desired number of Pods running.",
        "zh-cn": "……它的控制器也仍然让期望数量的 Pod 保持运行。",
      },
    });
    await p.step("kubectl rollout status rc/legacy", {
      exitCode: "nonzero",
      expect: "error: no status viewer has been implemented for ReplicationController",
      note: {
        en: "But rollouts are not for it: kubectl rollout knows no ReplicationController.",
        "zh-cn": "但上线与它无关：kubectl rollout 不认识 ReplicationController。",
      },
    });
  },
});
