/**
 * The Chinese texts use the words docs/glossary.zh-cn.md settles on. Only words with no other meaning are
 * checked (发布 also means "publish", so "rollout → 上线" is a review item, not a test).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '../..');

/** Every file under dir whose name passes keep. */
function files(dir: string, keep: (name: string) => boolean): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? files(path, keep) : keep(name) ? [path] : [];
	});
}

const texts = [
	...files(join(root, 'src/content/docs/zh-cn'), (n) => n.endsWith('.mdx') || n.endsWith('.md')),
	join(root, 'src/content/i18n/zh-CN.json'),
	join(root, 'content/then-and-now/claims.yaml'),
	...files(join(root, 'examples'), (n) => n === 'proof.ts'),
];

/** Words the glossary replaces, with the word to use. */
const avoid: [RegExp, string][] = [
	[/证明/g, '验证 (a proof), 证据 or 见证 (evidence)'],
	[/滚动发布/g, '上线 (rollout) or 滚动更新 (rolling update)'],
	[/大页/g, '巨页'],
];

describe('简体中文 terms follow docs/glossary.zh-cn.md', () => {
	it('no text uses a word the glossary replaces', () => {
		const offenders: string[] = [];
		for (const file of texts) {
			readFileSync(file, 'utf8')
				.split('\n')
				.forEach((line, i) => {
					for (const [word, use] of avoid)
						for (const m of line.matchAll(word)) offenders.push(`${relative(root, file)}:${i + 1}: ${m[0]} → ${use}`);
				});
		}
		expect(offenders).toEqual([]);
	});
});
