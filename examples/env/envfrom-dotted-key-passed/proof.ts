import { defineProof } from "#proof";

export default defineProof({
  title: {
    en: "ConfigMap keys such as app.mode, log-level and 1st become environment variables with exactly those names",
    "zh-cn": "app.mode、log-level、1st 这类 ConfigMap 键会原名变成环境变量",
  },
  async run(p) {
    await p.step("kubectl apply -f configmap.yaml -f pod.yaml", {
      expect: "configmap/app-config created\npod/demo created",
    });
    await p.step("kubectl wait --for=condition=Ready pod/demo --timeout=120s", { expect: "pod/demo condition met" });
    await p.step(`kubectl exec demo -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep -E "^(app\\.mode|log-level|1st)=" | sort'`, {
      expect: "1st=yes\napp.mode=blue\nlog-level=debug",
      note: {
        en: "All three keys are in PID 1's environment under their own names — none is skipped or renamed.",
        "zh-cn": "三个键都以原名出现在 PID 1 的环境里——没有被跳过，也没有被改名。",
      },
    });
    await p.step("kubectl get events --field-selector reason=InvalidEnvironmentVariableNames", {
      expect: `No resources found in ${p.namespace} namespace.`,
      note: {
        en: "No InvalidEnvironmentVariableNames event, which older versions emitted when they skipped such keys.",
        "zh-cn": "没有 InvalidEnvironmentVariableNames 事件——旧版本跳过这类键时会发出这个事件。",
      },
    });
    await p.step(`kubectl exec demo -- sh -c 'echo "[$app.mode]"'`, {
      expect: "[.mode]",
      note: {
        en: "A shell cannot name such a variable: it reads $app (unset) followed by the text .mode. The variable is there for programs that read the environment directly.",
        "zh-cn": "shell 没法引用这样的变量名：它把 $app（未设置）和后面的 .mode 分开解析。这些变量是给直接读取环境的程序用的。",
      },
    });
  },
});
