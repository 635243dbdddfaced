import { defineProof, that } from "#proof";

const clusterIP = "kubectl get service web -o jsonpath='{.spec.clusterIP}'";
const ipv4 = /^\d+\.\d+\.\d+\.\d+$/;

export default defineProof({
  title: {
    en: "A Service's cluster IP cannot be changed; only deleting and recreating the Service gives it a new one",
    "zh-cn": "Service 的集群 IP 不能修改；只有删除并重建 Service 才会得到新的",
  },
  async run(p) {
    await p.step("kubectl apply -f service.yaml", { expect: "service/web created" });
    const first = await p.step(clusterIP, {
      expect: ipv4,
      note: { en: "The cluster IP the API server allocated.", "zh-cn": "API server 分配的集群 IP。" },
    });
    // Another address of the same range, different from the allocated one.
    const octets = first.output.split(".");
    const other = [...octets.slice(0, 3), octets[3] === "200" ? "201" : "200"].join(".");
    await p.step(`kubectl patch service web -p '{"spec":{"clusterIP":"${other}"}}'`, {
      exitCode: "nonzero",
      expect: /spec\.clusterIPs\[0\]: Invalid value: .*may not change once set/,
      note: {
        en: "Changing it is rejected by validation: the field is immutable once set.",
        "zh-cn": "修改会被校验拒绝：这个字段一旦设置就不可变。",
      },
    });
    await p.step(clusterIP, { expect: first.output });
    await p.step("kubectl delete service web", { expect: /^service "web" deleted/ });
    await p.step("kubectl apply -f service.yaml", { expect: "service/web created" });
    await p.step(clusterIP, {
      expect: that(
        { en: `an IPv4 address other than the first cluster IP, ${first.output}`, "zh-cn": `一个 IPv4 地址，且不同于第一次的集群 IP ${first.output}` },
        (o) => ipv4.test(o) && o !== first.output,
      ),
      note: {
        en: `Recreated from the same manifest, the Service gets a newly allocated cluster IP (the first one was ${first.output}).`,
        "zh-cn": `用同一份清单重建后，Service 得到一个新分配的集群 IP（第一次是 ${first.output}）。`,
      },
    });
  },
});
