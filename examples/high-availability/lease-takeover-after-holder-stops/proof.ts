import { defineProof, that } from "#proof";

const lease = "kubectl get lease kube-scheduler -o custom-columns=HOLDER:.spec.holderIdentity,ACQUIRED:.spec.acquireTime,RENEWED:.spec.renewTime,TRANSITIONS:.spec.leaseTransitions";
/** The one row of the Lease table: holder, acquireTime, renewTime, leaseTransitions. */
const row = (output: string) => {
  const [holder, acquired, renewed, transitions] = (output.split("\n")[1] ?? "").trim().split(/\s+/);
  return { holder, acquired: Date.parse(acquired), renewed: Date.parse(renewed), transitions };
};
const identity = /^\S+_[0-9a-f-]{36}$/;
const start = (ns: string, name: string) =>
  `kube-scheduler --config=lease-demo-scheduler.conf --leader-elect-resource-namespace=${ns} --secure-port=0 >/tmp/lease-demo-${name}.log 2>&1 & echo $!`;
const waiting = (name: string) => `grep -o '"[A-Za-z ]*lease[A-Za-z .]*"' /tmp/lease-demo-${name}.log`;
const standby = that(
  {
    en: 'the log has "Attempting to acquire leader lease" and no "Successfully acquired"',
    "zh-cn": '日志里有 "Attempting to acquire leader lease"，没有 "Successfully acquired"',
  },
  (out) => /Attempting to acquire leader lease/.test(out) && !/Successfully acquired/.test(out),
);
/** What `start` prints: the process id of the instance it started. */
const pid = /^\d+$/;

export default defineProof({
  title: {
    en: "When the Lease holder stops, a standby kube-scheduler takes over: after the lease duration on a crash, at once on a clean stop",
    "zh-cn": "Lease 持有者停止后，备用的 kube-scheduler 接手：崩溃时等满租期，正常退出时立即接手",
  },
  // Runs two extra kube-scheduler processes on the node, with the cluster's own scheduler credentials.
  needs: ["local-provider"],
  async run(p) {
    const ns = p.namespace;
    for (const name of ["a", "b", "c"]) p.cleanup(`rm -f /tmp/lease-demo-${name}.log`);
    await p.step("cat lease-demo-scheduler.conf", {
      expect: /schedulerName: lease-demo/,
      note: {
        en: "This cluster runs one kube-scheduler, and stopping it would stop scheduling for everyone. So we start more instances of the same binary, two at a time, that elect a leader through a Lease in this namespace, and stop those.",
        "zh-cn": "这个集群只运行一个 kube-scheduler，停掉它会让所有人的调度都停下来。所以我们用同一个程序另外启动几个实例（同时运行两个），让它们通过本命名空间里的 Lease 选出领导者，然后停掉它们。",
      },
    });

    const { output: a } = await p.step(start(ns, "a"), {
      expect: pid,
      note: { en: "Instance A, in the background; the output is its process id.", "zh-cn": "在后台启动实例 A；输出是它的进程号。" },
    });
    // Each instance is killed by the proof itself on success: already gone is the expected case.
    p.cleanup(`kill -9 ${a} 2>/dev/null || true`);
    const first = await p.step(lease, {
      until: true,
      timeout: 30,
      expect: that(
        { en: "HOLDER is a name, an underscore and a UUID; TRANSITIONS is 0", "zh-cn": "HOLDER 是一个名字、下划线加一个 UUID；TRANSITIONS 为 0" },
        (out) => identity.test(row(out).holder ?? "") && row(out).transitions === "0",
      ),
      note: { en: "A is alone, so it acquires the Lease.", "zh-cn": "只有 A 一个实例，它拿到了 Lease。" },
    });
    const holderA = row(first.output).holder;

    const { output: b } = await p.step(start(ns, "b"), { expect: pid, note: { en: "Instance B.", "zh-cn": "实例 B。" } });
    p.cleanup(`kill -9 ${b} 2>/dev/null || true`);
    await p.step(waiting("b"), {
      until: true,
      timeout: 30,
      expect: standby,
      note: {
        en: "B is a standby: it keeps trying to acquire the Lease and does nothing else.",
        "zh-cn": "B 是备用实例：它不断尝试获取 Lease，除此之外什么也不做。",
      },
    });

    await p.step(lease, {
      until: true,
      timeout: 30,
      expect: that(
        {
          en: `HOLDER is still A (${holderA}), and RENEWED is at least 4 s later than in A's first row`,
          "zh-cn": `HOLDER 仍是 A（${holderA}），RENEWED 比 A 第一次那一行至少晚 4 秒`,
        },
        (out) => row(out).holder === holderA && row(out).renewed - row(first.output).renewed >= 4000,
      ),
      note: {
        en: "A keeps renewing the Lease (RENEWED moves on) while B waits.",
        "zh-cn": "A 持续续约（RENEWED 不断前进），B 在一旁等待。",
      },
    });
    await p.step(`kill -9 ${a}`, {
      note: {
        en: "Kill A without warning, as a crash or a lost machine would: it cannot give the Lease back.",
        "zh-cn": "不打招呼直接杀掉 A，就像进程崩溃或机器失联那样：它没有机会交还 Lease。",
      },
    });
    const dead = await p.step(lease, {
      expect: that({ en: `HOLDER is still A (${holderA})`, "zh-cn": `HOLDER 仍是 A（${holderA}）` }, (out) => row(out).holder === holderA),
      note: {
        en: "The Lease still names A, with A's last renewTime.",
        "zh-cn": "Lease 上写的仍然是 A，renewTime 停在 A 最后一次续约的时刻。",
      },
    });
    const lastRenewA = row(dead.output).renewed;
    const second = await p.step(lease, {
      until: true,
      timeout: 40,
      expect: that(
        {
          en: "HOLDER is another instance (a name, an underscore and a UUID, not A's); TRANSITIONS is 1; ACQUIRED is at least 15 and under 26 seconds after A's last RENEWED",
          "zh-cn": "HOLDER 是另一个实例（名字、下划线加 UUID，不是 A）；TRANSITIONS 为 1；ACQUIRED 比 A 最后的 RENEWED 晚至少 15 秒、不到 26 秒",
        },
        (out) => {
          const r = row(out);
          const waited = (r.acquired - lastRenewA) / 1000;
          return identity.test(r.holder ?? "") && r.holder !== holderA && r.transitions === "1" && waited >= 15 && waited < 26;
        },
      ),
      note: {
        en: "B takes over — but only after A's last renewal is older than leaseDurationSeconds (15): ACQUIRED is at least 15 seconds after A's last RENEWED. leaseTransitions counts the change of holder.",
        "zh-cn": "B 接手了——但要等到 A 最后一次续约已超过 leaseDurationSeconds（15 秒）之后：ACQUIRED 比 A 最后的 RENEWED 晚至少 15 秒。leaseTransitions 记录了持有者的更替。",
      },
    });
    const holderB = row(second.output).holder;

    const { output: c } = await p.step(start(ns, "c"), { expect: pid, note: { en: "Instance C, a new standby.", "zh-cn": "实例 C，新的备用实例。" } });
    p.cleanup(`kill -9 ${c} 2>/dev/null || true`);
    await p.step(waiting("c"), { until: true, timeout: 30, expect: standby });
    const beforeStop = await p.step(lease, {
      expect: that({ en: `HOLDER is still B (${holderB})`, "zh-cn": `HOLDER 仍是 B（${holderB}）` }, (out) => row(out).holder === holderB),
    });
    const lastRenewB = row(beforeStop.output).renewed;
    await p.step(`kill ${b}`, {
      note: {
        en: "Stop B cleanly (SIGTERM), as a rolling upgrade of a control-plane node does: kube-scheduler releases its Lease on the way out.",
        "zh-cn": "正常停止 B（SIGTERM），就像控制平面节点滚动升级时那样：kube-scheduler 退出前会释放它的 Lease。",
      },
    });
    await p.step(lease, {
      until: true,
      timeout: 30,
      expect: that(
        {
          en: "HOLDER is a third instance (a name, an underscore and a UUID, neither A's nor B's); TRANSITIONS is 2; ACQUIRED is less than 10 seconds after B's last RENEWED",
          "zh-cn": "HOLDER 是第三个实例（名字、下划线加 UUID，既不是 A 也不是 B）；TRANSITIONS 为 2；ACQUIRED 比 B 最后的 RENEWED 晚不到 10 秒",
        },
        (out) => {
          const r = row(out);
          const waited = (r.acquired - lastRenewB) / 1000;
          return identity.test(r.holder ?? "") && r.holder !== holderA && r.holder !== holderB && r.transitions === "2" && waited < 10;
        },
      ),
      note: {
        en: "C holds the Lease within a few seconds of B's last renewal — no 15-second wait, because B gave the Lease up instead of letting it expire.",
        "zh-cn": "C 在 B 最后一次续约后几秒内就拿到了 Lease——不用等 15 秒，因为 B 主动交出了 Lease，而不是等它过期。",
      },
    });
    await p.step(`kill ${c}`);
  },
});
