// What a proof module (examples/<area>/<behaviour>/proof.ts) is made of. Imported there as "#proof".
//
// A proof is an ordered list of steps. Each step is one command exactly as a reader types it, run in
// the example's folder against a namespace of its own, plus what must hold of its output. Every check is
// stated: a string or a pattern speaks for itself, a predicate carries a sentence in both languages
// (`that(…)`), and a JSON subset is shown as it is. The transcript stores what was checked, the page
// shows it under the step, and replay (scripts/verify/replay.ts) re-evaluates it on the recorded output.

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

export const capabilities: readonly Capability[] = [
  "network-policy",
  "multi-node",
  "metrics-api",
  "default-storage-class",
  "local-provider",
  "private-registry",
];

/** What a predicate may look at besides the output: the facts of the same run of the command. */
export interface StepFacts {
  exitCode: number;
  /** How long the step took, polling included. Replay passes the recorded figure. */
  seconds: number;
}

/** A check in words: the statement the reader sees, and the predicate that decides it. Made with `that`. */
export interface Statement {
  readonly says: Text;
  /** True when the statement holds of the output. A throw is reported with its message, as a failed check. */
  readonly holds: (output: string, facts: StepFacts) => boolean;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * The command prints JSON (`kubectl … -o json`) that contains this subset: objects are matched key by key
 * (keys not named are ignored), arrays element by element with the same length, anything else exactly. A
 * mismatch is reported field by field (`.status.qosClass: expected "Guaranteed", got "Burstable"`).
 */
export interface JsonSubset {
  readonly json: JsonValue;
}

/**
 * string: the trimmed output equals it; RegExp: the output matches; `that(says, holds)`: the stated predicate
 * holds; `{ json }`: the output is JSON containing the subset. A bare function is not an Expectation: a check
 * the reader cannot read does not compile.
 */
export type Expectation = string | RegExp | Statement | JsonSubset;

/** A predicate with the sentence that says what it checks, in both languages, e.g. "restartCount is 1". */
export const that = (says: Text, holds: Statement["holds"]): Statement => ({ says, holds });

export interface StepOptions {
  /** Checked, and returned to the proof, without kubectl's own klog-format log lines (the transcript keeps them). */
  expect?: Expectation;
  /** The exit status the command must have: a number, any of several, or "nonzero" for a command that must fail. Default 0. */
  exitCode?: number | number[] | "nonzero";
  /** Re-run the command until the expectation holds (a poll, not a sleep), for at most `timeout` seconds. */
  until?: boolean;
  /** Seconds: for a poll, how long to keep trying (default 90); otherwise when the command is ended (default 300). */
  timeout?: number;
  /** Why this step is here, shown with it on the page. It explains; what is asserted is `expect`. */
  note?: Text;
}

export interface StepResult {
  output: string;
  exitCode: number;
}

export interface ProofContext {
  /** Runs a reader-facing command and records it; throws when the expectation fails. */
  step(command: string, options?: StepOptions): Promise<StepResult>;
  /**
   * A command run after the proof (after success, failure or an interrupt; the last registered runs first)
   * for what the proof made outside its namespace. Not shown; a cleanup that fails fails the proof.
   */
  cleanup(command: string): void;
  /** The namespace the proof's kubeconfig context points at. */
  readonly namespace: string;
}

export interface ProofDefinition {
  title: Text;
  needs?: Capability[];
  /** Capabilities whose absence the proof shows (e.g. a policy that nothing enforces): skipped where present. */
  lacks?: Capability[];
  /** Seconds the whole proof may take (default 600): a step never runs past it. */
  budget?: number;
  /**
   * Runs alone, after every other proof of the run, because it disturbs the cluster for everyone (it cuts the
   * kubelet off the API server, say). Another proof running beside it could fail for a reason of this one's.
   */
  exclusive?: boolean;
  run(p: ProofContext): Promise<void>;
}

export const defineProof = (definition: ProofDefinition): ProofDefinition => definition;

/**
 * Label for what a proof creates outside its namespace (PersistentVolumes, StorageClasses, PriorityClasses,
 * other namespaces): the leftover check (scripts/verify/leftovers.ts) looks for it after a run.
 */
export const proofLabel = "k8s-proven.io/proof";

/** The rows of a kubectl table (`get`, `-o custom-columns`), header dropped, each split on whitespace. */
export const tableRows = (output: string): string[][] =>
  output
    .split("\n")
    .slice(1)
    .filter(Boolean)
    .map((line) => line.trim().split(/\s+/));
