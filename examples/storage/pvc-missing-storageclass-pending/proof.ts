import { defineProof } from "#proof";

export default defineProof({
  title: {
    en: "A claim naming a StorageClass that does not exist is accepted and stays Pending",
    "zh-cn": "指定了不存在的 StorageClass 的申请会被接受，然后一直处于 Pending",
  },
  async run(p) {
    await p.step("kubectl apply -f pvc.yaml", {
      expect: "persistentvolumeclaim/data created",
      note: {
        en: "The API server does not check that the class exists.",
        "zh-cn": "API server 不检查这个类是否存在。",
      },
    });
    await p.step("kubectl events --for persistentvolumeclaim/data", {
      until: true,
      timeout: 60,
      expect: /ProvisioningFailed\s+.*storageclass\.storage\.k8s\.io "does-not-exist" not found/,
      note: {
        en: "The PersistentVolume controller finds no such class, records why, and keeps retrying.",
        "zh-cn": "PersistentVolume 控制器找不到这个类，记下原因，并不断重试。",
      },
    });
    await p.step("kubectl get pvc data -o jsonpath='{.status.phase} {.spec.volumeName}'", {
      expect: "Pending",
      note: {
        en: "Still Pending, bound to no volume. Creating the StorageClass (or correcting the name in a new claim: storageClassName cannot be changed) is what unblocks it.",
        "zh-cn": "仍是 Pending，没有绑定任何卷。要解开它，得创建这个 StorageClass（或者在新的申请里改正名字：storageClassName 不能修改）。",
      },
    });
  },
});
