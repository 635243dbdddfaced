/**
 * The nodes of `names` that `docker inspect --format '{{.Name}} {{.State.Running}}'` does not report running.
 * A node missing from the output (removed behind kind's back) counts as not running.
 */
export function notRunning(names: string[], inspectOutput: string): string[] {
  const running = new Set(
    inspectOutput
      .split("\n")
      .map((line) => line.trim().split(" "))
      .filter(([, state]) => state === "true")
      .map(([name]) => name!.replace(/^\//, "")),
  );
  return names.filter((n) => !running.has(n));
}
