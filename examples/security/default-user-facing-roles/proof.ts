import { defineProof } from "#proof";

export default defineProof({
  title: {
    en: "The default ClusterRoles view, edit and admin, bound in one namespace",
    "zh-cn": "默认的 ClusterRole view、edit 和 admin，在一个命名空间内绑定",
  },
  async run(p) {
    const as = (sa: string) => `--as=system:serviceaccount:${p.namespace}:${sa}`;
    await p.step("kubectl get clusterroles cluster-admin admin edit view -o name", {
      expect: [
        "clusterrole.rbac.authorization.k8s.io/cluster-admin",
        "clusterrole.rbac.authorization.k8s.io/admin",
        "clusterrole.rbac.authorization.k8s.io/edit",
        "clusterrole.rbac.authorization.k8s.io/view",
      ].join("\n"),
      note: {
        en: "The API server creates these user-facing ClusterRoles itself; no add-on is needed.",
        "zh-cn": "这些面向用户的 ClusterRole 由 API server 自己创建，不需要任何插件。",
      },
    });
    await p.step("kubectl apply -f serviceaccounts.yaml", {
      expect: "serviceaccount/viewer created\nserviceaccount/developer created\nserviceaccount/project-admin created",
    });
    await p.step(`kubectl create rolebinding viewer --clusterrole=view --serviceaccount=${p.namespace}:viewer`, {
      expect: "rolebinding.rbac.authorization.k8s.io/viewer created",
      note: {
        en: "A RoleBinding may point at a ClusterRole: the role's rules then apply in this namespace only.",
        "zh-cn": "RoleBinding 可以引用 ClusterRole：此时角色中的规则只在本命名空间内生效。",
      },
    });
    await p.step(`kubectl create rolebinding developer --clusterrole=edit --serviceaccount=${p.namespace}:developer`, {
      expect: "rolebinding.rbac.authorization.k8s.io/developer created",
    });
    await p.step(`kubectl create rolebinding project-admin --clusterrole=admin --serviceaccount=${p.namespace}:project-admin`, {
      expect: "rolebinding.rbac.authorization.k8s.io/project-admin created",
    });
    await p.step(`kubectl auth can-i get pods ${as("viewer")}`, {
      expect: "yes",
      until: true,
      timeout: 30,
      note: { en: "view reads most objects…", "zh-cn": "view 可以读取大多数对象……" },
    });
    await p.step(`kubectl auth can-i create pods ${as("viewer")}`, {
      expect: "no",
      exitCode: "nonzero",
      note: { en: "…changes none…", "zh-cn": "……不能修改任何对象……" },
    });
    await p.step(`kubectl auth can-i get secrets ${as("viewer")}`, {
      expect: "no",
      exitCode: "nonzero",
      note: { en: "…and may not read Secrets.", "zh-cn": "……也不能读取 Secret。" },
    });
    await p.step(`kubectl auth can-i create pods ${as("developer")}`, {
      expect: "yes",
      until: true,
      timeout: 30,
      note: { en: "edit creates and changes workloads…", "zh-cn": "edit 可以创建和修改工作负载……" },
    });
    await p.step(`kubectl auth can-i get secrets ${as("developer")}`, {
      expect: "yes",
      note: { en: "…reads Secrets…", "zh-cn": "……可以读取 Secret……" },
    });
    await p.step(`kubectl auth can-i create rolebindings ${as("developer")}`, {
      expect: "no",
      exitCode: "nonzero",
      note: { en: "…but may not grant access to anyone.", "zh-cn": "……但不能给任何人授权。" },
    });
    await p.step(`kubectl auth can-i create rolebindings ${as("project-admin")}`, {
      expect: "yes",
      until: true,
      timeout: 30,
      note: {
        en: "admin also manages Roles and RoleBindings in the namespace…",
        "zh-cn": "admin 还可以管理本命名空间内的 Role 和 RoleBinding……",
      },
    });
    await p.step(`kubectl auth can-i create pods -n kube-system ${as("project-admin")}`, {
      expect: "no",
      exitCode: "nonzero",
      note: {
        en: "…of this namespace only: bound by a RoleBinding, admin is not cluster-admin.",
        "zh-cn": "……但只限本命名空间：通过 RoleBinding 绑定的 admin 并不是 cluster-admin。",
      },
    });
  },
});
