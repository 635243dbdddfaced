import { defineProof } from "#proof";

// 1 MiB of the letter a, piped to kubectl as the content of one key.
const mib = (bytes: number) => `head -c ${bytes} /dev/zero | tr '\\0' a`;

export default defineProof({
  title: {
    en: "A ConfigMap's data may add up to 1 MiB; one byte more is rejected",
    "zh-cn": "ConfigMap 的数据总共最多 1 MiB；多一个字节就被拒绝",
  },
  async run(p) {
    await p.step(`${mib(1048576)} | kubectl create configmap at-limit --from-file=blob=/dev/stdin`, {
      expect: "configmap/at-limit created",
      note: {
        en: "A value of exactly 1 MiB (1048576 bytes) is accepted.",
        "zh-cn": "恰好 1 MiB（1048576 字节）的值被接受了。",
      },
    });
    await p.step("kubectl get configmap at-limit -o jsonpath='{.data.blob}' | wc -c", { expect: "1048576" });
    await p.step(`${mib(1048577)} | kubectl create configmap over-limit --from-file=blob=/dev/stdin`, {
      exitCode: "nonzero",
      expect: /ConfigMap "over-limit" is invalid: \[\]: Too long: may not be more than 1048576 bytes/,
      note: {
        en: "One byte more is refused by the API server's validation, which adds up the values of data and binaryData (not the keys) and allows at most 1048576 bytes. Larger configuration belongs in a volume of another kind, or in an image.",
        "zh-cn": "多一个字节，就被 API server 的校验拒绝：它把 data 和 binaryData 的值（不含键）加起来，最多允许 1048576 字节。更大的配置应放进其他类型的卷，或者打进镜像。",
      },
    });
    await p.step("kubectl get configmap over-limit", {
      exitCode: "nonzero",
      expect: /configmaps "over-limit" not found/,
      note: { en: "Nothing was stored.", "zh-cn": "什么都没有存下来。" },
    });
  },
});
