// A failed up rolls back what it started unless --retain; stopping processes waits a bounded time even for a
// process that ignores SIGKILL. Both with injected functions: no process, mount or cluster is touched.
import { describe, expect, it } from "vitest";
import { ClusterError } from "../../scripts/cluster/log.ts";
import { afterFailedUp, upWithRollback, type Started } from "../../scripts/cluster/rollback.ts";
import { describeProcess, stopPids } from "../../scripts/cluster/local/processes.ts";

const down = "npm run cluster:down -- --provider local";
const item = (what: string, undone: string[] = [], fail = false): Started => ({
  what,
  undo: async () => {
    undone.push(what);
    if (fail) throw new ClusterError(`could not undo ${what}`, "detail line");
  },
});

describe("afterFailedUp", () => {
  it("nothing started (a check failed): nothing to undo, so a cluster that was already running stays", () => {
    expect(afterFailedUp([], false, down)).toEqual({ action: "nothing" });
    expect(afterFailedUp([], true, down)).toEqual({ action: "nothing" });
  });

  it("rolls back last-first", () => {
    const plan = afterFailedUp([item("engine"), item("cluster")], false, down);
    expect(plan.action).toBe("rollback");
    expect(plan.action === "rollback" && plan.order.map((s) => s.what)).toEqual(["cluster", "engine"]);
  });

  it("--retain: keeps everything and says how to remove it", () => {
    const plan = afterFailedUp([item("engine"), item("cluster")], true, down);
    expect(plan).toEqual({
      action: "retain",
      kept: ["engine", "cluster"],
      message: `--retain: kept what this up started, for a look:\n  - engine\n  - cluster\nremove it with: ${down}`,
    });
  });
});

describe("upWithRollback", () => {
  it("a successful up undoes nothing", async () => {
    const undone: string[] = [];
    await upWithRollback(async (ledger) => ledger.started("processes", item("processes", undone).undo), { retain: false, downCommand: down, log: () => {} });
    expect(undone).toEqual([]);
  });

  it("a failed up undoes what it started, last first, and rethrows its own error", async () => {
    const undone: string[] = [];
    const log: string[] = [];
    const failure = new ClusterError("kube-apiserver exited during start-up");
    const e = await upWithRollback(
      async (ledger) => {
        ledger.started("engine", item("engine", undone).undo);
        ledger.started("cluster", item("cluster", undone).undo);
        ledger.started("cluster", item("cluster again", undone).undo); // noted once
        throw failure;
      },
      { retain: false, downCommand: down, log: (l) => log.push(l) },
    ).catch((x: unknown) => x);
    expect(e).toBe(failure);
    expect(undone).toEqual(["cluster", "engine"]);
    expect(log.at(-1)).toBe("rolled back: nothing this up started is left");
  });

  it("a failed check before anything started undoes nothing", async () => {
    const log: string[] = [];
    await expect(upWithRollback(async () => { throw new ClusterError("conntrack missing"); }, { retain: false, downCommand: down, log: (l) => log.push(l) })).rejects.toThrow("conntrack missing");
    expect(log).toEqual([]);
  });

  it("--retain: undoes nothing and prints what was kept and the down command", async () => {
    const undone: string[] = [];
    const log: string[] = [];
    await expect(
      upWithRollback(
        async (ledger) => {
          ledger.started("the local cluster's processes", item("p", undone).undo);
          throw new Error("node not Ready");
        },
        { retain: true, downCommand: down, log: (l) => log.push(l) },
      ),
    ).rejects.toThrow("node not Ready");
    expect(undone).toEqual([]);
    expect(log.join("\n")).toContain("- the local cluster's processes");
    expect(log.join("\n")).toContain(`remove it with: ${down}`);
  });

  it("an undo that fails: the others still run, and the error says what is left and how to remove it", async () => {
    const undone: string[] = [];
    const e = (await upWithRollback(
      async (ledger) => {
        ledger.started("engine", item("engine", undone).undo);
        ledger.started("cluster", item("cluster", undone, true).undo);
        throw new ClusterError("add-on did not become available", "pods: …");
      },
      { retain: false, downCommand: down, log: () => {} },
    ).catch((x: unknown) => x)) as ClusterError;
    expect(undone).toEqual(["cluster", "engine"]);
    expect(e.message).toBe("add-on did not become available");
    expect(e.detail).toContain("pods: …");
    expect(e.detail).toContain(`the rollback left something behind; remove it with: ${down}`);
    expect(e.detail).toContain("cluster: could not undo cluster\ndetail line");
  });
});

describe("stopPids", () => {
  /** A fake process table and clock: each pid dies on the signal named, or never ("D"). */
  function world(dies: Record<number, "SIGTERM" | "SIGKILL" | "never">) {
    const alive = new Set(Object.keys(dies).map(Number));
    let now = 0;
    const signals: string[] = [];
    const log: string[] = [];
    return {
      signals,
      log,
      elapsed: () => now,
      deps: {
        isAlive: (pid: number) => alive.has(pid),
        signal: (pid: number, sig: "SIGTERM" | "SIGKILL") => {
          signals.push(`${sig} ${pid}`);
          if (dies[pid] === sig || (sig === "SIGKILL" && dies[pid] === "SIGTERM")) alive.delete(pid);
        },
        sleep: async (ms: number) => void (now += ms),
        now: () => now,
        describe: (pid: number) => ({ command: `/cache/bin/kubelet --pid ${pid}`, state: "D" }),
        log: (l: string) => void log.push(l),
      },
    };
  }

  it("SIGTERM, SIGKILL for what is left, and a process that ignores even SIGKILL reported after the bound", async () => {
    const w = world({ 11: "SIGTERM", 12: "SIGKILL", 13: "never" });
    const stuck = await stopPids([11, 12, 13], 5_000, { killBoundMs: 10_000, deps: w.deps });
    expect(w.signals).toEqual(["SIGTERM 11", "SIGTERM 12", "SIGTERM 13", "SIGKILL 12", "SIGKILL 13"]);
    expect(stuck).toEqual([{ pid: 13, command: "/cache/bin/kubelet --pid 13", state: "D" }]);
    expect(w.elapsed()).toBeGreaterThanOrEqual(15_000);
    expect(w.elapsed()).toBeLessThan(15_300);
    expect(w.log).toEqual(["pid 13 (/cache/bin/kubelet --pid 13) is still there 10s after SIGKILL, state D: not waiting for it"]);
  });

  it("processes that exit on SIGTERM: no SIGKILL, no waiting beyond their exit", async () => {
    const w = world({ 21: "SIGTERM" });
    expect(await stopPids([21], 5_000, { deps: w.deps })).toEqual([]);
    expect(w.signals).toEqual(["SIGTERM 21"]);
    expect(w.elapsed()).toBe(0);
  });

  it("describes a process by its command line and state letter", () => {
    const self = describeProcess(process.pid);
    expect(self.command).toContain("node");
    expect(self.state).toMatch(/^[RS]$/);
    expect(describeProcess(2 ** 30)).toEqual({ command: "?", state: undefined });
  });
});

describe("a rollback that moved the logs", () => {
  it("makes the error name where the logs are now", async () => {
    const failure = upWithRollback(
      async (ledger) => {
        ledger.started("state", async () => ledger.relocated("/var/lib/x/logs", "/tmp/kept"));
        throw new ClusterError("kube-apiserver exited during start-up (log: /var/lib/x/logs/kube-apiserver.log)");
      },
      { retain: false, downCommand: "npm run cluster:down", log: () => {} },
    );
    await expect(failure).rejects.toThrow("kube-apiserver exited during start-up (log: /tmp/kept/kube-apiserver.log)");
  });
});
