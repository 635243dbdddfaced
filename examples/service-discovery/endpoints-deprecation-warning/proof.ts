import { defineProof, that } from "#proof";

export default defineProof({
  title: {
    en: "Reading v1 Endpoints prints a deprecation warning; the EndpointSlice is the current API",
    "zh-cn": "读取 v1 Endpoints 会打印弃用警告；EndpointSlice 才是当前的 API",
  },
  async run(p) {
    await p.step("kubectl apply -f web.yaml", { expect: "deployment.apps/web created\nservice/web created" });
    await p.step("kubectl rollout status deployment/web --timeout=120s", { expect: /successfully rolled out/ });
    const pod = await p.step("kubectl get pods -l app.kubernetes.io/name=web -o jsonpath='{.items[0].status.podIP}'", {
      expect: /^\d+\.\d+\.\d+\.\d+$/,
    });
    await p.step("kubectl get endpoints web", {
      until: true,
      timeout: 60,
      expect: that(
        {
          en: `kubectl prints "Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice", and the row of web lists the Pod's address, ${pod.output}:8080`,
          "zh-cn": `kubectl 打印出 "Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice"，web 这一行列出了 Pod 的地址 ${pod.output}:8080`,
        },
        (o) =>
          o.includes("Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice") &&
          new RegExp(`^web\\s+${pod.output.replace(/\./g, "\\.")}:8080\\s`, "m").test(o),
      ),
      note: {
        en: "The old API still answers, with the Pod's address, and the API server attaches a deprecation warning that kubectl prints.",
        "zh-cn": "旧 API 仍然可用，返回了 Pod 的地址；API server 同时附上一条弃用警告，由 kubectl 打印出来。",
      },
    });
    await p.step("kubectl get endpointslice -l kubernetes.io/service-name=web", {
      expect: new RegExp(`^web-\\S+\\s+IPv4\\s+8080\\s+${pod.output.replace(/\./g, "\\.")}\\s`, "m"),
      note: {
        en: "The same backend in the Service's EndpointSlice, found by the label kubernetes.io/service-name, without a warning.",
        "zh-cn": "Service 的 EndpointSlice（按标签 kubernetes.io/service-name 查找）里是同一个后端，没有警告。",
      },
    });
  },
});
