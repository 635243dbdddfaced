import { defineProof, that } from "#proof";

const jobs = "kubectl get jobs -l app.kubernetes.io/name=tick -o jsonpath='{range .items[*]}{.metadata.name}{\"\\n\"}{end}' --sort-by=.metadata.creationTimestamp";
const names = (out: string) => out.split("\n").filter((l) => l !== "");
/** The CronJob controller names a Job `<cronjob>-<scheduled time in Unix minutes>` (getJobName, pkg/controller/cronjob). */
const minute = (job: string) => Number(/^tick-(\d+)$/.exec(job)?.[1] ?? NaN);

export default defineProof({
  title: {
    en: "Editing a CronJob's template changes the Jobs it creates next, not the Jobs it already created",
    "zh-cn": "修改 CronJob 的模板，改变的是它之后创建的 Job，已经创建的 Job 不受影响",
  },
  async run(p) {
    await p.step("kubectl apply -f cronjob.yaml", { expect: "cronjob.batch/tick created" });
    const first = await p.step(jobs, {
      until: true,
      timeout: 90,
      expect: that({ en: "exactly one Job", "zh-cn": "恰好一个 Job" }, (out) => names(out).length === 1),
      note: {
        en: "Wait for the schedule's first run: the CronJob controller creates a Job at the start of the next minute.",
        "zh-cn": "等第一次按计划运行：CronJob 控制器在下一分钟开始时创建一个 Job。",
      },
    });
    const one = names(first.output)[0];
    await p.step("kubectl set env cronjob/tick MODE=green", { expect: "cronjob.batch/tick env updated" });
    const second = await p.step(jobs, {
      until: true,
      timeout: 90,
      expect: that(
        { en: `two Jobs: ${one}, then the one scheduled a minute later`, "zh-cn": `两个 Job：${one}，以及计划时间晚一分钟的那个` },
        (out) => names(out).length === 2 && names(out)[0] === one && minute(names(out)[1]) === minute(one) + 1,
      ),
      note: {
        en: "The next minute's run. A Job's name ends with its scheduled time in minutes, so the two names differ by one.",
        "zh-cn": "下一分钟的那次运行。Job 名字的结尾是它的计划时间（以分钟计），所以两个名字相差 1。",
      },
    });
    const two = names(second.output)[1];
    await p.step(`kubectl wait --for=condition=Complete job/${one} job/${two} --timeout=120s`, {
      expect: `job.batch/${one} condition met\njob.batch/${two} condition met`,
    });
    await p.step(`kubectl logs job/${one}`, {
      expect: "MODE=blue",
      note: { en: "The Job created before the edit ran with the old value.", "zh-cn": "修改之前创建的 Job 用旧值运行。" },
    });
    await p.step(`kubectl logs job/${two}`, {
      expect: "MODE=green",
      note: { en: "The first Job created after the edit runs with the new one.", "zh-cn": "修改之后创建的第一个 Job 用新值运行。" },
    });
    await p.step(`kubectl get job ${one} -o jsonpath='{.spec.template.spec.containers[0].env}'`, {
      expect: '[{"name":"MODE","value":"blue"}]',
      note: {
        en: "Each Job holds its own copy of the template, taken when the controller created it; the CronJob's edit does not reach it (and a Job's template cannot be edited).",
        "zh-cn": "每个 Job 都保存着自己的一份模板副本，是控制器创建它时拷贝的；对 CronJob 的修改影响不到它（而且 Job 的模板本来就不能改）。",
      },
    });
    await p.step("kubectl patch cronjob tick -p '{\"spec\":{\"suspend\":true}}'", {
      expect: "cronjob.batch/tick patched",
      note: { en: "Suspend the CronJob so that it starts nothing more.", "zh-cn": "暂停这个 CronJob，让它不再启动新的 Job。" },
    });
  },
});
