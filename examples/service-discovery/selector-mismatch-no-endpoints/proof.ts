import { defineProof, tableRows as rows, that } from "#proof";

const slices = "kubectl get endpointslice -l kubernetes.io/service-name=web -o custom-columns=NAME:.metadata.name,ENDPOINTS:.endpoints[*].addresses[0]";

export default defineProof({
  title: {
    en: "A Service whose selector matches no Pod is accepted and gets an EndpointSlice with no endpoints; fixing the selector fills it",
    "zh-cn": "选择算符匹配不到任何 Pod 的 Service 照样被接受，得到一个没有端点的 EndpointSlice；改对选择算符后端点就来了",
  },
  async run(p) {
    await p.step("kubectl apply -f client.yaml -f web.yaml", {
      expect: "pod/client created\ndeployment.apps/web created\nservice/web created",
      note: {
        en: "The API server accepts the Service: a selector is not checked against the Pods that exist.",
        "zh-cn": "API server 接受了这个 Service：选择算符不会拿去和现有 Pod 做校验。",
      },
    });
    await p.step("kubectl rollout status deployment/web --timeout=120s", { expect: /successfully rolled out/ });
    await p.step("kubectl wait --for=condition=Ready pod/client --timeout=120s", { expect: "pod/client condition met" });
    await p.step("kubectl get service web -o jsonpath='{.spec.selector}'", { expect: '{"app":"web"}' });
    await p.step("kubectl get pods -l app=web", {
      expect: `No resources found in ${p.namespace} namespace.`,
      note: { en: "No Pod carries the label the Service selects.", "zh-cn": "没有任何 Pod 带有 Service 所选的标签。" },
    });
    await p.step("kubectl get pods -l app.kubernetes.io/name=web -o jsonpath='{.items[*].status.phase}'", {
      expect: "Running",
      note: { en: "The web Pod runs, under the other label.", "zh-cn": "web Pod 在运行，只是标签是另一个。" },
    });
    await p.step(slices, {
      until: true,
      timeout: 60,
      expect: that(
        {
          en: "exactly one EndpointSlice for the Service, listing no endpoint (<none>)",
          "zh-cn": "这个 Service 恰好有一个 EndpointSlice，其中没有任何端点（<none>）",
        },
        (o) => {
          const r = rows(o);
          return r.length === 1 && r[0]?.[1] === "<none>";
        },
      ),
      note: {
        en: "The witness that the controller did its work: the EndpointSlice controller created the Service's slice, and found nothing to put in it.",
        "zh-cn": "控制器确实干了活的证据：EndpointSlice 控制器为 Service 建好了分片，只是找不到可以放进去的端点。",
      },
    });
    await p.step(`kubectl patch service web --type=json -p '[{"op":"replace","path":"/spec/selector","value":{"app.kubernetes.io/name":"web"}}]'`, {
      expect: "service/web patched",
      note: { en: "Select the label the Pods carry.", "zh-cn": "改成 Pod 实际带有的标签。" },
    });
    const { output: podIp } = await p.step("kubectl get pods -l app.kubernetes.io/name=web -o jsonpath='{.items[0].status.podIP}'", {
      expect: /^\d+\.\d+\.\d+\.\d+$/,
    });
    await p.step(slices, {
      until: true,
      timeout: 60,
      expect: that(
        { en: `one EndpointSlice, listing the web Pod's IP ${podIp}`, "zh-cn": `一个 EndpointSlice，列出 web Pod 的 IP ${podIp}` },
        (o) => {
          const r = rows(o);
          return r.length === 1 && r[0]?.[1] === podIp;
        },
      ),
    });
    await p.step("kubectl exec client -- timeout 5 wget -qO- http://web/", {
      until: true,
      timeout: 60,
      expect: /^web-\S+$/,
      note: { en: "Requests to the Service now reach the Pod.", "zh-cn": "发往 Service 的请求现在能到达 Pod 了。" },
    });
  },
});
