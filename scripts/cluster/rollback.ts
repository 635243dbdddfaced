// A failed `up` takes back what it started, unless --retain: the providers note each thing as they start it
// (with how to undo it), and on a failure the undos run last-first. Nothing noted, nothing undone: an `up` that
// fails in its checks never touches a cluster that was already running. Decision and runner are pure over the
// injected undos and log (tests/unit/cluster-rollback.test.ts).
import { ClusterError, step } from "./log.ts";

export interface Started {
  /** What was started, as the person reads it: "the Docker engine (/run/k8s-proven-docker)". */
  what: string;
  undo: () => Promise<void>;
}

/** Passed to Provider.up: call started() right before starting something that down or an undo must remove. */
export class UpLedger {
  readonly items: Started[] = [];
  /** Paths a rollback moved (logs kept outside the state it removes): the error is made to name the new place. */
  readonly moved: [from: string, to: string][] = [];
  started(what: string, undo: () => Promise<void>): void {
    if (!this.items.some((i) => i.what === what)) this.items.push({ what, undo });
  }
  relocated(from: string, to: string): void {
    this.moved.push([from, to]);
  }
}

export type AfterFailure =
  | { action: "nothing" }
  | { action: "rollback"; order: Started[] }
  | { action: "retain"; kept: string[]; message: string };

/** What to do after `up` failed, from what it had started, --retain and the command that removes the rest. */
export function afterFailedUp(started: readonly Started[], retain: boolean, downCommand: string): AfterFailure {
  if (!started.length) return { action: "nothing" };
  if (retain) {
    return {
      action: "retain",
      kept: started.map((s) => s.what),
      message: `--retain: kept what this up started, for a look:\n${started.map((s) => `  - ${s.what}`).join("\n")}\nremove it with: ${downCommand}`,
    };
  }
  return { action: "rollback", order: [...started].reverse() };
}

/**
 * Runs `up` with a ledger; when it fails, rolls back (or keeps, with --retain) what it started, then rethrows
 * its error. An undo that fails is reported and the others still run; the error then says so.
 */
export async function upWithRollback(
  up: (ledger: UpLedger) => Promise<void>,
  opts: { retain: boolean; downCommand: string; log?: (line: string) => void },
): Promise<void> {
  const log = opts.log ?? step;
  const ledger = new UpLedger();
  try {
    await up(ledger);
  } catch (e) {
    const plan = afterFailedUp(ledger.items, opts.retain, opts.downCommand);
    if (plan.action === "retain") log(`up failed; ${plan.message}`);
    if (plan.action === "rollback") {
      log(`up failed: rolling back what it started (--retain keeps it)`);
      const failed: string[] = [];
      for (const s of plan.order) {
        try {
          log(`rollback: ${s.what}`);
          await s.undo();
        } catch (u) {
          const detail = u instanceof ClusterError && u.detail ? `${u.message}\n${u.detail}` : u instanceof Error ? u.message : String(u);
          failed.push(`${s.what}: ${detail}`);
          log(`rollback of ${s.what} failed: ${detail}`);
        }
      }
      if (failed.length) {
        const original = e instanceof ClusterError ? e : new ClusterError(e instanceof Error ? e.message : String(e));
        throw new ClusterError(
          original.message,
          [original.detail, `the rollback left something behind; remove it with: ${opts.downCommand}`, ...failed].filter(Boolean).join("\n"),
        );
      }
      log(`rolled back: nothing this up started is left`);
      if (e instanceof Error) {
        for (const [from, to] of ledger.moved) {
          e.message = e.message.split(from).join(to);
          if (e instanceof ClusterError && e.detail) e.detail = e.detail.split(from).join(to);
        }
      }
    }
    throw e;
  }
}
