import { defineProof } from "#proof";

export default defineProof({
  title: {
    en: "An env entry overrides a variable of the same name from envFrom",
    "zh-cn": "env 中的条目会覆盖 envFrom 带来的同名变量",
  },
  async run(p) {
    await p.step("kubectl apply -f configmap.yaml -f pod.yaml", {
      expect: "configmap/app-config created\npod/demo created",
    });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    await p.step(`kubectl exec demo -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep -E "^(MODE|COLOR)=" | sort'`, {
      expect: "COLOR=blue\nMODE=from-env",
      note: {
        en: "The ConfigMap's MODE=from-configmap is replaced by the env entry (the variable appears once); COLOR, which only envFrom sets, comes through.",
        "zh-cn": "ConfigMap 里的 MODE=from-configmap 被 env 中的条目取代（变量只出现一次）；只有 envFrom 提供的 COLOR 照常出现。",
      },
    });
  },
});
