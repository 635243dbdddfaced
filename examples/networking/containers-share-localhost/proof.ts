import { defineProof, that } from "#proof";

const netns = (container: string) => `kubectl exec shared -c ${container} -- readlink /proc/self/ns/net`;
const addr = (container: string) => `kubectl exec shared -c ${container} -- ip -4 -o addr show dev eth0`;

export default defineProof({
  title: {
    en: "The containers of one Pod share its network namespace: one IP, one localhost, one port space",
    "zh-cn": "同一 Pod 的容器共享网络命名空间：同一个 IP、同一个 localhost、同一套端口",
  },
  async run(p) {
    await p.step("kubectl apply -f pod.yaml", { expect: "configmap/page created\npod/shared created" });
    await p.step("kubectl wait --for=condition=Ready pod/shared --timeout=120s", { expect: "pod/shared condition met" });
    await p.step("kubectl exec shared -c client -- timeout 5 wget -qO- http://localhost:8080/", {
      expect: "hello from the web container",
      note: {
        en: "The client container runs no server, yet localhost:8080 answers: it is the web container's httpd, which listens on 127.0.0.1 only.",
        "zh-cn": "client 容器里没有任何服务器，localhost:8080 却有应答：应答的是 web 容器里只监听 127.0.0.1 的 httpd。",
      },
    });
    await p.step("kubectl exec shared -c client -- netstat -tln", {
      expect: /127\.0\.0\.1:8080\s+0\.0\.0\.0:\*\s+LISTEN/,
      note: {
        en: "The client container sees the other container's listening socket among its own.",
        "zh-cn": "client 容器在自己的套接字列表里看到了另一个容器的监听套接字。",
      },
    });
    await p.step("kubectl exec shared -c client -- timeout 5 httpd -f -p 127.0.0.1:8080", {
      exitCode: "nonzero",
      expect: /Address (already )?in use/,
      note: {
        en: "Binding the same port from the second container fails: the port space is shared too.",
        "zh-cn": "在第二个容器里绑定同一端口失败：端口空间也是共享的。",
      },
    });
    const web = await p.step(netns("web"), { expect: /^net:\[\d+\]$/ });
    await p.step(netns("client"), {
      expect: web.output,
      note: {
        en: "Both containers' processes are in the same network namespace (same inode).",
        "zh-cn": "两个容器的进程处在同一个网络命名空间里（inode 相同）。",
      },
    });
    const ip = await p.step("kubectl get pod shared -o jsonpath='{.status.podIP}'", { expect: /^\d+\.\d+\.\d+\.\d+$/ });
    const webAddr = await p.step(addr("web"), {
      expect: that(
        { en: `eth0 has one IPv4 address, the Pod's IP ${ip.output}`, "zh-cn": `eth0 上只有一个 IPv4 地址，就是 Pod 的 IP ${ip.output}` },
        (o) => o.split("\n").length === 1 && o.includes(` inet ${ip.output}/`),
      ),
    });
    await p.step(addr("client"), {
      expect: webAddr.output,
      note: {
        en: "One interface, one address — the Pod's IP — for both containers.",
        "zh-cn": "两个容器用的是同一块网卡、同一个地址，也就是 Pod 的 IP。",
      },
    });
  },
});
