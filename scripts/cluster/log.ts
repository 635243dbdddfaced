// Progress lines for long steps, and the one error type the CLI turns into a clear message.
const started = Date.now();

export function elapsed(since = started): string {
  const s = Math.round((Date.now() - since) / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s` : `${s}s`;
}

export function step(message: string): void {
  process.stderr.write(`[${elapsed().padStart(6)}] ${message}\n`);
}

/** Runs fn, printing what it does and how long it took. */
export async function timed<T>(what: string, fn: () => Promise<T>): Promise<T> {
  const t0 = Date.now();
  step(`${what} …`);
  const result = await fn();
  step(`${what}: done in ${elapsed(t0)}`);
  return result;
}

/** An error whose message is meant for the person running the command: it names what is at fault. */
export class ClusterError extends Error {
  detail: string | undefined;
  constructor(message: string, detail?: string) {
    super(message);
    this.detail = detail;
  }
}
