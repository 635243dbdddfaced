import { defineProof } from "#proof";

export default defineProof({
  title: {
    en: "$(VAR) references in env values expand only against what is defined above them",
    "zh-cn": "env 值中的 $(VAR) 引用只能展开在它之前已定义的变量",
  },
  async run(p) {
    const api = await p.step("kubectl get service kubernetes -n default -o jsonpath='{.spec.clusterIP}:{.spec.ports[0].port}'", {
      expect: /^[0-9a-f.:]+:\d+$/,
      note: {
        en: "The address of the API server's Service, which every Pod gets as KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT.",
        "zh-cn": "API server 对应 Service 的地址；每个 Pod 都会以 KUBERNETES_SERVICE_HOST 和 KUBERNETES_SERVICE_PORT 拿到它。",
      },
    });
    await p.step("kubectl apply -f configmap.yaml -f pod.yaml", {
      expect: "configmap/db created\npod/demo created",
    });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    await p.step(
      `kubectl exec demo -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep -E "^(HOST|URL|EARLY|LATE|MISSING|ESCAPED|SHELL_STYLE|API|DB_PORT)=" | sort'`,
      {
        expect: [
          `API=https://${api.output}`,
          "DB_PORT=5432",
          "EARLY=$(LATE)",
          "ESCAPED=$(HOST)",
          "HOST=db.internal",
          "LATE=x",
          "MISSING=$(NOPE)",
          "SHELL_STYLE=${HOST} $HOST",
          "URL=postgres://db.internal:5432",
        ].join("\n"),
        note: {
          en: "URL expanded HOST (defined above) and DB_PORT (from envFrom); API expanded the Service variables. EARLY kept the literal $(LATE) because LATE comes later; MISSING kept $(NOPE); $$(HOST) became the literal $(HOST); ${HOST} and $HOST are not Kubernetes syntax and were left alone.",
          "zh-cn": "URL 展开了 HOST（在它之前定义）和 DB_PORT（来自 envFrom）；API 展开了 Service 变量。EARLY 保留字面量 $(LATE)，因为 LATE 定义在后面；MISSING 保留 $(NOPE)；$$(HOST) 变成字面量 $(HOST)；${HOST} 和 $HOST 不是 Kubernetes 的语法，原样保留。",
        },
      },
    );
    await p.step("kubectl logs demo", {
      expect: "command line saw: postgres://db.internal:5432",
      note: {
        en: "command uses the same $(VAR) syntax: its reference to URL was expanded before the shell started. What command and args can reference is not limited to the entries above: see the next proof.",
        "zh-cn": "command 使用同样的 $(VAR) 语法：对 URL 的引用在 shell 启动之前就已展开。command 和 args 能引用的并不限于排在前面的条目：见下一个验证。",
      },
    });
  },
});
