// The transcript format: content/proofs/<id>.json. One file per proof; one run per (Kubernetes version,
// provider), so the same behaviour can be shown proven on several versions.
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { StepCheck } from "./check.ts";
import type { Text } from "./proof.ts";

export interface TranscriptStep {
  command: string;
  output: string;
  exitCode: number;
  pass: boolean;
  /** How long the step took, polling included (absent in transcripts recorded before it was kept). */
  seconds?: number;
  /** What the step checked: exit status, output (exact, pattern, stated predicate or JSON subset), poll bound. */
  checked?: StepCheck;
  /** What the step required, in words, when it failed. */
  expected?: string;
  /** The command was ended (its whole process group) when its time ran out. */
  timedOut?: boolean;
  /** Present when the step was polled: how many runs and how long until it held. */
  polled?: { attempts: number; seconds: number };
  note?: Text;
}

/** The cluster a run ran on, as far as it matters for what a proof shows (a reader's cluster may differ). */
export interface ClusterFacts {
  nodes: number;
  /** The nodes' container runtime, as the kubelet reports it: `containerd://2.4.2`. */
  runtime: string;
  kernel: string;
  os: string;
  /** The kubectl the proof ran with. */
  kubectl: string;
  cgroup?: "v1" | "v2";
  proxyMode?: string;
  cni?: string;
}

export interface TranscriptRun {
  kubernetes: string;
  provider: string;
  /** Absent in transcripts recorded before it was kept. */
  cluster?: ClusterFacts;
  date: string;
  exampleHash: string;
  seconds: number;
  result: "passed" | "failed";
  steps: TranscriptStep[];
  failure?: { step: number; message: string; diagnostics: string };
}

export interface Transcript {
  id: string;
  title: Text;
  /** Manifests of the example, in the order the site shows them. */
  files: string[];
  runs: TranscriptRun[];
}

export const transcriptsDir = join(import.meta.dirname, "..", "..", "content", "proofs");
export const transcriptPath = (id: string, dir = transcriptsDir) => join(dir, `${id}.json`);

export async function readTranscript(id: string, dir = transcriptsDir): Promise<Transcript | undefined> {
  const path = transcriptPath(id, dir);
  return existsSync(path) ? (JSON.parse(await readFile(path, "utf8")) as Transcript) : undefined;
}

/**
 * Adds a run: it replaces the run for the same Kubernetes version and provider, and runs recorded for
 * another version of the example are dropped, since they no longer prove what the folder holds.
 */
export function mergeRun(previous: Transcript | undefined, next: Omit<Transcript, "runs">, run: TranscriptRun): Transcript {
  const kept = (previous?.runs ?? []).filter(
    (r) => r.exampleHash === run.exampleHash && !(r.kubernetes === run.kubernetes && r.provider === run.provider),
  );
  const runs = [...kept, run].sort(
    (a, b) => b.kubernetes.localeCompare(a.kubernetes, "en", { numeric: true }) || providerRank(a.provider) - providerRank(b.provider),
  );
  return { ...next, runs };
}

// The page shows the first passing run; the pages' prose quotes the local cluster's addresses and names.
const providerOrder = ["local", "kind", "existing"];
const providerRank = (p: string) => (providerOrder.includes(p) ? providerOrder.indexOf(p) : providerOrder.length);

export async function writeTranscript(t: Transcript, dir = transcriptsDir): Promise<string> {
  const path = transcriptPath(t.id, dir);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, JSON.stringify(t, null, 2) + "\n");
  return path;
}

/** Why a transcript cannot back a page, or undefined when it can. */
export function transcriptProblem(t: Transcript | undefined, exampleHash: string): string | undefined {
  if (!t) return "no transcript";
  const current = t.runs.filter((r) => r.exampleHash === exampleHash);
  if (!current.length) return "stale: the example changed since its transcript was recorded";
  const failed = current.find((r) => r.result !== "passed");
  if (failed) return `failed on Kubernetes ${failed.kubernetes} (${failed.provider}): ${failed.failure?.message ?? "a step failed"}`;
  return undefined;
}
