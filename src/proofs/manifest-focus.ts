/**
 * Which lines of a manifest matter to a proof, and which are boilerplate, derived without hand annotation
 * from the manifest itself and from what the proof says and runs. The proof page marks the first with
 * Expressive Code's line markers and folds the second away with its collapsible-sections plugin (one click
 * opens them); the download link still serves the exact file.
 *
 * Marked (the lines a claim depends on):
 * - the blocks that carry a container's inputs: `env`, `envFrom`, `resources`, and a `command` that does more
 *   than keep the container alive;
 * - a field a command reads by path (`-o jsonpath='{.spec.containers[0].env}'`,
 *   `custom-columns=…:.spec.strategy.rollingUpdate.maxSurge`), in the object itself or in a Pod template
 *   (`.spec.x` also matches `spec.template.spec.x`); names, UIDs and the like (`.metadata.name`) are not;
 * - a field whose key the proof's prose names, case and all (`subPath`, `immutable`, `readinessGates`), in its
 *   notes or stated checks; keys that every manifest has (`spec`, `name`, `image`, …) are not.
 * Collapsed (boilerplate, unless something in it is marked or the proof talks about it), when two lines or more:
 * - the contents of every `securityContext`;
 * - the contents of `labels` under a `metadata`, unless a command reads labels (`.metadata.labels`,
 *   `kubectl label`) or uses one of its keys other than the standard `app.kubernetes.io/name` (which every
 *   example carries for its selectors) in a selector or a label column (`-l track=canary`, `-L track`), or
 *   the proof's prose names such a key.
 * Pure: text in, line numbers out (tests/unit/manifest-focus.test.ts).
 */
import { isMap, isScalar, isSeq, parseAllDocuments, type Node } from 'yaml';

/** Lines, 1-based and inclusive, as Expressive Code takes them (`{ range: '3-7' }`, `collapse: '3-7'`). */
export interface LineRange {
	from: number;
	to: number;
}

export interface ManifestFocus {
	marked: LineRange[];
	collapsed: LineRange[];
}

/** What the proof says and does, as text: its commands, and its title, notes and stated checks (English: keys are). */
export interface ProofTexts {
	commands: string[];
	prose: string[];
}

interface Field {
	/** Keys from the document root; sequence items are left out (`spec.containers.env`). */
	path: string[];
	key: string;
	/** The key's line. */
	keyLine: number;
	/** The last line of the value (the key's line for a scalar on the same line). */
	endLine: number;
	value: unknown;
}

/** Blocks that carry what a container gets: they matter to every proof that shows a manifest. */
export const inputBlocks = new Set(['env', 'envFrom', 'resources', 'command']);

/** Keys every manifest has: naming one in prose does not make it the point. */
const commonKeys = new Set([
	'apiVersion',
	'kind',
	'metadata',
	'name',
	'namespace',
	'labels',
	'spec',
	'template',
	'selector',
	'matchLabels',
	'containers',
	'image',
	'app',
	'type',
	'value',
	'key',
	'data',
	'items',
	'path',
	'port',
	'ports',
	'protocol',
	'replicas',
]);

/** Paths a command reads that identify an object rather than show a behaviour. */
const identityFields = new Set(['name', 'uid', 'namespace', 'generation', 'resourceVersion', 'creationTimestamp']);

/** The label every example carries for its selectors. */
const standardLabel = 'app.kubernetes.io/name';

function lineIndex(text: string): (offset: number) => number {
	const starts = [0];
	for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
	return (offset) => {
		let low = 0;
		let high = starts.length - 1;
		while (low < high) {
			const mid = (low + high + 1) >> 1;
			if ((starts[mid] ?? 0) <= offset) low = mid;
			else high = mid - 1;
		}
		return low + 1;
	};
}

function fields(text: string): Field[] {
	const lineOf = lineIndex(text);
	const found: Field[] = [];
	const endLineOf = (start: number, end: number) => {
		let e = end;
		while (e > start && /\s/.test(text[e - 1] ?? '')) e--;
		return lineOf(Math.max(start, e - 1));
	};
	const walk = (node: unknown, path: string[]) => {
		if (isMap(node)) {
			for (const pair of node.items) {
				const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
				const keyRange = (pair.key as Node | null)?.range;
				if (key === undefined || !keyRange) continue;
				const value = pair.value as Node | null;
				const keyLine = lineOf(keyRange[0]);
				const endLine = value?.range ? Math.max(keyLine, endLineOf(value.range[0], value.range[1])) : keyLine;
				found.push({ path: [...path, key], key, keyLine, endLine, value: isScalar(value) ? value.value : value });
				walk(value, [...path, key]);
			}
		} else if (isSeq(node)) {
			for (const item of node.items) walk(item, path);
		}
	};
	for (const doc of parseAllDocuments(text)) {
		if ('contents' in doc) walk(doc.contents, []);
	}
	return found;
}

/** Field paths a command reads: `{.spec.containers[0].env}`, `NAME:.metadata.name`, `.status.x` (left out later). */
export function readPaths(command: string): string[][] {
	const paths: string[][] = [];
	for (const match of command.matchAll(/(?<![\w.)\]/-])\.((?:[A-Za-z_][\w-]*|\[[^\]]*\])(?:\.[A-Za-z_][\w-]*|\[[^\]]*\]|\\\.[\w/-]+)*)/g)) {
		const keys = (match[1] ?? '')
			.replace(/\\\./g, '\u0000')
			.split(/\.|\[[^\]]*\]/)
			.filter(Boolean)
			.map((key) => key.replace(/\u0000/g, '.'));
		if (keys.length > 0) paths.push(keys);
	}
	return paths;
}

const endsWith = (path: string[], tail: string[]) =>
	tail.length <= path.length && tail.every((key, i) => path[path.length - tail.length + i] === key);

function pathMatches(field: Field, read: string[]): boolean {
	if (endsWith(field.path, read) && field.path.length === read.length) return true;
	// A Pod's field in a workload's Pod template: `.spec.containers` → `spec.template.spec.containers`.
	return (read[0] === 'spec' || read[0] === 'metadata') && endsWith(field.path, ['template', ...read]);
}

/**
 * A `command` that only keeps the container alive (`sh -c "trap 'exit 0' TERM; sleep 3600 & wait"`, as most
 * examples have it): not what any claim is about.
 */
function keepAlive(field: Field, yaml: string): boolean {
	const lines = yaml.split('\n').slice(field.keyLine - 1, field.endLine).join('\n');
	const rest = lines
		.replace(/^\s*command:/, '')
		.replace(/trap\s+'[^']*'\s+\w+\s*;?/g, '')
		.replace(/sleep\s+(?:\d+|infinity)\s*(?:&\s*wait(?:\s+\$!)?)?;?/g, '')
		.replace(/["'\[\],\-]|\bsh\b|\bc\b/g, '');
	return rest.trim() === '';
}

function merge(ranges: LineRange[]): LineRange[] {
	const sorted = [...ranges].sort((a, b) => a.from - b.from || a.to - b.to);
	const merged: LineRange[] = [];
	for (const range of sorted) {
		const last = merged.at(-1);
		if (last && range.from <= last.to + 1) last.to = Math.max(last.to, range.to);
		else merged.push({ ...range });
	}
	return merged;
}

const overlaps = (a: LineRange, b: LineRange) => a.from <= b.to && b.from <= a.to;

const wordIn = (word: string, texts: string[]) => {
	const pattern = new RegExp(`(?<![\\w.-])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`);
	return texts.some((text) => pattern.test(text));
};

export function manifestFocus(yaml: string, texts: ProofTexts): ManifestFocus {
	const all = fields(yaml);
	const reads = texts.commands
		.flatMap(readPaths)
		.filter((path) => path[0] !== 'status' && !identityFields.has(path.at(-1) ?? ''));

	const marked = merge(
		all
			.filter(
				(field) =>
					(inputBlocks.has(field.key) && !(field.key === 'command' && keepAlive(field, yaml))) ||
					reads.some((read) => pathMatches(field, read)) ||
					(!commonKeys.has(field.key) && field.key.length >= 4 && wordIn(field.key, texts.prose)),
			)
			.map((field) => ({ from: field.keyLine, to: field.endLine })),
	);

	const readsLabels =
		reads.some((read) => read.includes('labels')) || texts.commands.some((command) => /\bkubectl\s+label\b/.test(command));
	const namesLabel = (field: Field) => {
		const entries = all.filter((inner) => inner.path.length === field.path.length + 1 && endsWith(inner.path.slice(0, -1), field.path) && inner.keyLine > field.keyLine && inner.endLine <= field.endLine);
		return entries.some((entry) => {
			if (entry.key === standardLabel) return false;
			const key = entry.key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			// In a command, a label is used as `key=…`, `key!=…` or `key in (…)` (selectors, `kubectl label`).
			const used = new RegExp(`(?<![\\w./-])${key}(?:!?=| in )`);
			// …or shown as a column: `-L key`, `--label-columns=a,key`.
			const shown = new RegExp(`(?:-L|--label-columns)[ =](?:[\\w./-]+,)*${key}(?![\\w./-])`);
			return texts.commands.some((command) => used.test(command) || shown.test(command)) || (!commonKeys.has(entry.key) && wordIn(entry.key, texts.prose));
		});
	};
	const collapsed = all
		.filter(
			(field) =>
				// Folding one line into a one-line summary hides it and saves nothing.
				field.endLine > field.keyLine + 1 &&
				(field.key === 'securityContext' || (field.key === 'labels' && field.path.at(-2) === 'metadata' && !readsLabels && !namesLabel(field))),
		)
		.map((field) => ({ from: field.keyLine + 1, to: field.endLine }))
		.filter((range) => !marked.some((mark) => overlaps(mark, range)));

	return { marked, collapsed: merge(collapsed) };
}

/** A range as Expressive Code writes it: `3-7`, or `3` for one line. */
export function rangeText(range: LineRange): string {
	return range.from === range.to ? String(range.from) : `${range.from}-${range.to}`;
}
