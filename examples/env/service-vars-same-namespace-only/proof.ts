import { defineProof } from "#proof";

export default defineProof({
  title: {
    en: "Service variables come only from the Pod's own namespace, plus the kubernetes Service of default",
    "zh-cn": "Service 变量只来自 Pod 自己的命名空间，外加 default 命名空间里的 kubernetes Service",
  },
  async run(p) {
    const other = `${p.namespace}-other`;
    p.cleanup(`kubectl delete namespace ${other} --ignore-not-found`);
    await p.step(`kubectl create namespace ${other}`, { expect: `namespace/${other} created` });
    await p.step(`kubectl create service clusterip web --tcp=80:8080 -n ${other}`, {
      expect: "service/web created",
      note: {
        en: "A Service web in another namespace, created before the Pod.",
        "zh-cn": "在另一个命名空间里先建好 Service web，再创建 Pod。",
      },
    });
    const api = await p.step("kubectl get service kubernetes -n default -o jsonpath='{.spec.clusterIP}'", {
      expect: /^[0-9a-f.:]+$/,
    });
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/demo created" });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    await p.step("kubectl get pod demo -o jsonpath='{.metadata.namespace}'", { expect: p.namespace });
    await p.step(`kubectl exec demo -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep -E "_SERVICE_(HOST|PORT)=" | sort'`, {
      expect: `KUBERNETES_SERVICE_HOST=${api.output}\nKUBERNETES_SERVICE_PORT=443`,
      note: {
        en: "No WEB_SERVICE_HOST or WEB_SERVICE_PORT: web lives in another namespace. KUBERNETES_SERVICE_HOST/PORT, from the kubernetes Service in default, are present in this Pod outside default.",
        "zh-cn": "既没有 WEB_SERVICE_HOST，也没有 WEB_SERVICE_PORT：web 在别的命名空间里。来自 default 命名空间 kubernetes Service 的 KUBERNETES_SERVICE_HOST/PORT，在这个不属于 default 的 Pod 里照样存在。",
      },
    });
  },
});
