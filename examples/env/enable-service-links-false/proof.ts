import { defineProof, that } from "#proof";

const environ = (pod: string) =>
  `kubectl exec ${pod} -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep -E "^WEB_|_SERVICE_HOST=" | sort'`;

export default defineProof({
  title: {
    en: "enableServiceLinks: false drops the Service variables except those of the kubernetes Service",
    "zh-cn": "enableServiceLinks: false 会去掉 Service 变量，只保留 kubernetes Service 的那一组",
  },
  async run(p) {
    await p.step("kubectl apply -f service.yaml", { expect: "service/web created" });
    const ip = await p.step("kubectl get service web -o jsonpath='{.spec.clusterIP}'", { expect: /^[0-9a-f.:]+$/ });
    const api = await p.step("kubectl get service kubernetes -n default -o jsonpath='{.spec.clusterIP}'", {
      expect: /^[0-9a-f.:]+$/,
    });
    await p.step("kubectl apply -f pod-links-default.yaml -f pod-links-off.yaml", {
      expect: "pod/links-default created\npod/links-off created",
    });
    await p.step("kubectl wait --for=condition=Ready pod/links-default pod/links-off --timeout=120s", {
      expect: "pod/links-default condition met\npod/links-off condition met",
    });
    await p.step("kubectl get pod links-default links-off -o jsonpath='{range .items[*]}{.metadata.name}: {.spec.enableServiceLinks}{\"\\n\"}{end}'", {
      expect: "links-default: true\nlinks-off: false",
      note: {
        en: "The API server filled in the default, true, for the Pod that did not set it.",
        "zh-cn": "没写这个字段的 Pod，API server 填上了默认值 true。",
      },
    });
    await p.step(environ("links-default"), {
      expect: that(
        {
          en: "KUBERNETES_SERVICE_HOST is the kubernetes Service's cluster IP; the other eight lines are WEB_ variables, WEB_SERVICE_HOST among them with web's cluster IP",
          "zh-cn": "KUBERNETES_SERVICE_HOST 是 kubernetes Service 的 cluster IP；其余八行都是 WEB_ 变量，其中 WEB_SERVICE_HOST 是 web 的 cluster IP",
        },
        (o) => {
          const lines = o.split("\n");
          return (
            lines[0] === `KUBERNETES_SERVICE_HOST=${api.output}` &&
            lines.length === 9 &&
            lines.includes(`WEB_SERVICE_HOST=${ip.output}`) &&
            lines.slice(1).every((l) => l.startsWith("WEB_"))
          );
        },
      ),
      note: {
        en: "The default: KUBERNETES_SERVICE_HOST and the eight WEB_ variables of Service web.",
        "zh-cn": "默认情况：KUBERNETES_SERVICE_HOST，加上 Service web 的八个 WEB_ 变量。",
      },
    });
    await p.step(environ("links-off"), {
      expect: `KUBERNETES_SERVICE_HOST=${api.output}`,
      note: {
        en: "With enableServiceLinks: false there is not a single WEB_ variable, but KUBERNETES_SERVICE_HOST is still set: in-cluster clients need it to find the API server.",
        "zh-cn": "enableServiceLinks: false 时，一个 WEB_ 变量都没有，但 KUBERNETES_SERVICE_HOST 仍然存在：集群内的客户端要靠它找到 API server。",
      },
    });
  },
});
