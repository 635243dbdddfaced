import { defineProof } from "#proof";

/** Lines "holder renewTime" printed by the watch, parsed. */
const renewals = (output: string) =>
  output
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [holder, time] = line.trim().split(" ");
      return { holder, time: Date.parse(time) };
    });

/** Every line names the same holder, and renewTime moves forward by about `period` seconds each time. */
const renewsEvery = (output: string, holder: string, min: number, max: number, lines: number) => {
  const r = renewals(output);
  if (r.length < lines || r.some((x) => x.holder !== holder || Number.isNaN(x.time))) return false;
  return r.slice(1).every((x, i) => {
    const gap = (x.time - r[i].time) / 1000;
    return gap >= min && gap <= max;
  });
};

export default defineProof({
  title: {
    en: "kube-scheduler's leader holds the Lease kube-system/kube-scheduler and renews it every 2 seconds",
    "zh-cn": "kube-scheduler 的领导者持有 Lease kube-system/kube-scheduler，并每 2 秒续约一次",
  },
  async run(p) {
    const lease = await p.step("kubectl get lease kube-scheduler -n kube-system -o yaml", {
      expect: (out) => /^ {2}holderIdentity: \S+_[0-9a-f-]{36}$/m.test(out) && /^ {2}leaseDurationSeconds: 15$/m.test(out) && /^ {2}renewTime: /m.test(out),
      note: {
        en: "holderIdentity names the scheduler instance that is the leader: its host name, an underscore and a UUID the process made up at start. A standby may take the Lease only after leaseDurationSeconds (15) pass without a renewal.",
        "zh-cn": "holderIdentity 指明当前作为领导者的调度器实例：主机名、下划线，再加上进程启动时生成的 UUID。备用实例只有在 leaseDurationSeconds（15 秒）内没有续约时才能接手这个 Lease。",
      },
    });
    const holder = /^ {2}holderIdentity: (\S+)$/m.exec(lease.output)![1];
    await p.step(
      `kubectl get lease kube-scheduler -n kube-system --watch -o jsonpath='{.spec.holderIdentity} {.spec.renewTime}{"\\n"}' --request-timeout=7s`,
      {
        expect: (out) => renewsEvery(out, holder, 1.9, 4, 3),
        note: {
          en: "Watch the Lease for 7 seconds: the same holder writes a new renewTime about every 2 seconds (the default retryPeriod). That write is the leader's proof of life.",
          "zh-cn": "观察这个 Lease 7 秒：同一个持有者大约每 2 秒写入一次新的 renewTime（默认 retryPeriod）。这次写入就是领导者仍然存活的证明。",
        },
      },
    );
  },
});
