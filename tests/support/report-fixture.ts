/**
 * A small proof run for the report tests (tests/unit/verify-report.test.ts, tests/browser/report.test.ts):
 * one proof passed, one failed at a step, one skipped, one the runner could not run, with the characters a
 * report must escape (`<script>`, `&`, quotes, a terminal colour code, a bell) and a wide table.
 */
import type { RunReport } from '../../scripts/verify/report.ts';

const wideTable = [
	'NAME                                   READY   STATUS    RESTARTS   AGE   IP            NODE                 NOMINATED NODE   READINESS GATES',
	'web-6d4cf56db6-7xk2p                   1/1     Running   0          12s   10.244.0.17   k8s-proven-control   <none>           <none>',
	'web-6d4cf56db6-q9z8d                   1/1     Running   0          12s   10.244.0.18   k8s-proven-control   <none>           <none>',
].join('\n');

export const failureMessage =
	'step 2: `kubectl get pod demo -o jsonpath=\'{.status.phase}\'` expected exit status 0 and output "Running" within 5s; got exit status 0 and output "Pending"';

export const skipReason = 'needs network-policy, which this local cluster lacks';

export const fixtureReport: RunReport = {
	provider: 'local',
	kubernetes: 'v1.37.2',
	started: '2026-11-27T07:25:53.702Z',
	seconds: 367,
	capabilities: ['metrics-api', 'default-storage-class', 'local-provider'],
	entries: [
		{
			id: 'workloads/pending-forever',
			title: { en: 'A Pod that asks for more than any node has stays Pending', 'zh-cn': '请求超过任何节点容量的 Pod 一直 Pending' },
			status: 'failed',
			seconds: 9,
			run: {
				kubernetes: 'v1.37.2',
				provider: 'local',
				date: '2026-11-27T07:26:10.000Z',
				exampleHash: 'h2',
				seconds: 9,
				result: 'failed',
				steps: [
					{
						command: 'kubectl apply -f pod.yaml',
						output: 'pod/demo created',
						exitCode: 0,
						pass: true,
						seconds: 0.3,
						checked: { exit: [0], output: { equals: 'pod/demo created' } },
					},
					{
						command: "kubectl get pod demo -o jsonpath='{.status.phase}'",
						output: 'Pending',
						exitCode: 0,
						pass: false,
						seconds: 5.2,
						checked: { exit: [0], output: { equals: 'Running' }, within: 5 },
						expected: 'exit status 0 and output "Running"',
						polled: { attempts: 6, seconds: 5.2 },
					},
				],
				failure: {
					step: 1,
					message: failureMessage,
					diagnostics: `namespace workloads-pending-forever\n--- events: kubectl get events --sort-by=.lastTimestamp\nLAST SEEN   TYPE      REASON             OBJECT     MESSAGE\n5s          Warning   FailedScheduling   pod/demo   0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.`,
				},
			},
		},
		{
			id: 'env/literal-survives-container-restart',
			title: { en: 'A literal env value survives a container restart', 'zh-cn': '字面量环境变量在容器重启后保持不变' },
			status: 'passed',
			seconds: 6,
			run: {
				kubernetes: 'v1.37.2',
				provider: 'local',
				date: '2026-11-27T07:25:59.000Z',
				exampleHash: 'h1',
				seconds: 6,
				result: 'passed',
				steps: [
					{
						command: 'kubectl apply -f pod.yaml && echo "<script>alert(1)</script> & done"',
						output: 'pod/demo created\n\u001b[32mcoloured\u001b[0m and a bell\u0007 here',
						exitCode: 0,
						pass: true,
						seconds: 0.4,
						checked: { exit: [0] },
						note: { en: 'Create the Pod.', 'zh-cn': '创建 Pod。' },
					},
					{
						command: 'kubectl get pods -o wide',
						output: wideTable,
						exitCode: 0,
						pass: true,
						seconds: 0.2,
						checked: { exit: [0], output: { matches: '/Running/' } },
					},
					{
						command: "kubectl get pod demo -o jsonpath='{.status.containerStatuses[0].restartCount}'",
						output: '1',
						exitCode: 0,
						pass: true,
						seconds: 1.9,
						polled: { attempts: 3, seconds: 1.9 },
						checked: { exit: [0], output: { says: { en: 'restartCount is 1', 'zh-cn': 'restartCount 为 1' } }, within: 90 },
					},
					{
						command: 'kubectl delete pod demo --wait=false',
						output: '',
						exitCode: 0,
						pass: true,
						seconds: 0.1,
					},
				],
			},
		},
		{
			id: 'networking/default-deny',
			title: { en: 'A default-deny NetworkPolicy blocks traffic', 'zh-cn': '默认拒绝的 NetworkPolicy 会拦截流量' },
			status: 'skipped',
			reason: skipReason,
		},
		{
			id: 'security/broken-proof',
			title: { en: 'A proof whose module does not load', 'zh-cn': '模块加载失败的证明' },
			status: 'failed',
			reason: 'examples/security/broken-proof/proof.ts must export default defineProof({ title, run })',
		},
	],
};
