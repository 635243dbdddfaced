import { defineProof } from "#proof";

const resources = (pod: string) => `kubectl get pod ${pod} -o jsonpath='{.spec.containers[0].resources}'`;

export default defineProof({
  title: {
    en: "A LimitRange fills in default requests and limits when a Pod is created, and only then",
    "zh-cn": "LimitRange 在创建 Pod 时填入默认的 requests 和 limits，而且只在那时",
  },
  async run(p) {
    await p.step("kubectl apply -f limitrange.yaml -f pod.yaml", {
      expect: "limitrange/defaults created\npod/first created",
    });
    await p.step(resources("first"), {
      expect: '{"limits":{"cpu":"200m","memory":"128Mi"},"requests":{"cpu":"100m","memory":"64Mi"}}',
      note: {
        en: "The manifest has no resources; the stored Pod has the LimitRange's default limits and default requests.",
        "zh-cn": "清单里没有 resources；存下来的 Pod 带着 LimitRange 的默认 limits 和默认 requests。",
      },
    });
    await p.step("kubectl get pod first -o jsonpath='{.metadata.annotations.kubernetes\\.io/limit-ranger}'", {
      expect: "LimitRanger plugin set: cpu, memory request for container app; cpu, memory limit for container app",
      note: {
        en: "The LimitRanger admission plugin says what it set.",
        "zh-cn": "LimitRanger 准入插件注明了它设置了什么。",
      },
    });
    await p.step(`kubectl patch limitrange defaults --type=json -p '[{"op":"replace","path":"/spec/limits/0/default/cpu","value":"300m"}]'`, {
      expect: "limitrange/defaults patched",
      note: { en: "Raise the default CPU limit to 300m.", "zh-cn": "把默认 CPU limit 提高到 300m。" },
    });
    await p.step(resources("first"), {
      expect: '{"limits":{"cpu":"200m","memory":"128Mi"},"requests":{"cpu":"100m","memory":"64Mi"}}',
      note: {
        en: "The existing Pod keeps what it was given at admission.",
        "zh-cn": "已有的 Pod 保留准入时得到的值。",
      },
    });
    await p.step("sed 's/name: first/name: second/' pod.yaml | kubectl apply -f -", {
      expect: "pod/second created",
      note: { en: "The same manifest under another name.", "zh-cn": "同一个清单，换个名字。" },
    });
    await p.step(resources("second"), {
      expect: '{"limits":{"cpu":"300m","memory":"128Mi"},"requests":{"cpu":"100m","memory":"64Mi"}}',
      note: {
        en: "Only a Pod created after the change gets the new default.",
        "zh-cn": "只有修改之后创建的 Pod 才拿到新的默认值。",
      },
    });
  },
});
