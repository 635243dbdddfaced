// What a proof module (examples/<area>/<behaviour>/proof.ts) is made of. Imported there as "#proof".
//
// A proof is an ordered list of steps. Each step is one command exactly as a reader types it, run in
// the example's folder against a namespace of its own, plus what must hold of its output.

export type Lang = "en" | "zh-cn";
export type Text = Record<Lang, string>;

/** What a proof can require of the cluster; without it the proof is skipped, never passed. */
export type Capability =
  | "network-policy" // the network plugin enforces NetworkPolicy
  | "multi-node" // at least two schedulable nodes
  | "metrics-api" // metrics.k8s.io is served (metrics-server)
  | "default-storage-class" // a default StorageClass provisions volumes
  | "local-provider" // this project's local cluster (host processes the proof may inspect)
  | "private-registry"; // the local cluster's authenticated registry at 10.200.0.2:5000 (scripts/cluster/local/registry.ts)

export type Expectation = string | RegExp | ((output: string) => boolean);

export interface StepOptions {
  /**
   * string: the trimmed output equals it; RegExp: the output matches; function: returns true. Checked, and
   * returned to the proof, without kubectl's own klog-format log lines (the transcript keeps them).
   */
  expect?: Expectation;
  /** The exit status the command must have: a number, any of several, or "nonzero" for a command that must fail. Default 0. */
  exitCode?: number | number[] | "nonzero";
  /** Re-run the command until the expectation holds (a poll, not a sleep), for at most `timeout` seconds. */
  until?: boolean;
  timeout?: number;
  /** Why this step is here, shown with it on the page. */
  note?: Text;
}

export interface StepResult {
  output: string;
  exitCode: number;
}

export interface ProofContext {
  /** Runs a reader-facing command and records it; throws when the expectation fails. */
  step(command: string, options?: StepOptions): Promise<StepResult>;
  /** A command run after the proof, also on failure, for objects outside the namespace (not shown). */
  cleanup(command: string): void;
  /** The namespace the proof's kubeconfig context points at. */
  readonly namespace: string;
}

export interface ProofDefinition {
  title: Text;
  needs?: Capability[];
  /** Capabilities whose absence the proof shows (e.g. a policy that nothing enforces): skipped where present. */
  lacks?: Capability[];
  run(p: ProofContext): Promise<void>;
}

export const defineProof = (definition: ProofDefinition): ProofDefinition => definition;

/** The rows of a kubectl table (`get`, `-o custom-columns`), header dropped, each split on whitespace. */
export const tableRows = (output: string): string[][] =>
  output
    .split("\n")
    .slice(1)
    .filter(Boolean)
    .map((line) => line.trim().split(/\s+/));
