import { defineProof, that } from "#proof";

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
    en: "kube-scheduler's leader holds the Lease kube-system/kube-scheduler and renews it every 2 seconds",
    "zh-cn": "kube-scheduler 的领导者持有 Lease kube-system/kube-scheduler，并每 2 秒续约一次",
  },
  async run(p) {
    const lease = await p.step("kubectl get lease kube-scheduler -n kube-system -o yaml", {
      expect: that(
        {
          en: "holderIdentity is a name, an underscore and a UUID; leaseDurationSeconds is 15; there is a renewTime",
          "zh-cn": "holderIdentity 是一个名字、下划线加一个 UUID；leaseDurationSeconds 为 15；有 renewTime",
        },
        (out) => /^ {2}holderIdentity: \S+_[0-9a-f-]{36}$/m.test(out) && /^ {2}leaseDurationSeconds: 15$/m.test(out) && /^ {2}renewTime: /m.test(out),
      ),
      note: {
        en: "holderIdentity names the scheduler instance that is the leader: its host name, an underscore and a UUID the process made up at start. A standby may take the Lease only after leaseDurationSeconds (15) pass without a renewal.",
        "zh-cn": "holderIdentity 指明当前作为领导者的调度器实例：主机名、下划线，再加上进程启动时生成的 UUID。备用实例只有在 leaseDurationSeconds（15 秒）内没有续约时才能接手这个 Lease。",
      },
    });
    const holder = /^ {2}holderIdentity: (\S+)$/m.exec(lease.output)![1];
    await p.step(
      `kubectl get lease kube-scheduler -n kube-system --watch -o jsonpath='{.spec.holderIdentity} {.spec.renewTime}{"\\n"}' --request-timeout=7s`,
      {
        expect: renewsEvery(holder, 1.9, 4, 3),
        note: {
          en: "Watch the Lease for 7 seconds: the same holder writes a new renewTime about every 2 seconds (the default retryPeriod). That write is the leader's proof of life.",
          "zh-cn": "观察这个 Lease 7 秒：同一个持有者大约每 2 秒写入一次新的 renewTime（默认 retryPeriod）。这次写入就是领导者仍然存活的证据。",
        },
      },
    );
  },
});
