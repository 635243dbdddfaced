/**
 * Expressive Code plugin: shell prompts that are shown but never copied.
 *
 * In a terminal code block (```sh, ```console, …, or any block whose meta says `prompt`, such as the plain-text
 * command blocks of the proofs, which skip syntax colours to keep pages light) whose lines start with `$ `, the `$ ` is taken out of
 * the code and drawn by CSS instead, so it can be neither selected nor copied. The copy button then copies
 * only the commands (with their `\` continuation lines), not the output lines between them. A block with
 * no `$ ` line is left exactly as it was: it is all command, and copies whole.
 */
import type { ExpressiveCodeBlock, ExpressiveCodeLine, ExpressiveCodePlugin } from '@astrojs/starlight/expressive-code';
import type { Element } from 'hast';

export type ShellLineKind = 'command' | 'continuation' | 'output';

export interface ShellLine {
	kind: ShellLineKind;
	/** The line as it is shown after the prompt, without the `$ `. */
	text: string;
}

/** `$ ` at the start of a line, or a lone `$`; not `$HOME…`, which is output. */
const PROMPT = /^\$(?: |$)/;

const terminalLanguages = new Set(['bash', 'console', 'sh', 'shell', 'shellscript', 'shellsession', 'zsh']);

/**
 * Splits a shell session into commands (the lines that had a `$ ` prompt), the continuation lines of a
 * command that ends in `\`, and output. Returns undefined when no line has a prompt.
 */
export function parseShellSession(lines: readonly string[]): ShellLine[] | undefined {
	if (!lines.some((line) => PROMPT.test(line))) return undefined;
	const parsed: ShellLine[] = [];
	let continues = false;
	for (const line of lines) {
		if (continues) {
			parsed.push({ kind: 'continuation', text: line });
		} else if (PROMPT.test(line)) {
			parsed.push({ kind: 'command', text: line.replace(PROMPT, '') });
		} else {
			parsed.push({ kind: 'output', text: line });
			continue;
		}
		continues = line.trimEnd().endsWith('\\');
	}
	return parsed;
}

/** What the copy button copies: the commands and their continuation lines, one per line. */
export function commandsToCopy(session: readonly ShellLine[]): string {
	return session
		.filter((line) => line.kind !== 'output')
		.map((line) => line.text)
		.join('\n');
}

/** Depth-first search for the copy button Expressive Code's frames plugin renders (it has `data-code`). */
function findCopyButton(node: Element): Element | undefined {
	if (node.tagName === 'button' && node.properties.dataCode !== undefined) return node;
	for (const child of node.children) {
		if (child.type !== 'element') continue;
		const found = findCopyButton(child);
		if (found) return found;
	}
	return undefined;
}

function addClass(element: Element, className: string): void {
	const current = element.properties.className;
	const list = Array.isArray(current) ? current.map(String) : current ? String(current).split(' ') : [];
	element.properties.className = [...list, className];
}

export function pluginShellPrompt(): ExpressiveCodePlugin {
	const lineKinds = new WeakMap<ExpressiveCodeLine, ShellLineKind>();
	const copyTexts = new WeakMap<ExpressiveCodeBlock, string>();
	return {
		name: 'Shell prompt',
		baseStyles: `
			.ec-line.kp-command .code::before {
				content: '$ ';
				color: var(--kp-prompt-color, #8b949e);
				user-select: none;
				-webkit-user-select: none;
			}
			.ec-line.kp-output .code { opacity: 0.8; }
		`,
		hooks: {
			preprocessCode: ({ codeBlock }) => {
				if (!terminalLanguages.has(codeBlock.language) && !/(?:^|\s)prompt(?:\s|$)/.test(codeBlock.meta)) return;
				const lines = codeBlock.getLines();
				const session = parseShellSession(lines.map((line) => line.text));
				if (!session) return;
				session.forEach((parsed, index) => {
					const line = lines[index];
					if (!line) return;
					lineKinds.set(line, parsed.kind);
					if (parsed.kind === 'command') line.editText(0, line.text.length - parsed.text.length, '');
				});
				copyTexts.set(codeBlock, commandsToCopy(session));
			},
			postprocessRenderedLine: ({ line, renderData }) => {
				const kind = lineKinds.get(line);
				if (kind) addClass(renderData.lineAst, `kp-${kind}`);
			},
			postprocessRenderedBlock: ({ codeBlock, renderData }) => {
				const text = copyTexts.get(codeBlock);
				if (text === undefined) return;
				const button = findCopyButton(renderData.blockAst);
				// The frames plugin encodes newlines in data-code as U+007F; its copy script decodes them.
				if (button) button.properties.dataCode = text.replace(/\n/g, '\u007f');
			},
		},
	};
}
