import { describe, expect, it } from 'vitest';
import { manifestFocus, rangeText, readPaths } from '../../src/proofs/manifest-focus.ts';

const pod = `apiVersion: v1
kind: Pod
metadata:
  name: demo
  labels:
    app.kubernetes.io/name: demo
    track: canary
spec:
  securityContext:
    runAsNonRoot: true
    runAsUser: 65534
  containers:
    - name: app
      image: busybox
      command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
      env:
        - name: MODE
          valueFrom:
            configMapKeyRef: { name: app-config, key: mode }
      volumeMounts:
        - name: config
          mountPath: /etc/app
          subPath: mode
      securityContext:
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
`;

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  strategy:
    rollingUpdate:
      maxSurge: 1
  template:
    metadata:
      labels:
        app.kubernetes.io/name: app
        tier: web
    spec:
      terminationGracePeriodSeconds: 5
      containers:
        - name: app
          image: busybox
          command: ["sh", "-c", "echo started; sleep 3600"]
`;

const ranges = (list: { from: number; to: number }[]) => list.map(rangeText);
const none = { commands: [], prose: [] };

describe('manifestFocus', () => {
	it('marks env blocks and folds securityContext and labels (their contents, the key stays visible)', () => {
		const focus = manifestFocus(pod, none);
		expect(ranges(focus.marked)).toEqual(['16-19']);
		expect(ranges(focus.collapsed)).toEqual(['6-7', '10-11', '25-26']);
	});

	it('does not mark a command that only keeps the container alive, but does one that does more', () => {
		expect(manifestFocus(pod, none).marked.some((range) => range.from <= 15 && 15 <= range.to)).toBe(false);
		expect(ranges(manifestFocus(deployment, none).marked)).toEqual(['19']);
	});

	it('marks a field a command reads by path, in a Pod template too', () => {
		const focus = manifestFocus(deployment, {
			commands: [
				"kubectl get deploy app -o jsonpath='{.spec.strategy.rollingUpdate.maxSurge}'",
				"kubectl get pod -o custom-columns=NAME:.metadata.name,GRACE:.spec.terminationGracePeriodSeconds",
			],
			prose: [],
		});
		expect(ranges(focus.marked)).toEqual(['8', '15', '19']);
	});

	it('marks a field the proof names in its prose, case and all, but not keys every manifest has', () => {
		expect(ranges(manifestFocus(pod, { commands: [], prose: ['The file mounted with subPath keeps its old content.'] }).marked)).toEqual([
			'16-19',
			'23',
		]);
		expect(ranges(manifestFocus(pod, { commands: [], prose: ['Every container has a name and an image.'] }).marked)).toEqual(['16-19']);
		expect(ranges(manifestFocus(pod, { commands: [], prose: ['Subpath'] }).marked)).toEqual(['16-19']);
	});

	it('keeps labels open when the proof uses them: a selector, a label column, kubectl label, .metadata.labels', () => {
		for (const command of [
			'kubectl get pods -l track=canary',
			'kubectl get pods -L track',
			'kubectl label pod demo track=stable --overwrite',
			"kubectl get pod demo -o jsonpath='{.metadata.labels}'",
		]) {
			expect(ranges(manifestFocus(pod, { commands: [command], prose: [] }).collapsed), command).toEqual(['10-11', '25-26']);
		}
		// The standard label every example selects by does not count.
		expect(ranges(manifestFocus(pod, { commands: ['kubectl get pods -l app.kubernetes.io/name=demo'], prose: [] }).collapsed)).toEqual([
			'6-7',
			'10-11',
			'25-26',
		]);
	});

	it('never folds a marked line: a securityContext the proof is about stays open', () => {
		const focus = manifestFocus(pod, { commands: [], prose: ['runAsNonRoot makes the kubelet refuse a root user.'] });
		expect(ranges(focus.marked)).toContain('10');
		expect(ranges(focus.collapsed)).toEqual(['6-7', '25-26']);
	});

	it('does not fold a one-line block: the summary line would hide it and save nothing', () => {
		const one = 'metadata:\n  name: x\n  labels:\n    app.kubernetes.io/name: x\n';
		expect(manifestFocus(one, none).collapsed).toEqual([]);
	});

	it('numbers lines across the documents of a multi-document file', () => {
		const two = `${pod}---\n${pod}`;
		const focus = manifestFocus(two, none);
		const offset = pod.split('\n').length;
		expect(ranges(focus.marked)).toEqual(['16-19', `${16 + offset}-${19 + offset}`]);
	});
});

describe('readPaths', () => {
	it('finds the field paths of jsonpath and custom-columns expressions', () => {
		expect(
			readPaths(
				"kubectl get pod x -o jsonpath='{.spec.containers[0].env} {range .items[*]}{.metadata.name}{end}' -o custom-columns=R:.metadata.annotations.deployment\\.kubernetes\\.io/revision",
			),
		).toEqual([['spec', 'containers', 'env'], ['items'], ['metadata', 'name'], ['metadata', 'annotations', 'deployment.kubernetes.io/revision']]);
	});
	it('does not take file names, relative paths or decimals for fields', () => {
		expect(readPaths('kubectl apply -f ./pod.yaml && sleep 0.5 && cat /etc/app/.hidden')).toEqual([]);
	});
});
