import { defineProof, that } from "#proof";

const environ = (container: string) =>
  `kubectl exec demo -c ${container} -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep -E "_ONLY=|^KUBERNETES_SERVICE_HOST=" | sort'`;
/** The output has exactly this one *_ONLY line, and KUBERNETES_SERVICE_HOST. */
const only = (variable: string) =>
  that(
    {
      en: `${variable}=yes is the only *_ONLY variable; KUBERNETES_SERVICE_HOST is set`,
      "zh-cn": `*_ONLY 变量只有 ${variable}=yes；KUBERNETES_SERVICE_HOST 已设置`,
    },
    (out) => {
      const lines = out.split("\n");
      return JSON.stringify(lines.filter((l) => l.includes("_ONLY="))) === JSON.stringify([`${variable}=yes`]) && lines.some((l) => /^KUBERNETES_SERVICE_HOST=\S+$/.test(l));
    },
  );

export default defineProof({
  title: {
    en: "Each container of a Pod — init, sidecar, app, ephemeral — gets the environment of its own spec, and nothing of the others'",
    "zh-cn": "Pod 的每个容器——init、sidecar、应用、临时容器——只拿到自己 spec 里的环境变量，拿不到别的容器的",
  },
  async run(p) {
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/demo created" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    await p.step("kubectl exec demo -c app -- sh -c 'grep -E \"_ONLY=|^KUBERNETES_SERVICE_HOST=\" /shared/init.env | sort'", {
      expect: only("INIT_ONLY"),
      note: {
        en: "What the init container's process saw, written to a shared volume before it exited: its own INIT_ONLY, plus the Service variables the kubelet adds to every container.",
        "zh-cn": "init 容器的进程看到的环境，在它退出前写进了共享卷：它自己的 INIT_ONLY，外加 kubelet 给每个容器都加上的 Service 环境变量。",
      },
    });
    await p.step(environ("sidecar"), { expect: only("SIDECAR_ONLY") });
    await p.step(environ("app"), {
      expect: only("APP_ONLY"),
      note: {
        en: "The app container has neither INIT_ONLY nor SIDECAR_ONLY: containers of one Pod share its network and volumes, not their environment.",
        "zh-cn": "应用容器里既没有 INIT_ONLY，也没有 SIDECAR_ONLY：同一 Pod 的容器共享网络和卷，不共享环境变量。",
      },
    });
    await p.step(
      `kubectl debug demo --image=docker.io/library/busybox:1.35.0 --container=debugger --profile=restricted --env=DEBUG_ONLY=yes -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep -E "_ONLY=|^KUBERNETES_SERVICE_HOST=" | sort; sleep 3600'`,
      {
        note: {
          en: "Add an ephemeral container, as one does to debug a running Pod. It has an env of its own too.",
          "zh-cn": "加一个临时容器，就像调试运行中的 Pod 时那样。它也有自己的 env。",
        },
      },
    );
    await p.step("kubectl logs demo -c debugger", {
      until: true,
      timeout: 60,
      expect: only("DEBUG_ONLY"),
      note: {
        en: "The ephemeral container's process got only its own DEBUG_ONLY, not the app's APP_ONLY, although it was added to debug that very Pod.",
        "zh-cn": "临时容器的进程只拿到自己的 DEBUG_ONLY，拿不到应用的 APP_ONLY，尽管它正是为调试这个 Pod 而加的。",
      },
    });
  },
});
