import { defineProof } from "#proof";

export default defineProof({
  title: {
    en: "An immutable ConfigMap's data cannot be changed, and it cannot be made mutable again",
    "zh-cn": "不可变 ConfigMap 的数据无法修改，也无法改回可变",
  },
  async run(p) {
    await p.step("kubectl apply -f configmap.yaml", { expect: "configmap/app-config created" });
    await p.step(`kubectl patch configmap app-config -p '{"data":{"MODE":"green"}}'`, {
      exitCode: "nonzero",
      expect: /data: Forbidden: field is immutable when `immutable` is set/,
      note: { en: "Changing the data is rejected by the API server.", "zh-cn": "修改数据被 API server 拒绝。" },
    });
    await p.step(`kubectl patch configmap app-config -p '{"immutable":false}'`, {
      exitCode: "nonzero",
      expect: /immutable: Forbidden: field is immutable when `immutable` is set/,
      note: { en: "So is removing the flag: there is no way back.", "zh-cn": "去掉这个标记同样被拒绝：没有回头路。" },
    });
    await p.step("kubectl label configmap app-config team=payments", {
      expect: "configmap/app-config labeled",
      note: {
        en: "Metadata such as labels can still change; only data, binaryData and the flag are frozen.",
        "zh-cn": "标签等元数据仍然可以修改；被冻结的只有 data、binaryData 和这个标记本身。",
      },
    });
    await p.step("kubectl get configmap app-config -o jsonpath='{.immutable} {.data.MODE}'", { expect: "true blue" });
    await p.step("kubectl delete configmap app-config", {
      expect: /^configmap "app-config" deleted/,
      note: {
        en: "The only way to change it: delete it and create it again (Pods already running keep what they had).",
        "zh-cn": "唯一的修改办法：删除后重新创建（已在运行的 Pod 保持原来拿到的内容）。",
      },
    });
    await p.step("kubectl create configmap app-config --from-literal=MODE=green", { expect: "configmap/app-config created" });
    await p.step("kubectl get configmap app-config -o jsonpath='{.data.MODE}'", { expect: "green" });
  },
});
