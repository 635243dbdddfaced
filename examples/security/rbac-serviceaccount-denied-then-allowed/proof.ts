import { defineProof } from "#proof";

export default defineProof({
  title: {
    en: "A new ServiceAccount may do nothing until a RoleBinding allows it, and then only in its namespace",
    "zh-cn": "新建的 ServiceAccount 什么都不能做，RoleBinding 授权之后才可以，而且只限本命名空间",
  },
  async run(p) {
    const sa = `system:serviceaccount:${p.namespace}:reader`;
    await p.step("kubectl apply -f serviceaccount.yaml", { expect: "serviceaccount/reader created" });
    await p.step(`kubectl auth can-i list pods --as=${sa}`, {
      expect: "no",
      exitCode: "nonzero",
      note: {
        en: "Asked on behalf of the ServiceAccount (impersonation with --as): no binding grants it anything yet, so RBAC denies.",
        "zh-cn": "以该 ServiceAccount 的身份提问（用 --as 模拟身份）：还没有任何绑定授予它权限，所以 RBAC 拒绝。",
      },
    });
    await p.step(`kubectl get pods --as=${sa}`, {
      expect: new RegExp(`^Error from server \\(Forbidden\\): pods is forbidden: User "${sa}" cannot list resource "pods" in API group "" in the namespace "${p.namespace}"$`),
      exitCode: "nonzero",
      note: {
        en: "A real request as the ServiceAccount is refused with 403 Forbidden.",
        "zh-cn": "以该 ServiceAccount 身份发出的真实请求被拒绝，返回 403 Forbidden。",
      },
    });
    await p.step("kubectl create role pod-reader --verb=get,list,watch --resource=pods", { expect: "role.rbac.authorization.k8s.io/pod-reader created" });
    await p.step(`kubectl create rolebinding reader --role=pod-reader --serviceaccount=${p.namespace}:reader`, {
      expect: "rolebinding.rbac.authorization.k8s.io/reader created",
      note: {
        en: "A Role (namespaced) lists what may be done; the RoleBinding grants it to the ServiceAccount in this namespace.",
        "zh-cn": "Role（命名空间级）列出允许的操作；RoleBinding 在本命名空间内把它授予这个 ServiceAccount。",
      },
    });
    await p.step(`kubectl auth can-i list pods --as=${sa}`, {
      expect: "yes",
      until: true,
      timeout: 30,
      note: {
        en: "Now allowed (the authorizer works from a watched copy of the RBAC objects, so a new binding can take a moment).",
        "zh-cn": "现在允许了（鉴权器使用的是经 watch 同步的 RBAC 对象副本，新绑定可能要片刻才生效）。",
      },
    });
    await p.step(`kubectl get pods --as=${sa}`, {
      expect: `No resources found in ${p.namespace} namespace.`,
      note: {
        en: "The same request now succeeds: the list is empty, and not Forbidden.",
        "zh-cn": "同样的请求现在成功了：列表为空，而不是 Forbidden。",
      },
    });
    await p.step(`kubectl auth can-i delete pods --as=${sa}`, {
      expect: "no",
      exitCode: "nonzero",
      note: {
        en: "Only the verbs in the Role: get, list and watch, not delete.",
        "zh-cn": "只有 Role 里列出的动词：get、list 和 watch，没有 delete。",
      },
    });
    await p.step(`kubectl get pods -n kube-system --as=${sa}`, {
      expect: new RegExp(`^Error from server \\(Forbidden\\): pods is forbidden: User "${sa}" cannot list resource "pods" in API group "" in the namespace "kube-system"$`),
      exitCode: "nonzero",
      note: {
        en: "A RoleBinding grants only in its own namespace: in kube-system the ServiceAccount is still forbidden.",
        "zh-cn": "RoleBinding 只在自己的命名空间内授权：在 kube-system 中，这个 ServiceAccount 仍然被禁止。",
      },
    });
  },
});
