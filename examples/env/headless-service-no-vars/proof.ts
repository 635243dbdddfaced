import { defineProof, that } from "#proof";

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
    await p.step(`kubectl exec demo -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep -E "^(WEB|DB)_" | sort'`, {
      expect: that(
        {
          en: `WEB_SERVICE_HOST=${ip.output} and WEB_SERVICE_PORT=80 are there, and no variable starts with DB_`,
          "zh-cn": `有 WEB_SERVICE_HOST=${ip.output} 和 WEB_SERVICE_PORT=80，且没有任何以 DB_ 开头的变量`,
        },
        (out) => {
          const lines = out.split("\n");
          return lines.includes(`WEB_SERVICE_HOST=${ip.output}`) && lines.includes("WEB_SERVICE_PORT=80") && !lines.some((l) => l.startsWith("DB_"));
        },
      ),
      note: {
        en: "web has its WEB_ variables (the Docker-link style WEB_PORT… ones too); db, headless, has not a single DB_ variable.",
        "zh-cn": "web 有对应的 WEB_ 变量（包括 Docker link 风格的 WEB_PORT…）；headless 的 db 则连一个 DB_ 变量都没有。",
      },
    });
  },
});
