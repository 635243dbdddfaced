import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveUrlPath } from '../support/dist-paths.ts';
import { contentType, startStaticServer, type StaticServer } from '../support/static-server.ts';

let root: string;

beforeAll(() => {
	root = mkdtempSync(join(tmpdir(), 'kp-dist-'));
	mkdirSync(join(root, 'en', 'a'), { recursive: true });
	mkdirSync(join(root, 'zh-cn', '中文'), { recursive: true });
	writeFileSync(join(root, 'index.html'), '<p>root</p>');
	writeFileSync(join(root, '404.html'), '<p>not found</p>');
	writeFileSync(join(root, 'en', 'a', 'index.html'), '<p>a</p>');
	writeFileSync(join(root, 'en', 'page.html'), '<p>page</p>');
	writeFileSync(join(root, 'zh-cn', '中文', 'index.html'), '<p>中文</p>');
	writeFileSync(join(root, 'style.css'), 'p{}');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('resolveUrlPath', () => {
	it('maps folders to index.html and tries .html for extensionless paths', () => {
		expect(resolveUrlPath(root, '/')).toBe(join(root, 'index.html'));
		expect(resolveUrlPath(root, '/en/a/')).toBe(join(root, 'en', 'a', 'index.html'));
		expect(resolveUrlPath(root, '/en/a')).toBe(join(root, 'en', 'a', 'index.html'));
		expect(resolveUrlPath(root, '/en/page')).toBe(join(root, 'en', 'page.html'));
		expect(resolveUrlPath(root, '/style.css')).toBe(join(root, 'style.css'));
	});

	it('decodes percent-encoded paths', () => {
		expect(resolveUrlPath(root, '/zh-cn/%E4%B8%AD%E6%96%87/')).toBe(join(root, 'zh-cn', '中文', 'index.html'));
	});

	it('finds nothing for missing files, a file asked for as a folder, or paths outside the root', () => {
		expect(resolveUrlPath(root, '/en/missing/')).toBeUndefined();
		expect(resolveUrlPath(root, '/style.css/')).toBeUndefined();
		expect(resolveUrlPath(root, '/../etc/passwd')).toBeUndefined();
		expect(resolveUrlPath(root, '/%2e%2e/%2e%2e/etc/passwd')).toBeUndefined();
		expect(resolveUrlPath(root, '/%E0%A4%A')).toBeUndefined();
	});
});

describe('startStaticServer', () => {
	let server: StaticServer;
	beforeAll(async () => {
		server = await startStaticServer(root);
	});
	afterAll(() => server.close());

	it('listens on 127.0.0.1 on a free port', () => {
		expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
	});

	it('serves files with their content type', async () => {
		const page = await fetch(`${server.origin}/en/a/`);
		expect(page.status).toBe(200);
		expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(await page.text()).toBe('<p>a</p>');
		const css = await fetch(`${server.origin}/style.css`);
		expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
	});

	it('redirects a folder without its trailing slash', async () => {
		const response = await fetch(`${server.origin}/en/a`, { redirect: 'manual' });
		expect(response.status).toBe(301);
		expect(response.headers.get('location')).toBe('/en/a/');
	});

	it('answers unknown paths with 404.html and status 404', async () => {
		const response = await fetch(`${server.origin}/nope/`);
		expect(response.status).toBe(404);
		expect(await response.text()).toBe('<p>not found</p>');
	});

	it('knows the content types the site uses', () => {
		expect(contentType('a.JS')).toBe('text/javascript; charset=utf-8');
		expect(contentType('pagefind/wasm.en.pagefind')).toBe('application/octet-stream');
		expect(contentType('x.wasm')).toBe('application/wasm');
	});
});
