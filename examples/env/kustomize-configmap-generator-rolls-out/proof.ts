import { defineProof, that } from "#proof";

const generated = /^app-config-[a-z0-9]+$/;
const referenced = "kubectl get deployment app -o jsonpath='{.spec.template.spec.containers[0].envFrom[0].configMapRef.name}'";
const podName = "kubectl get pods -l app.kubernetes.io/name=app --field-selector=status.phase=Running -o jsonpath='{.items[*].metadata.name}'";

export default defineProof({
  title: {
    en: "With kustomize's configMapGenerator, a configuration edit becomes a new ConfigMap name, and the Deployment rolls out on its own",
    "zh-cn": "用 kustomize 的 configMapGenerator，修改配置就是换一个新的 ConfigMap 名称，Deployment 随之自动上线",
  },
  async run(p) {
    const first = await p.step("kubectl apply -k blue", {
      expect: /^configmap\/app-config-[a-z0-9]+ created\ndeployment\.apps\/app created$/,
      note: {
        en: "kubectl has kustomize built in (-k). The generator names the ConfigMap after a hash of its data, and rewrites the Deployment's reference to that name.",
        "zh-cn": "kubectl 内置了 kustomize（-k）。生成器用数据的哈希值给 ConfigMap 命名，并把 Deployment 里的引用改写成这个名称。",
      },
    });
    const blueName = /configmap\/(\S+) created/.exec(first.output)?.[1] ?? "";
    await p.step("kubectl rollout status deployment/app --timeout=120s", { expect: /successfully rolled out/ });
    await p.step(referenced, { expect: blueName });
    const { output: bluePod } = await p.step(podName, { until: true, timeout: 60, expect: /^app-\S+$/ });
    await p.step(`kubectl exec ${bluePod} -- sh -c 'echo "$MODE"'`, { expect: "blue" });
    const second = await p.step("kubectl apply -k green", {
      expect: that(
        {
          en: `a ConfigMap with a new name (not ${blueName}) created, and deployment.apps/app configured`,
          "zh-cn": `创建了一个新名称的 ConfigMap（不是 ${blueName}），并且 deployment.apps/app configured`,
        },
        (o) => {
          const m = /^configmap\/(\S+) created\ndeployment\.apps\/app configured$/.exec(o);
          return !!m && generated.test(m[1] ?? "") && m[1] !== blueName;
        },
      ),
      note: {
        en: "The edited literal (MODE=green) hashes to another name: a new ConfigMap, and a change to the Pod template — which is what starts a rollout.",
        "zh-cn": "修改后的字面值（MODE=green）哈希出另一个名称：这是一个新的 ConfigMap，同时 Pod 模板也变了——模板变化正是触发上线的条件。",
      },
    });
    const greenName = /configmap\/(\S+) created/.exec(second.output)?.[1] ?? "";
    await p.step("kubectl rollout status deployment/app --timeout=120s", { expect: /successfully rolled out/ });
    await p.step(referenced, { expect: greenName });
    const { output: greenPod } = await p.step(podName, {
      until: true,
      timeout: 60,
      expect: that(
        { en: `one Running Pod, not ${bluePod}`, "zh-cn": `只有一个 Running 的 Pod，且不是 ${bluePod}` },
        (o) => /^app-\S+$/.test(o) && o !== bluePod,
      ),
    });
    await p.step(`kubectl exec ${greenPod} -- sh -c 'echo "$MODE"'`, {
      expect: "green",
      note: { en: "The new Pod reads the new value.", "zh-cn": "新 Pod 读到的是新值。" },
    });
    await p.step("kubectl get configmaps -l app.kubernetes.io/name=app -o name", {
      expect: that(
        { en: `both configmap/${blueName} and configmap/${greenName}, and no other`, "zh-cn": `configmap/${blueName} 和 configmap/${greenName} 都在，没有别的` },
        (o) => o.split("\n").sort().join("\n") === [`configmap/${blueName}`, `configmap/${greenName}`].sort().join("\n"),
      ),
      note: {
        en: "apply does not delete the old ConfigMap: the previous ReplicaSet's template still refers to it. Old ones pile up until you remove them.",
        "zh-cn": "apply 不会删除旧的 ConfigMap：上一个 ReplicaSet 的模板还引用着它。旧的会越积越多，直到你删掉它们。",
      },
    });
    await p.step("kubectl rollout undo deployment/app", {
      expect: that(
        {
          en: "a warning that the Deployment was managed with kubectl apply and its last-applied-configuration annotation will not be updated, then deployment.apps/app rolled back",
          "zh-cn": "一条警告：这个 Deployment 由 kubectl apply 管理，回滚不会更新 last-applied-configuration 注解；然后是 deployment.apps/app rolled back",
        },
        (o) => /^Warning: resource deployments\/app was previously managed with 'kubectl apply'\. Rolling back will not update the kubectl\.kubernetes\.io\/last-applied-configuration annotation/m.test(o) && /^deployment\.apps\/app rolled back$/m.test(o),
      ),
      note: {
        en: "kubectl warns, rightly: for objects you manage with apply, the durable way back is to apply the previous configuration (here `kubectl apply -k blue`). The undo still shows what the old ConfigMap makes possible.",
        "zh-cn": "kubectl 的警告是对的：对用 apply 管理的对象，真正持久的回退办法是重新 apply 之前的配置（这里就是 `kubectl apply -k blue`）。不过这次回滚仍然说明了旧 ConfigMap 留下来的用处。",
      },
    });
    await p.step("kubectl rollout status deployment/app --timeout=120s", { expect: /successfully rolled out/ });
    await p.step(referenced, { expect: blueName });
    const { output: undonePod } = await p.step(podName, {
      until: true,
      timeout: 60,
      expect: that(
        { en: `one Running Pod, neither ${bluePod} nor ${greenPod}`, "zh-cn": `只有一个 Running 的 Pod，既不是 ${bluePod} 也不是 ${greenPod}` },
        (o) => /^app-\S+$/.test(o) && o !== bluePod && o !== greenPod,
      ),
    });
    await p.step(`kubectl exec ${undonePod} -- sh -c 'echo "$MODE"'`, {
      expect: "blue",
      note: {
        en: "Because the old ConfigMap is still there, undoing the rollout brings the old configuration back with the old template: the configuration is versioned with the Deployment.",
        "zh-cn": "因为旧的 ConfigMap 还在，回滚上线时旧模板连同旧配置一起回来了：配置和 Deployment 一起有了版本。",
      },
    });
  },
});
