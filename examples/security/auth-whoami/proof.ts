import { defineProof, that } from "#proof";

export default defineProof({
  title: {
    en: "kubectl auth whoami shows who the API server thinks you are",
    "zh-cn": "kubectl auth whoami 显示 API server 认为你是谁",
  },
  async run(p) {
    await p.step("kubectl auth whoami", {
      expect: that(
        {
          en: "there is a Username, the Groups include system:authenticated, and the credential id is an X509SHA256 fingerprint: a client certificate",
          "zh-cn": "有 Username，Groups 包含 system:authenticated，凭据 ID 是 X509SHA256 指纹，即客户端证书",
        },
        (out) =>
          /^Username\s+\S+/m.test(out) &&
          /^Groups\s+\[[^\]]*\bsystem:authenticated\b[^\]]*\]/m.test(out) &&
          /^Extra: authentication\.kubernetes\.io\/credential-id\s+\[X509SHA256=[0-9a-f]{64}\]$/m.test(out),
      ),
      note: {
        en: "The identity the API server derived from this kubeconfig's credentials (here a client certificate, as its X509SHA256 credential id shows: the user is the certificate's CN, the groups its O fields). There is no user object behind it.",
        "zh-cn": "API server 从这个 kubeconfig 的凭据推出的身份（这里是客户端证书，X509SHA256 凭据 ID 即说明了这一点：用户名取自证书的 CN，组取自 O 字段）。背后并没有一个“用户”对象。",
      },
    });
    await p.step("kubectl apply -f serviceaccount.yaml", { expect: "serviceaccount/reader created" });
    await p.step(`kubectl auth whoami --as=system:serviceaccount:${p.namespace}:reader`, {
      expect: [
        "ATTRIBUTE   VALUE",
        `Username    system:serviceaccount:${p.namespace}:reader`,
        `Groups      [system:serviceaccounts system:serviceaccounts:${p.namespace} system:authenticated]`,
      ].join("\n"),
      note: {
        en: "Impersonating the ServiceAccount: its username is system:serviceaccount:<namespace>:<name>, and it belongs to the groups of all service accounts and of those in its namespace.",
        "zh-cn": "模拟这个 ServiceAccount 的身份：用户名是 system:serviceaccount:<命名空间>:<名字>，所属的组是全部服务账号的组和它所在命名空间的服务账号组。",
      },
    });
  },
});
