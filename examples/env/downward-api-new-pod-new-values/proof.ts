import { defineProof, that } from "#proof";

const podInfo = "kubectl get pods -l app.kubernetes.io/name=app -o jsonpath='{range .items[*]}{.metadata.name} {.metadata.uid} {.status.podIP}{\"\\n\"}{end}'";
const environ = `kubectl exec deploy/app -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep ^POD_ | sort'`;
const asEnv = (info: string) => {
  const [name, uid, ip] = info.split(" ");
  return [`POD_IP=${ip}`, `POD_NAME=${name}`, `POD_UID=${uid}`].join("\n");
};

export default defineProof({
  title: {
    en: "A replacement Pod gets its own name, UID and IP in the downward API variables",
    "zh-cn": "替换出来的新 Pod，其 downward API 变量是它自己的名字、UID 和 IP",
  },
  async run(p) {
    await p.step("kubectl apply -f deployment.yaml", { expect: "deployment.apps/app created" });
    await p.step("kubectl rollout status deployment/app --timeout=120s", {
      expect: /successfully rolled out/,
    });
    const first = await p.step(podInfo, {
      expect: /^app-\S+ [0-9a-f-]{36} \S+$/,
      note: { en: "The Pod's name, UID and IP, from the API.", "zh-cn": "从 API 读出 Pod 的名字、UID 和 IP。" },
    });
    await p.step(environ, {
      expect: asEnv(first.output),
      note: { en: "Its process sees exactly those values.", "zh-cn": "它的进程看到的正是这几个值。" },
    });
    const [firstName, firstUid] = first.output.split(" ");
    await p.step("kubectl delete pod -l app.kubernetes.io/name=app", {
      expect: new RegExp(`^pod "${firstName}" deleted`),
      note: {
        en: "Delete the Pod; the Deployment's ReplicaSet creates a replacement.",
        "zh-cn": "删掉这个 Pod；Deployment 的 ReplicaSet 会创建一个替代品。",
      },
    });
    await p.step("kubectl wait --for=condition=Ready pod -l app.kubernetes.io/name=app --timeout=120s", {
      until: true,
      timeout: 120,
      expect: /^pod\/app-\S+ condition met$/,
    });
    const second = await p.step(podInfo, {
      expect: that(
        {
          en: "one Pod, with a name and a UID other than the deleted Pod's, and an IP",
          "zh-cn": "只有一个 Pod，名字和 UID 都与被删的 Pod 不同，并且有 IP",
        },
        (o) => {
          const m = /^(app-\S+) ([0-9a-f-]{36}) (\S+)$/.exec(o);
          return m !== null && m[1] !== firstName && m[2] !== firstUid;
        },
      ),
      note: {
        en: "The replacement has a different name and UID (its IP is whatever the network plugin assigned this time).",
        "zh-cn": "替代的 Pod 名字和 UID 都不同（IP 则是网络插件这次分配的地址）。",
      },
    });
    await p.step(environ, {
      expect: asEnv(second.output),
      note: {
        en: "Its environment carries its own name, UID and IP — computed when its container was created.",
        "zh-cn": "它的环境变量里是它自己的名字、UID 和 IP——在它的容器创建时计算出来。",
      },
    });
  },
});
