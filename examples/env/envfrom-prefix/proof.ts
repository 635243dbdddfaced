import { defineProof } from "#proof";

export default defineProof({
  title: {
    en: "envFrom with a prefix: key mode becomes the variable APP_mode",
    "zh-cn": "带 prefix 的 envFrom：键 mode 变成变量 APP_mode",
  },
  async run(p) {
    await p.step("kubectl apply -f configmap.yaml -f pod.yaml", {
      expect: "configmap/app-config created\npod/demo created",
    });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    await p.step(`kubectl exec demo -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep -i -E "mode|color" | sort'`, {
      expect: "APP_color=green\nAPP_mode=blue",
      note: {
        en: "Every key of the ConfigMap gets the prefix, verbatim: no upper-casing, and no unprefixed copy.",
        "zh-cn": "ConfigMap 的每个键都原样加上前缀：不会转成大写，也不会另外保留一份不带前缀的。",
      },
    });
  },
});
