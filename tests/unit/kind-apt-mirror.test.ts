// The Debian mirror for the offline kind node image comes from the host's own apt sources, in both formats.
import { describe, expect, it } from "vitest";
import { mirrorFromSources } from "../../scripts/cluster/kind/node-image/apt-mirror.ts";

const deb822 = {
  name: "/etc/apt/sources.list.d/debian.sources",
  text: `Types: deb
# a comment naming another archive
URIs: http://mirror.example/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: http://mirror.example/debian-security
Suites: bookworm-security
Components: main
`,
};

describe("mirrorFromSources", () => {
  it("takes the deb822 entry for the suite with main", () => {
    expect(mirrorFromSources([deb822], "bookworm")).toBe("http://mirror.example/debian");
  });
  it("reads one-line .list files, skipping deb-src, options and disabled stanzas", () => {
    const list = { name: "/etc/apt/sources.list", text: "# deb http://old.example/debian bookworm main\ndeb-src http://src.example/debian bookworm main\ndeb [arch=amd64 signed-by=/k.gpg] http://list.example/debian/ bookworm main contrib\n" };
    const disabled = { name: "/etc/apt/sources.list.d/x.sources", text: "Types: deb\nURIs: http://off.example/debian\nSuites: bookworm\nComponents: main\nEnabled: no\n" };
    expect(mirrorFromSources([disabled, list], "bookworm")).toBe("http://list.example/debian");
  });
  it("falls back to a main archive of another release, never a security one, and is undefined without any", () => {
    const trixie = { name: "/etc/apt/sources.list.d/debian.sources", text: "Types: deb\nURIs: http://sec.example/debian-security\nSuites: trixie-security\nComponents: main\n\nTypes: deb\nURIs: http://t.example/debian\nSuites: trixie\nComponents: main\n" };
    expect(mirrorFromSources([trixie], "bookworm")).toBe("http://t.example/debian");
    expect(mirrorFromSources([{ name: "/etc/apt/sources.list", text: "deb https://vendor.example/apt stable contrib\n" }], "bookworm")).toBeUndefined();
  });
});
