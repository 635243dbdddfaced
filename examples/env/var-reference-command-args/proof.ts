import { defineProof } from "#proof";

export default defineProof({
  title: {
    en: "$(VAR) in command and args sees the container's whole environment; values from a ConfigMap are never expanded",
    "zh-cn": "command 和 args 中的 $(VAR) 能引用容器的全部环境变量；来自 ConfigMap 的值从不展开",
  },
  async run(p) {
    const host = await p.step("kubectl get service kubernetes -n default -o jsonpath='{.spec.clusterIP}'", {
      expect: /^[0-9a-f.:]+$/,
      note: {
        en: "The cluster IP of the API server's Service, which every Pod gets as KUBERNETES_SERVICE_HOST.",
        "zh-cn": "API server 对应 Service 的集群 IP；每个 Pod 都会以 KUBERNETES_SERVICE_HOST 拿到它。",
      },
    });
    await p.step("kubectl apply -f configmap.yaml -f pod.yaml", { expect: "configmap/db created\npod/demo created" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    await p.step(`kubectl exec demo -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep -E "^(EARLY|LATE|DB_PORT|TEMPLATE|FROM_KEY)=" | sort'`, {
      expect: ["DB_PORT=5432", "EARLY=$(LATE)", "FROM_KEY=$(DB_PORT)", "LATE=late", "TEMPLATE=$(DB_PORT)"].join("\n"),
      note: {
        en: "In env, EARLY keeps the literal $(LATE): LATE is defined below it. TEMPLATE (through envFrom) and FROM_KEY (through configMapKeyRef) keep the ConfigMap's text $(DB_PORT) although DB_PORT exists: only a value written in env is expanded, never one read from a ConfigMap or Secret.",
        "zh-cn": "在 env 里，EARLY 保留字面量 $(LATE)：LATE 定义在它下面。TEMPLATE（经 envFrom）和 FROM_KEY（经 configMapKeyRef）保留 ConfigMap 里的文本 $(DB_PORT)，尽管 DB_PORT 存在：只有直接写在 env 里的值才会展开，从 ConfigMap 或 Secret 读来的值从不展开。",
      },
    });
    await p.step("kubectl logs demo", {
      expect: ["LATE=late", "EARLY=$(LATE)", "DB_PORT=5432", `KUBERNETES_SERVICE_HOST=${host.output}`, "NOPE=$(NOPE)"].join("\n"),
      note: {
        en: "The arguments, as the process received them. $(LATE) expanded although LATE is the last env entry: command and args are expanded against the container's final environment — envFrom, all of env, and the Service variables. $(EARLY) gave EARLY's value, the text $(LATE), which is not expanded a second time. $(NOPE), defined nowhere, stayed as written.",
        "zh-cn": "进程收到的参数。尽管 LATE 是 env 的最后一项，$(LATE) 还是展开了：command 和 args 是对照容器最终的环境展开的——envFrom、全部 env 以及 Service 环境变量。$(EARLY) 得到的是 EARLY 的值，即文本 $(LATE)，不会再展开第二次。哪里都没定义的 $(NOPE) 原样保留。",
      },
    });
  },
});
