import { defineProof, tableRows as rows, that } from "#proof";

const mountDir = "/var/run/secrets/kubernetes.io/serviceaccount";

export default defineProof({
  title: {
    en: "automountServiceAccountToken: false leaves the Pod without the kube-api-access volume and its token",
    "zh-cn": "automountServiceAccountToken: false 让 Pod 没有 kube-api-access 卷，也就没有 token",
  },
  async run(p) {
    await p.step("kubectl apply -f pods.yaml", { expect: "pod/with-token created\npod/without-token created" });
    await p.step(
      "kubectl get pods -o custom-columns=NAME:.metadata.name,VOLUMES:.spec.volumes[*].name,MOUNTS:.spec.containers[0].volumeMounts[*].mountPath --sort-by=.metadata.name",
      {
        expect: that(
          {
            en: `with-token has one volume, kube-api-access- followed by 5 characters, mounted at ${mountDir}; without-token has no volume and no mount (<none>)`,
            "zh-cn": `with-token 有一个卷，名为 kube-api-access- 加 5 个字符，挂载在 ${mountDir}；without-token 没有卷，也没有挂载（<none>）`,
          },
          (out) => {
            const r = rows(out);
            return (
              r.length === 2 &&
              r[0][0] === "with-token" &&
              /^kube-api-access-[a-z0-9]{5}$/.test(r[0][1] ?? "") &&
              r[0][2] === mountDir &&
              JSON.stringify(r[1]) === JSON.stringify(["without-token", "<none>", "<none>"])
            );
          },
        ),
        note: {
          en: "Neither manifest has a volume. The ServiceAccount admission plugin added the projected kube-api-access volume and its mount to the first Pod only.",
          "zh-cn": "两份清单里都没有卷。ServiceAccount 准入插件只给第一个 Pod 加上了投射卷 kube-api-access 及其挂载。",
        },
      },
    );
    await p.step("kubectl wait --for=condition=Ready pod/with-token pod/without-token --timeout=120s", {
      expect: "pod/with-token condition met\npod/without-token condition met",
    });
    await p.step(`kubectl exec with-token -- ls ${mountDir}`, { expect: "ca.crt\nnamespace\ntoken" });
    await p.step(`kubectl exec without-token -- ls ${mountDir}`, {
      exitCode: "nonzero",
      expect: /No such file or directory/,
      note: {
        en: "The second Pod has no token to present to the API server: a process in it that needs the API must get credentials some other way.",
        "zh-cn": "第二个 Pod 里没有可以出示给 API server 的 token：其中的进程若要访问 API，只能另想办法获得凭据。",
      },
    });
  },
});
