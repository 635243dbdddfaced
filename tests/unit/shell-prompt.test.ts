import { describe, expect, it } from 'vitest';
import { ExpressiveCode, pluginFrames } from '@astrojs/starlight/expressive-code';
import { toHtml } from '@astrojs/starlight/expressive-code/hast';
import { commandsToCopy, parseShellSession, pluginShellPrompt } from '../../src/expressive-code/shell-prompt.ts';

describe('parseShellSession', () => {
	it('returns undefined when no line has a prompt: the whole block is a command', () => {
		expect(parseShellSession(['npm install', 'npm test'])).toBeUndefined();
	});

	it('splits commands from their output and drops the prompt', () => {
		expect(parseShellSession(['$ kubectl get pods', 'NAME READY', 'web  1/1', '$ echo $HOME', '/root'])).toEqual([
			{ kind: 'command', text: 'kubectl get pods' },
			{ kind: 'output', text: 'NAME READY' },
			{ kind: 'output', text: 'web  1/1' },
			{ kind: 'command', text: 'echo $HOME' },
			{ kind: 'output', text: '/root' },
		]);
	});

	it('keeps backslash continuation lines with their command', () => {
		expect(parseShellSession(['$ kubectl run web \\', '    --image=nginx \\', '    --port=80', 'pod/web created'])).toEqual([
			{ kind: 'command', text: 'kubectl run web \\' },
			{ kind: 'continuation', text: '    --image=nginx \\' },
			{ kind: 'continuation', text: '    --port=80' },
			{ kind: 'output', text: 'pod/web created' },
		]);
	});

	it('does not take output that starts with a dollar sign for a prompt', () => {
		expect(parseShellSession(['$ echo $PATH', '$PATH is unset'])).toEqual([
			{ kind: 'command', text: 'echo $PATH' },
			{ kind: 'output', text: '$PATH is unset' },
		]);
	});

	it('treats a lone $ as an empty command line', () => {
		expect(parseShellSession(['$'])).toEqual([{ kind: 'command', text: '' }]);
	});
});

describe('commandsToCopy', () => {
	it('joins commands and continuations, leaving output out', () => {
		const session = parseShellSession(['$ a \\', '  b', 'out', '$ c', 'more out']) ?? [];
		expect(commandsToCopy(session)).toBe('a \\\n  b\nc');
	});
});

describe('pluginShellPrompt in Expressive Code', () => {
	const engine = new ExpressiveCode({ plugins: [pluginFrames(), pluginShellPrompt()] });

	async function render(code: string, language: string) {
		const { renderedGroupAst } = await engine.render({ code, language });
		const html = toHtml(renderedGroupAst);
		const dataCode = /data-code="([^"]*)"/.exec(html)?.[1]?.replace(/\u007f/g, '\n').replace(/&#x24;/g, '$');
		return { html, dataCode };
	}

	it('copies only the commands, and marks command and output lines', async () => {
		const { html, dataCode } = await render('$ kubectl get ns\nNAME STATUS\ndefault Active\n$ kubectl version', 'sh');
		expect(dataCode).toBe('kubectl get ns\nkubectl version');
		expect(html.match(/kp-command/g)).toHaveLength(2);
		expect(html.match(/kp-output/g)).toHaveLength(2);
		// The prompt is not in the code text any more: CSS draws it.
		expect(html).not.toMatch(/>\$ /);
	});

	it('leaves blocks without prompts and non-shell blocks alone', async () => {
		expect((await render('npm install\nnpm test', 'sh')).dataCode).toBe('npm install\nnpm test');
		const yaml = await render('$ not a prompt: yaml', 'yaml');
		expect(yaml.dataCode).toBe('$ not a prompt: yaml');
		expect(yaml.html).not.toContain('kp-command');
	});
});
