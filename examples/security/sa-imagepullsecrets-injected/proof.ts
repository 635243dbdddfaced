import { defineProof } from "#proof";

export default defineProof({
  title: {
    en: "A ServiceAccount's imagePullSecrets are copied into its Pods that list none of their own",
    "zh-cn": "ServiceAccount 的 imagePullSecrets 会被复制到自己没有列出任何 imagePullSecrets 的 Pod 中",
  },
  async run(p) {
    await p.step("kubectl create secret docker-registry regcred --docker-server=registry.invalid --docker-username=ci --docker-password=s3cret", {
      expect: "secret/regcred created",
    });
    await p.step("kubectl get secret regcred -o jsonpath='{.type}'", { expect: "kubernetes.io/dockerconfigjson" });
    await p.step(`kubectl get secret regcred -o jsonpath='{.data.\\.dockerconfigjson}' | base64 -d`, {
      expect: '{"auths":{"registry.invalid":{"username":"ci","password":"s3cret","auth":"Y2k6czNjcmV0"}}}',
      note: {
        en: "The credentials in the format of Docker's config.json, only base64-encoded in the API: anyone who may read this Secret has the password.",
        "zh-cn": "凭据采用 Docker config.json 的格式，在 API 中只是 base64 编码：能读取这个 Secret 的人就能拿到密码。",
      },
    });
    await p.step("kubectl apply -f serviceaccount.yaml -f deployment.yaml", {
      expect: "serviceaccount/builder created\ndeployment.apps/app created",
    });
    await p.step("kubectl get deployment app -o jsonpath='{.spec.template.spec.imagePullSecrets}'", {
      expect: "",
      note: { en: "The Pod template has no imagePullSecrets…", "zh-cn": "Pod 模板中没有 imagePullSecrets……" },
    });
    const { output: pod } = await p.step("kubectl get pods -l app.kubernetes.io/name=app -o name", {
      until: true,
      timeout: 60,
      expect: /^pod\/app-[a-z0-9]+-[a-z0-9]{5}$/,
    });
    await p.step(`kubectl get ${pod} -o jsonpath='{.spec.serviceAccountName} {.spec.imagePullSecrets}'`, {
      expect: 'builder [{"name":"regcred"}]',
      note: {
        en: "…but the stored Pod has: the ServiceAccount admission plugin copied the ServiceAccount's imagePullSecrets into it when the ReplicaSet created it.",
        "zh-cn": "……但存储下来的 Pod 里有：ReplicaSet 创建它时，ServiceAccount 准入插件把 ServiceAccount 的 imagePullSecrets 复制了进去。",
      },
    });
    await p.step(`kubectl get ${pod} -o jsonpath='{.status.containerStatuses[0].state.waiting.reason}'`, {
      until: true,
      timeout: 90,
      expect: /^(ErrImagePull|ImagePullBackOff)$/,
    });
    await p.step(`kubectl events --for ${pod} --types=Warning`, {
      until: true,
      timeout: 60,
      expect: /Failed .*Failed to pull image "registry\.invalid\/team\/app:1\.0"/,
      note: {
        en: "The kubelet tried to pull the image, and failed because no registry answers at that name. This shows the credentials attached to the Pod and the pull being attempted; it does not show a registry accepting them, since none runs here.",
        "zh-cn": "kubelet 尝试拉取镜像，但因为这个名字背后没有镜像仓库而失败。这里展示的是凭据已附加到 Pod 上、并且确实发起了拉取；并没有展示镜像仓库接受这些凭据，因为这里没有运行任何镜像仓库。",
      },
    });
    await p.step("kubectl apply -f deployment-own-secret.yaml", { expect: "deployment.apps/own created" });
    await p.step("kubectl get pods -l app.kubernetes.io/name=own -o jsonpath='{range .items[*]}{.spec.serviceAccountName} {.spec.imagePullSecrets}{\"\\n\"}{end}'", {
      until: true,
      timeout: 60,
      expect: 'builder [{"name":"teamcred"}]',
      note: {
        en: "A Pod of the same ServiceAccount whose template lists an imagePullSecret of its own keeps just that one: regcred was not added. The admission plugin copies the ServiceAccount's list only into a Pod that lists none; it never merges the two.",
        "zh-cn": "同一个 ServiceAccount 的 Pod，如果模板里自己列了 imagePullSecret，就只保留它自己的那一个：regcred 没有被加进来。准入插件只在 Pod 一个都没列时才复制 ServiceAccount 的列表，从不合并两者。",
      },
    });
  },
});
