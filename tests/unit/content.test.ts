import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasHan, listPageIds, pageFile, parsePage } from '../support/content.ts';

describe('parsePage', () => {
	it('splits YAML frontmatter from the body', () => {
		expect(parsePage('---\ntitle: "A: b"\ndescription: x\n---\n\n# Body\n')).toEqual({
			frontmatter: { title: 'A: b', description: 'x' },
			body: '\n# Body\n',
		});
	});

	it('refuses a file without frontmatter, or frontmatter that is not a mapping', () => {
		expect(() => parsePage('# no frontmatter')).toThrow(/no frontmatter/);
		expect(() => parsePage('---\n- a\n- b\n---\n')).toThrow(/not a YAML mapping/);
	});
});

describe('hasHan', () => {
	it('tells Chinese text from English', () => {
		expect(hasHan('Kubernetes 的环境变量')).toBe(true);
		expect(hasHan('Kubernetes env variables，')).toBe(false);
	});
});

describe('listPageIds / pageFile', () => {
	let dir: string;
	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'kp-docs-'));
		mkdirSync(join(dir, 'about'));
		for (const name of ['index.mdx', 'storage.md', 'about/run.mdx', 'notes.txt']) writeFileSync(join(dir, name), '');
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('lists .md and .mdx pages by id, sorted, with / separators', () => {
		expect(listPageIds(dir)).toEqual(['about/run', 'index', 'storage']);
	});

	it('finds the file of an id whichever extension it has', () => {
		expect(pageFile(dir, 'storage')).toBe(join(dir, 'storage.md'));
		expect(pageFile(dir, 'about/run')).toBe(join(dir, 'about', 'run.mdx'));
		expect(pageFile(dir, 'missing')).toBeUndefined();
	});
});
