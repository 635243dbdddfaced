import { defineProof, that } from "#proof";

const environ = (pod: string, pattern: string) =>
  `kubectl exec ${pod} -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep -E "${pattern}" | sort'`;

/** The variables the kubelet derives from Service web (port 80, named http) with cluster IP `ip`. */
const webVars = (ip: string) =>
  [
    `WEB_PORT=tcp://${ip}:80`,
    `WEB_PORT_80_TCP=tcp://${ip}:80`,
    `WEB_PORT_80_TCP_ADDR=${ip}`,
    "WEB_PORT_80_TCP_PORT=80",
    "WEB_PORT_80_TCP_PROTO=tcp",
    `WEB_SERVICE_HOST=${ip}`,
    "WEB_SERVICE_PORT=80",
    "WEB_SERVICE_PORT_HTTP=80",
  ].join("\n");

export default defineProof({
  title: {
    en: "Service variables describe only the Services that existed when the container was created",
    "zh-cn": "Service 环境变量只包含容器创建时已经存在的 Service",
  },
  async run(p) {
    await p.step("kubectl apply -f pod-before.yaml", { expect: "pod/before created" });
    await p.step("kubectl wait --for=condition=Ready pod/before --timeout=120s", {
      expect: "pod/before condition met",
      note: {
        en: "Pod before is running; Service web does not exist yet.",
        "zh-cn": "Pod before 已经在运行，此时 Service web 还不存在。",
      },
    });
    await p.step("kubectl apply -f service.yaml", { expect: "service/web created" });
    const ip = await p.step("kubectl get service web -o jsonpath='{.spec.clusterIP}'", {
      expect: /^[0-9a-f.:]+$/,
      note: { en: "The cluster IP assigned to web.", "zh-cn": "分配给 web 的 cluster IP。" },
    });
    await p.step("kubectl apply -f pod-after.yaml", { expect: "pod/after created" });
    await p.step("kubectl wait --for=condition=Ready pod/after --timeout=120s", { expect: "pod/after condition met" });
    await p.step(environ("after", "^WEB_"), {
      expect: webVars(ip.output),
      note: {
        en: "Pod after, created once web existed, has its variables, with web's cluster IP.",
        "zh-cn": "web 创建之后才建的 Pod after 拿到了它的变量，值就是 web 的 cluster IP。",
      },
    });
    await p.step(environ("before", "_SERVICE_HOST="), {
      expect: that(
        { en: "KUBERNETES_SERVICE_HOST is the only *_SERVICE_HOST variable", "zh-cn": "*_SERVICE_HOST 变量只有 KUBERNETES_SERVICE_HOST 一个" },
        (o) => /^KUBERNETES_SERVICE_HOST=\S+$/.test(o),
      ),
      note: {
        en: "Pod before's main process, still running, has no WEB_SERVICE_HOST — although web exists, and Pod after got its variables. Only KUBERNETES_SERVICE_HOST is there.",
        "zh-cn": "仍在运行的 Pod before 的主进程里没有 WEB_SERVICE_HOST——尽管 web 已经存在，Pod after 也拿到了它的变量。这里只有 KUBERNETES_SERVICE_HOST。",
      },
    });
    await p.step("kubectl exec before -- env", {
      expect: that(
        { en: "no WEB_ variable, and KUBERNETES_SERVICE_HOST is set", "zh-cn": "没有任何 WEB_ 变量，且设置了 KUBERNETES_SERVICE_HOST" },
        (o) => !/^WEB_/m.test(o) && /^KUBERNETES_SERVICE_HOST=/m.test(o),
      ),
      note: {
        en: "A new exec in that container gets the container's environment as it was created: no WEB_ variables either.",
        "zh-cn": "在这个容器里新开一个 exec，拿到的是容器创建时的环境：同样没有 WEB_ 变量。",
      },
    });
  },
});
