import { describe, expect, it } from 'vitest';
import type { TranscriptRun } from '../../scripts/verify/transcript.ts';
import { commandsToCopy, parseShellSession } from '../../src/expressive-code/shell-prompt.ts';
import type { TranscriptStep } from '../../scripts/verify/transcript.ts';
import {
	badgeValues,
	commandBlock,
	decisiveSteps,
	escapeHtml,
	exampleFileUrl,
	formatSeconds,
	proofAnchor,
	rerunCommand,
	runDay,
	runStatus,
	shellBlock,
	shownRun,
	waitValues,
} from '../../src/proofs/view.ts';

const run = (over: Partial<TranscriptRun>): TranscriptRun => ({
	kubernetes: 'v1.37.2',
	provider: 'local',
	date: '2026-11-27T02:37:40.225Z',
	exampleHash: 'h1',
	seconds: 14,
	result: 'passed',
	steps: [],
	...over,
});

describe('proofAnchor', () => {
	it('turns a proof id into an HTML id', () => {
		expect(proofAnchor('env/literal-survives-container-restart')).toBe('proof-env-literal-survives-container-restart');
	});
	it('keeps only lowercase letters, digits and single dashes', () => {
		expect(proofAnchor('Net/Pod_IP.v2//x/')).toBe('proof-net-pod-ip-v2-x');
	});
});

describe('runStatus', () => {
	it('is the recorded result when the example is unchanged', () => {
		expect(runStatus(run({}), 'h1')).toBe('passed');
		expect(runStatus(run({ result: 'failed' }), 'h1')).toBe('failed');
	});
	it('is stale when the example changed since the run, whatever the result', () => {
		expect(runStatus(run({}), 'h2')).toBe('stale');
		expect(runStatus(run({ result: 'failed' }), 'h2')).toBe('stale');
	});
	it('is the recorded result when the current hash is unknown', () => {
		expect(runStatus(run({ result: 'failed' }), undefined)).toBe('failed');
	});
});

describe('shownRun', () => {
	it('shows the first passing run of the current example', () => {
		const runs = [run({ kubernetes: 'v1.38.0', result: 'failed' }), run({ kubernetes: 'v1.37.2' }), run({ kubernetes: 'v1.36.1' })];
		expect(shownRun({ runs }, 'h1')?.kubernetes).toBe('v1.37.2');
	});
	it('shows a failed run of the current example rather than a stale one', () => {
		const runs = [run({ kubernetes: 'v1.38.0', exampleHash: 'old' }), run({ kubernetes: 'v1.37.2', result: 'failed' })];
		expect(shownRun({ runs }, 'h1')?.kubernetes).toBe('v1.37.2');
	});
	it('falls back to the first run, and to nothing without runs', () => {
		expect(shownRun({ runs: [run({ exampleHash: 'old' })] }, 'h1')?.exampleHash).toBe('old');
		expect(shownRun({ runs: [] }, 'h1')).toBeUndefined();
	});
});

describe('badge', () => {
	it('has the version, the UTC day of the run and the provider', () => {
		expect(badgeValues(run({}))).toEqual({ version: 'v1.37.2', date: '2026-11-27', provider: 'local' });
	});
	it('takes the day in UTC', () => {
		expect(runDay('2026-11-27T23:30:00-02:00')).toBe('2026-11-28');
		expect(runDay('2026-01-05T00:00:00Z')).toBe('2026-01-05');
	});
	it('leaves a date it cannot read as it is', () => {
		expect(runDay('yesterday')).toBe('yesterday');
	});
});

describe('wait line', () => {
	it('has one decimal below ten seconds, whole seconds above', () => {
		expect(formatSeconds(0.7, 'en')).toBe('0.7');
		expect(formatSeconds(4.25, 'en')).toBe('4.3');
		expect(formatSeconds(3, 'en')).toBe('3');
		expect(formatSeconds(14.4, 'en')).toBe('14');
		expect(formatSeconds(1234.5, 'en')).toBe('1,235');
	});
	it('formats numbers for the page language', () => {
		expect(formatSeconds(4.2, 'zh-CN')).toBe('4.2');
	});
	it('gives seconds and the number of checks', () => {
		expect(waitValues({ attempts: 3, seconds: 4.2 }, 'en')).toEqual({ seconds: '4.2', count: 3 });
	});
});

describe('shellBlock', () => {
	// What the shell-prompt plugin makes the copy button copy: it acts on shell blocks with a `$ ` line.
	const copied = ({ code, lang }: { code: string; lang: string }) => {
		const session = lang === 'sh' ? parseShellSession(code.split('\n')) : undefined;
		return session ? commandsToCopy(session) : code;
	};

	it.each([
		'kubectl apply -f pod.yaml',
		`kubectl exec env-literal -- sh -c 'tr "\\0" "\\n" < /proc/1/environ | grep GREETING'`,
		"kubectl get pod env-literal -o jsonpath='{.status.containerStatuses[0].restartCount}'",
		'kubectl run x --image=busybox \\\n  --restart=Never -- sleep 1',
		"kubectl apply -f - <<'EOF'\napiVersion: v1\n$ not a prompt\nEOF",
		'echo $HOME # a comment',
	])('the copy button copies exactly the command: %s', (command) => {
		expect(copied(shellBlock(command))).toBe(command);
	});

	it('shows a prompt in front of a one-line command', () => {
		expect(shellBlock('kubectl get pods')).toEqual({ code: '$ kubectl get pods', lang: 'sh' });
	});
});

describe('links and commands', () => {
	it('reruns a proof on the current kubeconfig context', () => {
		expect(rerunCommand('env/x')).toBe('npm run verify -- env/x --provider existing');
	});
	it('serves manifests under /examples/, below the base path', () => {
		expect(exampleFileUrl('env/x', 'pod.yaml')).toBe('/examples/env/x/pod.yaml');
		expect(exampleFileUrl('env/x', 'pod.yaml', '/docs')).toBe('/docs/examples/env/x/pod.yaml');
		expect(exampleFileUrl('env/x', 'pod.yaml', '/docs/')).toBe('/docs/examples/env/x/pod.yaml');
	});
	it('escapes HTML', () => {
		expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
	});
});

describe('decisiveSteps', () => {
	const step = (over: Partial<TranscriptStep>): TranscriptStep => ({ command: 'c', output: 'x', exitCode: 0, pass: true, ...over });
	const exit = { exit: [0] as number[] };
	const says = { ...exit, output: { says: { en: 'it holds', 'zh-cn': '成立' } } };
	const equals = { ...exit, output: { equals: 'x' } };

	it('is the last step whose output was checked (stated, exact, pattern, JSON) and printed something', () => {
		const steps = [step({ command: 'a', checked: equals }), step({ command: 'b', checked: says }), step({ checked: exit }), step({ checked: says, output: '' })];
		expect(decisiveSteps({ result: 'passed', steps })).toEqual([1]);
	});
	it('adds the step before when it is a witness: the same command, or a step with a note and a stated check', () => {
		const read = 'kubectl exec demo -- cat /etc/app/MODE';
		expect(decisiveSteps({ result: 'passed', steps: [step({ command: read }), step({ command: 'kubectl apply -f x', output: 'ok' }), step({ command: read, checked: equals })] })).toEqual([2]);
		expect(decisiveSteps({ result: 'passed', steps: [step({ command: read, checked: exit }), step({ command: read, checked: equals })] })).toEqual([0, 1]);
		const noted = step({ checked: says, note: { en: 'before', 'zh-cn': '之前' } });
		expect(decisiveSteps({ result: 'passed', steps: [noted, step({ checked: says })] })).toEqual([0, 1]);
		expect(decisiveSteps({ result: 'passed', steps: [step({ command: 'a', checked: exit, note: noted.note }), step({ checked: says })] })).toEqual([1]);
		// An exact-text check with a note is no witness: it only confirms a step on the way.
		expect(decisiveSteps({ result: 'passed', steps: [step({ command: 'a', checked: equals, note: noted.note }), step({ checked: says })] })).toEqual([1]);
	});
	it('in a failed run, is the step that failed', () => {
		const steps = [step({ checked: equals }), step({ checked: equals, pass: false, command: 'b' }), step({ checked: equals })];
		expect(decisiveSteps({ result: 'failed', steps })).toEqual([1]);
	});
	it('in a transcript recorded before checks were kept, is the last step with a note and output', () => {
		const noted = { note: { en: 'n', 'zh-cn': 'n' } };
		expect(decisiveSteps({ result: 'passed', steps: [step(noted), step({ command: 'x' }), step({ ...noted, output: '' })] })).toEqual([0]);
		expect(decisiveSteps({ result: 'passed', steps: [step({}), step({ output: '' })] })).toEqual([0]);
		expect(decisiveSteps({ result: 'passed', steps: [step({ output: '' })] })).toEqual([0]);
		expect(decisiveSteps({ result: 'passed', steps: [] })).toEqual([]);
	});
});

describe('commandBlock', () => {
	it('is plain text with the prompt meta when the command gets a prompt, plain text without otherwise', () => {
		expect(commandBlock('kubectl get pods')).toEqual({ code: '$ kubectl get pods', lang: 'text', meta: 'prompt' });
		expect(commandBlock("cat <<'EOF'\n$ x\nEOF")).toEqual({ code: "cat <<'EOF'\n$ x\nEOF", lang: 'text', meta: '' });
	});
});
