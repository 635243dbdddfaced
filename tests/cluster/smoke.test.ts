// Acceptance of a cluster provider: the behaviours every proof relies on, checked on the live cluster.
// Needs a running cluster (npm run cluster:up); K8S_PROVEN_PROVIDER picks the provider.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { $ } from "zx";
import { connect, targetEnv, type Target } from "../../scripts/verify/cluster.ts";
import { chooseProvider } from "../../scripts/cluster/choose-provider.ts";

const ns = "proven-smoke";
const image = "docker.io/library/busybox:1.35.0";
let target: Target;

function k(args: string[], input?: string) {
  return $({ env: targetEnv(target), quiet: true, nothrow: true, input })`kubectl -n ${ns} ${args}`;
}

async function poll<T>(what: string, fn: () => Promise<T | undefined>, seconds: number): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${seconds}s`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

const pod = (name: string, command: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, labels: { "app.kubernetes.io/name": name } },
    spec: { terminationGracePeriodSeconds: 1, containers: [{ name: "main", image, command: ["sh", "-c", command], ...extra }] },
  });

async function running(name: string, manifest: string): Promise<void> {
  const r = await k(["apply", "-f", "-"], manifest);
  expect(r.exitCode, r.stderr).toBe(0);
  const w = await k(["wait", "--for=condition=Ready", `pod/${name}`, "--timeout=120s"]);
  expect(w.exitCode, `${w.stderr}\n${(await k(["describe", "pod", name])).stdout}`).toBe(0);
}

const podIP = async (name: string) => (await k(["get", "pod", name, "-o", "jsonpath={.status.podIP}"])).stdout.trim();

beforeAll(async () => {
  target = await connect(await chooseProvider());
  await k(["delete", "namespace", ns, "--ignore-not-found", "--wait=true"]);
  await $({ env: targetEnv(target), quiet: true })`kubectl create namespace ${ns}`;
  // Two pods that the network checks share: a web server and a client.
  await Promise.all([
    running("web", pod("web", "mkdir -p /tmp/www && echo hello-from-web > /tmp/www/index.html && httpd -f -p 8080 -h /tmp/www")),
    running("client", pod("client", "sleep 3600")),
  ]);
  await k(["expose", "pod", "web", "--port=80", "--target-port=8080", "--name=web"]);
  await k(["expose", "pod", "web", "--type=NodePort", "--port=80", "--target-port=8080", "--name=web-nodeport"]);
}, 300_000);

afterAll(async () => {
  if (target) await k(["delete", "namespace", ns, "--wait=true", "--timeout=180s"]);
}, 200_000);

describe.concurrent("cluster smoke", { timeout: 240_000 }, () => {
  it("has a Ready node", async () => {
    const r = await k(["get", "nodes", "-o", "jsonpath={.items[*].status.conditions[?(@.type=='Ready')].status}"]);
    expect(r.stdout.split(" ")).not.toContain("False");
    expect(r.stdout).toContain("True");
  });

  it("runs a pod whose logs and exec work", async () => {
    await running("hello", pod("hello", "echo hello-logs; sleep 3600"));
    expect((await k(["logs", "hello"])).stdout.trim()).toBe("hello-logs");
    expect((await k(["exec", "hello", "--", "echo", "hello-exec"])).stdout.trim()).toBe("hello-exec");
  });

  it("restarts a container that exits (restartCount increments)", async () => {
    expect((await k(["apply", "-f", "-"], pod("crasher", "sleep 2; exit 3"))).exitCode).toBe(0);
    await poll("restartCount ≥ 1", async () => {
      const n = Number((await k(["get", "pod", "crasher", "-o", "jsonpath={.status.containerStatuses[0].restartCount}"])).stdout);
      return n >= 1 ? n : undefined;
    }, 120);
  });

  it("reaches a pod from another pod by IP", async () => {
    const ip = await podIP("web");
    expect(ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect((await k(["exec", "client", "--", "timeout", "5", "wget", "-qO-", `http://${ip}:8080/`])).stdout.trim()).toBe("hello-from-web");
  });

  it("answers on a ClusterIP Service from another pod", async () => {
    const out = await poll("the Service answers", async () => {
      const r = await k(["exec", "client", "--", "timeout", "5", "wget", "-qO-", "http://web/"]);
      return r.exitCode === 0 ? r.stdout.trim() : undefined;
    }, 60);
    expect(out).toBe("hello-from-web");
  });

  it("resolves <svc>.<ns>.svc.cluster.local through cluster DNS", async () => {
    const clusterIP = (await k(["get", "service", "web", "-o", "jsonpath={.spec.clusterIP}"])).stdout.trim();
    const out = await poll("DNS answers", async () => {
      const r = await k(["exec", "client", "--", "nslookup", `web.${ns}.svc.cluster.local`]);
      return r.exitCode === 0 ? r.stdout : undefined;
    }, 60);
    expect(out).toContain(clusterIP);
  });

  it("answers on a NodePort at the node's address", async () => {
    const nodeIP = (await k(["get", "nodes", "-o", "jsonpath={.items[0].status.addresses[?(@.type=='InternalIP')].address}"])).stdout.trim();
    const port = (await k(["get", "service", "web-nodeport", "-o", "jsonpath={.spec.ports[0].nodePort}"])).stdout.trim();
    const out = await poll("the NodePort answers", async () => {
      const r = await k(["exec", "client", "--", "timeout", "5", "wget", "-qO-", `http://${nodeIP}:${port}/`]);
      return r.exitCode === 0 ? r.stdout.trim() : undefined;
    }, 60);
    expect(out).toBe("hello-from-web");
  });

  it("updates a mounted ConfigMap in a running pod", async () => {
    await k(["create", "configmap", "live", "--from-literal=color=blue"]);
    await running(
      "cm-reader",
      JSON.stringify({
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: "cm-reader" },
        spec: {
          terminationGracePeriodSeconds: 1,
          containers: [{ name: "main", image, command: ["sleep", "3600"], volumeMounts: [{ name: "cfg", mountPath: "/cfg" }] }],
          volumes: [{ name: "cfg", configMap: { name: "live" } }],
        },
      }),
    );
    expect((await k(["exec", "cm-reader", "--", "cat", "/cfg/color"])).stdout).toBe("blue");
    await k(["create", "configmap", "live", "--from-literal=color=green", "--dry-run=client", "-o", "yaml"]).then((r) => k(["apply", "-f", "-"], r.stdout));
    await poll("the file changes", async () => ((await k(["exec", "cm-reader", "--", "cat", "/cfg/color"])).stdout === "green" ? true : undefined), 180);
  });

  it("OOM-kills a container over its memory limit", async () => {
    await k(["apply", "-f", "-"], pod("hog", "tail /dev/zero", { resources: { limits: { memory: "32Mi" } } }));
    const reason = await poll("OOMKilled", async () => {
      const r = await k(["get", "pod", "hog", "-o", "jsonpath={.status.containerStatuses[0].lastState.terminated.reason}{.status.containerStatuses[0].state.terminated.reason}"]);
      return r.stdout.includes("OOMKilled") ? "OOMKilled" : undefined;
    }, 120);
    expect(reason).toBe("OOMKilled");
  });

  it("binds a PVC and lets a pod write to it", async () => {
    await k(["apply", "-f", "-"], JSON.stringify({
      apiVersion: "v1",
      kind: "PersistentVolumeClaim",
      metadata: { name: "data" },
      spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "16Mi" } } },
    }));
    await running(
      "writer",
      JSON.stringify({
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: "writer" },
        spec: {
          terminationGracePeriodSeconds: 1,
          containers: [{ name: "main", image, command: ["sh", "-c", "echo persisted > /data/file; sleep 3600"], volumeMounts: [{ name: "d", mountPath: "/data" }] }],
          volumes: [{ name: "d", persistentVolumeClaim: { claimName: "data" } }],
        },
      }),
    );
    expect((await k(["get", "pvc", "data", "-o", "jsonpath={.status.phase}"])).stdout).toBe("Bound");
    expect((await k(["exec", "writer", "--", "cat", "/data/file"])).stdout.trim()).toBe("persisted");
  });

  it("returns figures from kubectl top pod", async () => {
    const out = await poll("metrics for pod web", async () => {
      const r = await k(["top", "pod", "web", "--no-headers"]);
      return r.exitCode === 0 ? r.stdout : undefined;
    }, 150);
    expect(out).toMatch(/^web\s+\d+m\s+\d+Mi/);
  });

  it("has Lease objects for kube-scheduler and kube-controller-manager", async () => {
    const r = await $({ env: targetEnv(target), quiet: true, nothrow: true })`kubectl -n kube-system get lease kube-scheduler kube-controller-manager -o jsonpath={.items[*].spec.holderIdentity}`;
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout.split(" ").filter(Boolean)).toHaveLength(2);
  });
});
