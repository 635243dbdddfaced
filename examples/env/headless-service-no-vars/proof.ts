import { defineProof } from "#proof";

export default defineProof({
  title: {
    en: "A headless Service (clusterIP: None) produces no environment variables",
    "zh-cn": "headless Service（clusterIP: None）不会产生环境变量",
  },
  async run(p) {
    await p.step("kubectl apply -f services.yaml", { expect: "service/web created\nservice/db created" });
    const ip = await p.step("kubectl get service web -o jsonpath='{.spec.clusterIP}'", { expect: /^[0-9a-f.:]+$/ });
    await p.step("kubectl get service db -o jsonpath='{.spec.clusterIP}'", {
      expect: "None",
      note: { en: "db is headless: it has no cluster IP.", "zh-cn": "db 是 headless Service：没有 cluster IP。" },
    });
    await p.step("kubectl apply -f pod.yaml", {
      expect: "pod/demo created",
      note: { en: "The Pod is created after both Services.", "zh-cn": "Pod 在两个 Service 之后创建。" },
    });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    await p.step(`kubectl exec demo -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep -E "^(WEB|DB)_SERVICE_" | sort'`, {
      expect: `WEB_SERVICE_HOST=${ip.output}\nWEB_SERVICE_PORT=80\nWEB_SERVICE_PORT_HTTP=80`,
      note: {
        en: "web has its variables; db has none at all.",
        "zh-cn": "web 有对应的变量；db 一个都没有。",
      },
    });
  },
});
