// Where debootstrap fetches Debian from: the mirror this host's own apt is configured with, so the project names
// no mirror of its own and works wherever the host's apt does. DEBIAN_MIRROR overrides it.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface AptSourceFile {
  name: string;
  text: string;
}

interface Entry {
  uri: string;
  suites: string[];
  components: string[];
}

/** `deb [options] URI suite component…` lines of a .list file (deb-src and comments skipped). */
function listEntries(text: string): Entry[] {
  return text.split("\n").flatMap((raw) => {
    const line = raw.replace(/#.*/, "").replace(/\[[^\]]*\]/, " ").trim();
    const [type, uri, suite, ...components] = line.split(/\s+/);
    return type === "deb" && uri && suite ? [{ uri, suites: [suite], components }] : [];
  });
}

/** deb822 stanzas of a .sources file (Types/URIs/Suites/Components; Enabled: no skipped). */
function sourcesEntries(text: string): Entry[] {
  return text.split(/\n\s*\n/).flatMap((stanza) => {
    const field = (name: string) =>
      stanza
        .split("\n")
        .filter((l) => !l.startsWith("#"))
        .find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`))
        ?.slice(name.length + 1)
        .trim()
        .split(/\s+/) ?? [];
    if (!field("Types").includes("deb") || field("Enabled")[0]?.toLowerCase() === "no") return [];
    return field("URIs").map((uri) => ({ uri, suites: field("Suites"), components: field("Components") }));
  });
}

/**
 * The Debian archive for `suite`: the first entry of the host's sources with that very suite and `main`, else the
 * first `main` entry that is not a security or updates archive. Undefined when the host's apt names none.
 */
export function mirrorFromSources(files: AptSourceFile[], suite: string): string | undefined {
  const entries = files.flatMap((f) => (f.name.endsWith(".sources") ? sourcesEntries(f.text) : listEntries(f.text)));
  const main = entries.filter((e) => e.components.includes("main"));
  const exact = main.find((e) => e.suites.includes(suite));
  const fallback = main.find((e) => !/security/.test(e.uri) && !e.suites.some((s) => /-(security|updates|backports)$/.test(s)));
  return (exact ?? fallback)?.uri.replace(/\/$/, "");
}

/** The files apt itself reads: sources.list and sources.list.d/*.list|*.sources. */
export function hostAptSources(root = "/etc/apt"): AptSourceFile[] {
  const files: AptSourceFile[] = [];
  const list = join(root, "sources.list");
  if (existsSync(list)) files.push({ name: list, text: readFileSync(list, "utf8") });
  const dir = join(root, "sources.list.d");
  if (existsSync(dir)) {
    for (const name of readdirSync(dir).sort()) {
      if (/\.(list|sources)$/.test(name)) files.push({ name: join(dir, name), text: readFileSync(join(dir, name), "utf8") });
    }
  }
  return files;
}
