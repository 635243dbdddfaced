import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveUrlPath } from '../support/dist-paths.ts';
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { acceptsGzip, compressible, contentType, startStaticServer, type StaticServer } from '../support/static-server.ts';

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
	writeFileSync(join(root, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
});

/** A GET with the headers given, raw: fetch would undo the compression this looks at. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; encoding: string | undefined; body: Buffer }> {
	return new Promise((resolve, reject) => {
		request(url, { headers }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () => resolve({ status: response.statusCode ?? 0, encoding: response.headers['content-encoding'], body: Buffer.concat(chunks) }));
		})
			.on('error', reject)
			.end();
	});
}

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

	it('gzips text for a client that accepts it, as a static host does; not images, not for other clients', async () => {
		const page = await rawGet(`${server.origin}/en/a/`, { 'accept-encoding': 'gzip, deflate, br' });
		expect(page.status).toBe(200);
		expect(page.encoding).toBe('gzip');
		expect(gunzipSync(page.body).toString()).toBe('<p>a</p>');
		const missing = await rawGet(`${server.origin}/nope/`, { 'accept-encoding': 'gzip' });
		expect(missing.status).toBe(404);
		expect(gunzipSync(missing.body).toString()).toBe('<p>not found</p>');
		const image = await rawGet(`${server.origin}/image.png`, { 'accept-encoding': 'gzip' });
		expect(image.encoding).toBeUndefined();
		expect([...image.body]).toEqual([0x89, 0x50, 0x4e, 0x47]);
		const plain = await rawGet(`${server.origin}/en/a/`, {});
		expect(plain.encoding).toBeUndefined();
		expect(plain.body.toString()).toBe('<p>a</p>');
	});

	it('reads Accept-Encoding and the types worth compressing', () => {
		expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true);
		expect(acceptsGzip('br;q=1.0, gzip;q=0.5')).toBe(true);
		expect(acceptsGzip('*')).toBe(true);
		expect(acceptsGzip('gzip;q=0')).toBe(false);
		expect(acceptsGzip('br')).toBe(false);
		expect(acceptsGzip(undefined)).toBe(false);
		expect(compressible(contentType('a.html'))).toBe(true);
		expect(compressible(contentType('a.js'))).toBe(true);
		expect(compressible(contentType('a.svg'))).toBe(true);
		expect(compressible(contentType('a.json'))).toBe(true);
		expect(compressible(contentType('a.png'))).toBe(false);
		expect(compressible(contentType('a.woff2'))).toBe(false);
		expect(compressible(contentType('wasm.en.pagefind'))).toBe(false);
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
