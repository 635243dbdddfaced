import { defineProof, that } from "#proof";

const numbers = (out: string) => out.split("\n").filter((l) => l !== "").map(Number);

export default defineProof({
  title: {
    en: "A container that keeps failing is restarted at once, then after 10 s, 20 s, 40 s…: CrashLoopBackOff",
    "zh-cn": "一个反复失败的容器会先被立即重启，之后依次等 10 秒、20 秒、40 秒……：CrashLoopBackOff",
  },
  async run(p) {
    await p.step("kubectl apply -f pod.yaml", { expect: "pod/demo created" });
    await p.step("kubectl exec demo -c reader -- cat /data/starts", {
      until: true,
      timeout: 240,
      expect: that(
        { en: "five start times, in seconds", "zh-cn": "五个启动时间（秒）" },
        (out) => numbers(out).length >= 5 && numbers(out).every((n) => Number.isInteger(n) && n > 0),
      ),
      note: {
        en: "Each start of app appended the time to a file in the Pod's emptyDir volume, which outlives the container. Wait for five starts: the first and four restarts.",
        "zh-cn": "app 每次启动都把当时的时间追加到 Pod 的 emptyDir 卷里的一个文件中，这个卷比容器活得久。等到启动五次：第一次，加上四次重启。",
      },
    });
    await p.step("kubectl exec demo -c reader -- sh -c 'head -5 /data/starts | awk \"NR > 1 { print \\$1 - prev } { prev = \\$1 }\"'", {
      expect: that(
        {
          en: "four gaps between starts: the first under 10 s, then at least 10, 20 and 40 s",
          "zh-cn": "四次启动间隔：第一次不到 10 秒，之后依次至少 10、20、40 秒",
        },
        (out) => {
          const gaps = numbers(out);
          return gaps.length === 4 && gaps[0] < 10 && gaps[1] >= 10 && gaps[2] >= 20 && gaps[3] >= 40;
        },
      ),
      note: {
        en: "The seconds between one start and the next. The kubelet restarts a failed container at once the first time, then waits a back-off that starts at 10 s and doubles after each failure (up to 5 minutes). It looks at the Pod again when the back-off ends, plus a random delay of up to half the back-off, which is why the gaps are longer than the back-off itself.",
        "zh-cn": "相邻两次启动之间隔了多少秒。容器第一次失败时 kubelet 立即重启它，之后每次重启前都要等一段退避时间：从 10 秒开始，每失败一次翻一倍（最多 5 分钟）。kubelet 在退避结束后，还要再等一段最多为退避时间一半的随机延迟，才重新处理这个 Pod，所以实际间隔比退避时间本身长。",
      },
    });
    await p.step(`kubectl get pod demo -o jsonpath='{.status.containerStatuses[?(@.name=="app")].restartCount}'`, {
      until: true,
      timeout: 30,
      expect: that({ en: "restartCount is at least 4", "zh-cn": "restartCount 至少为 4" }, (out) => Number(out) >= 4),
    });
    await p.step("kubectl events --for pod/demo", {
      expect: /Warning\s+BackOff\s+Pod\/demo\s+Back-off restarting failed container app in pod demo_/,
      note: {
        en: "Where to look: the kubelet records a BackOff event each time it finds the container still in its back-off.",
        "zh-cn": "该去哪里看：kubelet 每次发现容器仍在退避期内，都会记一条 BackOff 事件。",
      },
    });
  },
});
