// down removes only the iptables chains this cluster created: KUBE-*/CNI-* chains that did not exist at up.
import { describe, expect, it } from "vitest";
import { namedChains, withoutOurChains } from "../../scripts/cluster/local/iptables.ts";

// The host before up: a foreign KUBE-TEST chain (another kubelet's, a test's) with a rule jumping to it, another
// CNI runtime's chain, and Docker's.
const before = [
  "*filter",
  ":INPUT ACCEPT [0:0]",
  ":FORWARD ACCEPT [0:0]",
  ":OUTPUT ACCEPT [0:0]",
  ":KUBE-TEST - [0:0]",
  "-A INPUT -m comment --comment \"someone else's test\" -j KUBE-TEST",
  "-A KUBE-TEST -p tcp --dport 9999 -j ACCEPT",
  "COMMIT",
  "*nat",
  ":PREROUTING ACCEPT [0:0]",
  ":OUTPUT ACCEPT [0:0]",
  ":POSTROUTING ACCEPT [0:0]",
  ":CNI-foreign123 - [0:0]",
  ":DOCKER - [0:0]",
  "-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER",
  "-A POSTROUTING -s 10.88.0.5/32 -j CNI-foreign123",
  "-A CNI-foreign123 -d 10.88.0.0/16 -j ACCEPT",
  "COMMIT",
  "",
].join("\n");

// The same host while our cluster runs: kube-proxy's, the kubelet's and the bridge plugin's chains added,
// including a rule of ours jumping from the foreign chain into one of ours.
const running = [
  "*filter",
  ":INPUT ACCEPT [0:0]",
  ":FORWARD ACCEPT [0:0]",
  ":OUTPUT ACCEPT [0:0]",
  ":KUBE-FIREWALL - [0:0]",
  ":KUBE-FORWARD - [0:0]",
  ":KUBE-TEST - [0:0]",
  "-A INPUT -j KUBE-FIREWALL",
  "-A INPUT -m comment --comment \"someone else's test\" -j KUBE-TEST",
  '-A FORWARD -m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD',
  "-A KUBE-FIREWALL ! -s 127.0.0.0/8 -d 127.0.0.0/8 -j DROP",
  "-A KUBE-FORWARD -m conntrack --ctstate INVALID -j DROP",
  "-A KUBE-TEST -p tcp --dport 9999 -j ACCEPT",
  "-A KUBE-TEST -p tcp --dport 30000 -g KUBE-FORWARD",
  "COMMIT",
  "*nat",
  ":PREROUTING ACCEPT [0:0]",
  ":OUTPUT ACCEPT [0:0]",
  ":POSTROUTING ACCEPT [0:0]",
  ":CNI-abc123 - [0:0]",
  ":CNI-foreign123 - [0:0]",
  ":DOCKER - [0:0]",
  ":KUBE-SERVICES - [0:0]",
  ":KUBE-SVC-NPX46M4PTMTKRN6Y - [0:0]",
  '-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
  "-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER",
  "-A POSTROUTING -s 10.88.0.5/32 -j CNI-foreign123",
  '-A POSTROUTING -s 10.244.0.2/32 -m comment --comment "name: \\"k8s-proven\\" id: \\"abc\\"" -j CNI-abc123',
  "-A CNI-abc123 -d 10.244.0.0/24 -j ACCEPT",
  "-A CNI-foreign123 -d 10.88.0.0/16 -j ACCEPT",
  "-A KUBE-SERVICES -d 10.96.0.1/32 -p tcp -j KUBE-SVC-NPX46M4PTMTKRN6Y",
  "COMMIT",
  "",
].join("\n");

describe("namedChains", () => {
  it("lists the KUBE-* and CNI-* chains with their table, and nothing else", () => {
    expect(namedChains(before)).toEqual(["filter/KUBE-TEST", "nat/CNI-foreign123"]);
  });
});

describe("withoutOurChains, with the record taken at up", () => {
  const kept = withoutOurChains(running, new Set(namedChains(before)));

  it("keeps the foreign KUBE-TEST chain, its rules and the rule jumping to it", () => {
    expect(kept).toContain(":KUBE-TEST - [0:0]");
    expect(kept).toContain("-A INPUT -m comment --comment \"someone else's test\" -j KUBE-TEST");
    expect(kept).toContain("-A KUBE-TEST -p tcp --dport 9999 -j ACCEPT");
  });

  it("keeps another runtime's CNI chain and Docker's", () => {
    expect(kept).toContain(":CNI-foreign123 - [0:0]");
    expect(kept).toContain("-A POSTROUTING -s 10.88.0.5/32 -j CNI-foreign123");
    expect(kept).toContain("-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER");
  });

  it("removes our chains, their rules and every rule jumping to them, even from a foreign chain", () => {
    expect(kept).not.toMatch(/KUBE-(FIREWALL|FORWARD|SERVICES|SVC-)|CNI-abc123/);
  });

  it("gives back exactly the host as it was before up", () => {
    expect(kept).toBe(before);
  });

  it("matches chains per table: a chain recorded in one table does not protect its namesake in another", () => {
    const save = ["*filter", ":KUBE-X - [0:0]", "COMMIT", "*nat", ":KUBE-X - [0:0]", "COMMIT"].join("\n");
    expect(withoutOurChains(save, new Set(["filter/KUBE-X"]))).toBe(["*filter", ":KUBE-X - [0:0]", "COMMIT", "*nat", "COMMIT"].join("\n"));
  });

  it("changes nothing where nothing is ours", () => {
    expect(withoutOurChains(before, new Set(namedChains(before)))).toBe(before);
  });
});

describe("withoutOurChains without a record (a cluster started by an older version)", () => {
  it("takes every KUBE-* and CNI-* chain as ours, as before, and keeps other tools' chains", () => {
    const out = withoutOurChains(running);
    expect(out).not.toMatch(/KUBE-|CNI-/);
    expect(out).toContain(":DOCKER - [0:0]");
    expect(out).toContain("-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER");
  });
});
