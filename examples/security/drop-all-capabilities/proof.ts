import { defineProof, that } from "#proof";

const caps = (pod: string) => `kubectl exec ${pod} -- grep Cap /proc/1/status`;
const set = (out: string, name: string) => new RegExp(`^Cap${name}:\\s+([0-9a-f]{16})$`, "m").exec(out)?.[1];
const zero = "0000000000000000";
const allSets = ["Inh", "Prm", "Eff", "Bnd", "Amb"];
// containerd's default set, by capability number (linux/capability.h), as the mask /proc shows: another
// runtime's defaults would differ, and the note names containerd's.
const containerdDefaults = {
  CHOWN: 0,
  DAC_OVERRIDE: 1,
  FOWNER: 3,
  FSETID: 4,
  KILL: 5,
  SETGID: 6,
  SETUID: 7,
  SETPCAP: 8,
  NET_BIND_SERVICE: 10,
  NET_RAW: 13,
  SYS_CHROOT: 18,
  MKNOD: 27,
  AUDIT_WRITE: 29,
  SETFCAP: 31,
};
const containerdMask = Object.values(containerdDefaults)
  .reduce((mask, bit) => mask + 2 ** bit, 0)
  .toString(16)
  .padStart(16, "0");
const emptied = that(
  { en: "CapInh, CapPrm, CapEff, CapBnd and CapAmb are all 0000000000000000", "zh-cn": "CapInh、CapPrm、CapEff、CapBnd 和 CapAmb 全部为 0000000000000000" },
  (out) => allSets.every((s) => set(out, s) === zero),
);

export default defineProof({
  title: {
    en: "capabilities drop ALL leaves a process no capabilities, as root or not",
    "zh-cn": "capabilities drop ALL 让进程不再拥有任何 capability，无论是否 root",
  },
  async run(p) {
    await p.step("kubectl apply -f pods.yaml", {
      expect: "pod/root created\npod/root-drop-all created\npod/nonroot created\npod/nonroot-drop-all created",
    });
    await p.step("kubectl wait --for=condition=Ready pod -l app.kubernetes.io/name=caps --timeout=120s", {
      expect: that(
        { en: "4 Pods report condition met", "zh-cn": "4 个 Pod 都报告 condition met" },
        (out) => out.split("\n").filter((l) => / condition met$/.test(l)).length === 4,
      ),
    });
    await p.step(caps("root"), {
      expect: that(
        {
          en: `CapEff and CapBnd are both ${containerdMask}: exactly ${Object.keys(containerdDefaults).join(", ")}`,
          "zh-cn": `CapEff 和 CapBnd 都是 ${containerdMask}：恰好是 ${Object.keys(containerdDefaults).join("、")}`,
        },
        (out) => set(out, "Eff") === containerdMask && set(out, "Bnd") === containerdMask,
      ),
      note: {
        en: "Root with the runtime's defaults: the effective set (CapEff), and the bounding set with it, is containerd's default set of 14 capabilities. Each bit of the mask is one capability.",
        "zh-cn": "使用运行时默认设置的 root：有效集合（CapEff）和边界集合（CapBnd）都是 containerd 的默认集合，共 14 个 capability。掩码的每一位对应一个 capability。",
      },
    });
    await p.step("kubectl exec root -- sh -c 'chown 1 /tmp && stat -c %u /tmp'", {
      expect: "1",
      note: { en: "With CAP_CHOWN, root may give a file away.", "zh-cn": "有了 CAP_CHOWN，root 可以更改文件的属主。" },
    });
    await p.step(caps("root-drop-all"), {
      expect: emptied,
      note: {
        en: "drop: [ALL]: every set is empty, the bounding set too.",
        "zh-cn": "drop: [ALL]：所有集合都为空，包括边界集合（CapBnd）。",
      },
    });
    await p.step("kubectl exec root-drop-all -- sh -c 'id -u && chown 1 /tmp 2>&1'", {
      expect: /^0\nchown: \/tmp: Operation not permitted$/m,
      exitCode: "nonzero",
      note: {
        en: "Still UID 0, but root without capabilities is refused what the kernel guards with them.",
        "zh-cn": "仍然是 UID 0，但没有 capability 的 root 会被内核拒绝那些需要 capability 的操作。",
      },
    });
    await p.step(caps("nonroot"), {
      expect: that(
        { en: "CapEff and CapPrm are 0000000000000000, CapBnd is not", "zh-cn": "CapEff 和 CapPrm 为 0000000000000000，CapBnd 不是" },
        (out) => set(out, "Eff") === zero && set(out, "Prm") === zero && set(out, "Bnd") !== undefined && set(out, "Bnd") !== zero,
      ),
      note: {
        en: "A non-root process has no effective capabilities even without drop: the kernel clears them when a non-root user runs a program. What remains is the bounding set, the ceiling a setuid-root or file-capability program could regain.",
        "zh-cn": "非 root 进程即使不 drop 也没有有效的 capability：非 root 用户执行程序时内核会清空它们。剩下的是边界集合，即 setuid-root 程序或带文件 capability 的程序可能重新获得的上限。",
      },
    });
    await p.step(caps("nonroot-drop-all"), {
      expect: emptied,
      note: {
        en: "Non-root with drop: [ALL], as the restricted level requires: the ceiling is gone as well.",
        "zh-cn": "非 root 且 drop: [ALL]，正如 restricted 级别所要求的：上限也没有了。",
      },
    });
  },
});
