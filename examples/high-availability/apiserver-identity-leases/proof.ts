import { defineProof, tableRows as rows, that } from "#proof";

/** Lines "holder renewTime" from the watch: at least `lines`, one holder throughout, renewTime advancing by min..max s. */
const renewsEvery = (holder: string, min: number, max: number, lines: number) =>
  that(
    {
      en: `at least ${lines} lines, all naming the holder ${holder}, each renewTime ${min} to ${max} s after the one before`,
      "zh-cn": `至少 ${lines} 行，持有者都是 ${holder}，每个 renewTime 比前一个晚 ${min} 到 ${max} 秒`,
    },
    (output) => {
      const r = output
        .split("\n")
        .filter(Boolean)
        .map((line) => line.trim().split(" "))
        .map(([h, t]) => ({ holder: h, time: Date.parse(t) }));
      if (r.length < lines || r.some((x) => x.holder !== holder || Number.isNaN(x.time))) return false;
      return r.slice(1).every((x, i) => (x.time - r[i].time) / 1000 >= min && (x.time - r[i].time) / 1000 <= max);
    },
  );

export default defineProof({
  title: {
    en: "Each running kube-apiserver keeps an identity Lease in kube-system and renews it every 10 seconds",
    "zh-cn": "每个运行中的 kube-apiserver 都在 kube-system 中维护一个身份 Lease，并每 10 秒续约一次",
  },
  async run(p) {
    const leases = await p.step("kubectl get lease -n kube-system -l apiserver.kubernetes.io/identity=kube-apiserver --show-labels", {
      expect: that(
        {
          en: "at least one Lease; each is named apiserver-…, is held by its own name followed by _…, and is labelled apiserver.kubernetes.io/identity=kube-apiserver",
          "zh-cn": "至少有一个 Lease；每个都名为 apiserver-…，持有者是它自己的名字后接 _…，并带有标签 apiserver.kubernetes.io/identity=kube-apiserver",
        },
        (out) => {
          const r = rows(out);
          return (
            r.length >= 1 &&
            r.every((x) => /^apiserver-[a-z0-9]+$/.test(x[0]) && x[1].startsWith(`${x[0]}_`) && x.at(-1)!.split(",").includes("apiserver.kubernetes.io/identity=kube-apiserver"))
          );
        },
      ),
      note: {
        en: "One Lease per API server, named apiserver- and a hash (of the host name), labelled apiserver.kubernetes.io/identity=kube-apiserver.",
        "zh-cn": "每个 API server 一个 Lease，名称是 apiserver- 加一串（由主机名算出的）哈希，带标签 apiserver.kubernetes.io/identity=kube-apiserver。",
      },
    });
    const names = rows(leases.output).map((x) => x[0]);
    await p.step("kubectl get endpointslice -n default -l kubernetes.io/service-name=kubernetes -o jsonpath='{.items[*].endpoints[*].addresses[*]}'", {
      expect: that(
        {
          en: `as many endpoint addresses as identity Leases: ${names.length}`,
          "zh-cn": `端点地址的数目与身份 Lease 相同：${names.length} 个`,
        },
        (out) => out.trim().split(/\s+/).filter(Boolean).length === names.length,
      ),
      note: {
        en: "Cross-check: the default/kubernetes Service has one endpoint per API server — the same count. All of them serve at once; the Lease is a name tag, not a lock.",
        "zh-cn": "交叉核对：default/kubernetes Service 为每个 API server 列出一个端点——数目相同。它们同时提供服务；这个 Lease 是身份标记，不是锁。",
      },
    });
    const lease = await p.step(`kubectl get lease ${names[0]} -n kube-system -o jsonpath='{.spec.holderIdentity} {.spec.leaseDurationSeconds}'`, {
      expect: that(
        {
          en: `the holder is ${names[0]}_ followed by a UUID, and the lease duration is 3600 s`,
          "zh-cn": `持有者是 ${names[0]}_ 后接一个 UUID，租期为 3600 秒`,
        },
        (out) => new RegExp(`^${names[0]}_[0-9a-f-]{36} 3600$`).test(out.trim()),
      ),
      note: {
        en: "Its lease duration is an hour (3600 s): a Lease left by an API server that is gone is garbage-collected once it has expired.",
        "zh-cn": "它的租期是一小时（3600 秒）：已经不在的 API server 留下的 Lease 过期后会被垃圾回收。",
      },
    });
    const holder = lease.output.trim().split(" ")[0];
    await p.step(
      `kubectl get lease ${names[0]} -n kube-system --watch -o jsonpath='{.spec.holderIdentity} {.spec.renewTime}{"\\n"}' --request-timeout=25s`,
      {
        expect: renewsEvery(holder, 9.5, 13, 3),
        note: {
          en: "Watched for 25 seconds, the API server renews its Lease about every 10 seconds.",
          "zh-cn": "观察 25 秒：API server 大约每 10 秒续约一次自己的 Lease。",
        },
      },
    );
  },
});
