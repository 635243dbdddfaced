// Running one command as a reader's terminal would (bash, stdout and stderr interleaved), in a process group
// of its own, so a timeout or an interrupt ends everything it started: pipelines, loops, their children.
import { spawn } from "node:child_process";

export interface ShellOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** Ends the command's process group when aborted (Ctrl-C, SIGTERM). */
  signal?: AbortSignal;
}

export interface ShellResult {
  output: string;
  exitCode: number;
  /** The command was ended because its time ran out (timeout) or the run was interrupted (aborted). */
  ended?: "timeout" | "aborted";
}

export type Shell = (command: string, options: ShellOptions) => Promise<ShellResult>;

// After the group is killed, its output pipe closes once the last member is gone; a process that left the group
// (setsid) could hold it open, so the result is taken without waiting longer than this.
const closeGraceMs = 2_000;

export const shell: Shell = (command, { cwd, env, timeoutMs, signal }) =>
  new Promise((resolve) => {
    const child = spawn("bash", ["-c", `exec 2>&1\n${command}`], { cwd, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let output = "";
    let ended: ShellResult["ended"];
    let settled = false;
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    const finish = (exitCode: number) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      resolve({ output: output.replace(/\s+$/, ""), exitCode, ...(ended ? { ended } : {}) });
    };
    const end = (why: NonNullable<ShellResult["ended"]>) => {
      if (settled || ended) return;
      ended = why;
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // Already gone.
      }
      setTimeout(() => {
        child.stdout.destroy();
        finish(137);
      }, closeGraceMs).unref();
    };
    const onAbort = () => end("aborted");
    const timer = setTimeout(() => end("timeout"), timeoutMs);
    if (signal?.aborted) end("aborted");
    else signal?.addEventListener("abort", onAbort, { once: true });
    child.on("error", (e) => {
      output += `bash: ${e.message}`;
      finish(127);
    });
    child.on("close", (code, sig) => finish(code ?? (sig ? 128 + (sigNumbers[sig] ?? 0) : 1)));
  });

const sigNumbers: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

/** A value as one shell word. */
export const shellQuote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
