import { defineProof } from "#proof";

// The 2015-era manifests are inline (heredocs) rather than files: every .yaml file of an example must be
// accepted by the API server, and these must not be.
const service = (legacyFields: string) => `kubectl apply --dry-run=server -f - <<'EOF'
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
${legacyFields}
  selector:
    app.kubernetes.io/name: web
  ports:
    - port: 80
EOF`;

export default defineProof({
  title: {
    en: "portalIP, publicIPs and deprecatedPublicIPs are gone from the Service API; clusterIP and externalIPs exist",
    "zh-cn": "Service API 中已没有 portalIP、publicIPs 和 deprecatedPublicIPs；clusterIP 和 externalIPs 仍在",
  },
  async run(p) {
    await p.step(service('  portalIP: 10.96.0.100\n  publicIPs: ["10.200.0.2"]'), {
      exitCode: "nonzero",
      expect: /strict decoding error: unknown field "spec\.portalIP", unknown field "spec\.publicIPs"/,
      note: {
        en: "A Service written with the pre-v1 fields is rejected: the API server knows neither field (kubectl asks for strict field validation by default).",
        "zh-cn": "用 v1 之前的字段写的 Service 被拒绝：API server 不认识这两个字段（kubectl 默认要求严格的字段校验）。",
      },
    });
    await p.step(service('  deprecatedPublicIPs: ["10.200.0.2"]'), {
      exitCode: "nonzero",
      expect: /strict decoding error: unknown field "spec\.deprecatedPublicIPs"/,
      note: {
        en: "The name publicIPs got in v1, deprecatedPublicIPs, is gone too.",
        "zh-cn": "publicIPs 在 v1 中改成的 deprecatedPublicIPs 也已不存在。",
      },
    });
    await p.step("kubectl explain service.spec.portalIP", {
      exitCode: "nonzero",
      expect: /field "portalIP" does not exist/,
    });
    await p.step("kubectl explain service.spec.clusterIP", {
      expect: /FIELD: clusterIP <string>/,
      note: { en: "The virtual IP is spec.clusterIP.", "zh-cn": "虚拟 IP 如今是 spec.clusterIP。" },
    });
    await p.step("kubectl explain service.spec.externalIPs", {
      expect: /FIELD: externalIPs <\[\]string>/,
      note: {
        en: "Addresses outside the cluster that lead to the Service are listed in spec.externalIPs.",
        "zh-cn": "把集群外的地址引向 Service，用的是 spec.externalIPs。",
      },
    });
  },
});
