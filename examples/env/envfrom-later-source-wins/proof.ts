import { defineProof } from "#proof";

const environ = (pod: string) =>
  `kubectl exec ${pod} -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep -E "^(MODE|COLOR)=" | sort'`;

export default defineProof({
  title: {
    en: "Two envFrom sources with the same key: the one listed later wins",
    "zh-cn": "两个 envFrom 来源有同名键：列在后面的那个生效",
  },
  async run(p) {
    await p.step("kubectl apply -f configmaps.yaml -f pod-defaults-first.yaml -f pod-overrides-first.yaml", {
      expect: "configmap/defaults created\nconfigmap/overrides created\npod/defaults-first created\npod/overrides-first created",
    });
    await p.step("kubectl wait --for=condition=Ready pod/defaults-first pod/overrides-first --timeout=120s", {
      expect: "pod/defaults-first condition met\npod/overrides-first condition met",
    });
    await p.step(environ("defaults-first"), {
      expect: "COLOR=blue\nMODE=from-overrides",
      note: {
        en: "envFrom lists defaults, then overrides: MODE comes from overrides, the later source.",
        "zh-cn": "envFrom 先列 defaults、后列 overrides：MODE 取自后面的 overrides。",
      },
    });
    await p.step(environ("overrides-first"), {
      expect: "COLOR=blue\nMODE=from-defaults",
      note: {
        en: "Same two ConfigMaps in the opposite order: now defaults is later and its MODE wins. The order in the list decides, not the names.",
        "zh-cn": "同样两个 ConfigMap，顺序反过来：这次 defaults 在后，它的 MODE 生效。决定结果的是列表顺序，而不是名字。",
      },
    });
  },
});
