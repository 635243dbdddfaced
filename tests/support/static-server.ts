/**
 * A static file server for the built site, on 127.0.0.1 and a free port. It serves dist/ the way a static
 * host does (see dist-paths.ts), answers unknown paths with the site's 404.html and status 404, and redirects
 * a folder path without its trailing slash to the one with it. Text (HTML, CSS, JavaScript, JSON, SVG) goes
 * gzipped to a client that accepts it, as GitHub Pages and any static host send it: Lighthouse times a page
 * by the bytes that cross the network, and a page of 200 KB is 35 KB on the wire.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { resolveUrlPath } from './dist-paths.ts';

const CONTENT_TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.webp': 'image/webp',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2',
	'.txt': 'text/plain; charset=utf-8',
	'.xml': 'application/xml',
	'.wasm': 'application/wasm',
};

export function contentType(path: string): string {
	return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Whether a static host compresses this type: text, not images or fonts (already compressed). */
export function compressible(type: string): boolean {
	return /^text\/|^application\/(?:json|xml)|^image\/svg\+xml/.test(type);
}

/** Whether a request's Accept-Encoding takes gzip (and does not refuse it with q=0). */
export function acceptsGzip(header: string | undefined): boolean {
	return (header ?? '').split(',').some((part) => {
		const [coding, ...params] = part.trim().split(';');
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		return (coding === 'gzip' || coding === '*') && (q === undefined || Number(q.slice(2)) > 0);
	});
}

export interface StaticServer {
	/** e.g. http://127.0.0.1:41234 (no trailing slash) */
	origin: string;
	close(): Promise<void>;
}

export async function startStaticServer(root: string): Promise<StaticServer> {
	const server: Server = createServer((request, response) => {
		const path = new URL(request.url ?? '/', 'http://localhost').pathname;
		if (request.method !== 'GET' && request.method !== 'HEAD') {
			response.writeHead(405, { allow: 'GET, HEAD' }).end();
			return;
		}
		const file = resolveUrlPath(root, path);
		// A folder asked for without its trailing slash: redirect, so relative links on the page resolve.
		if (file && !path.endsWith('/') && resolveUrlPath(root, `${path}/`) === file) {
			response.writeHead(301, { location: `${path}/` }).end();
			return;
		}
		const served = file ?? resolveUrlPath(root, '/404.html') ?? join(root, '404.html');
		const type = contentType(served);
		const headers = { 'content-type': type, 'cache-control': 'no-store', vary: 'accept-encoding' };
		if (compressible(type) && acceptsGzip(request.headers['accept-encoding'])) {
			let body: Buffer;
			try {
				body = gzipSync(readFileSync(served));
			} catch {
				response.writeHead(404).end();
				return;
			}
			response.writeHead(file ? 200 : 404, { ...headers, 'content-encoding': 'gzip', 'content-length': body.length });
			response.end(request.method === 'HEAD' ? undefined : body);
			return;
		}
		response.writeHead(file ? 200 : 404, headers);
		if (request.method === 'HEAD') {
			response.end();
			return;
		}
		createReadStream(served)
			.on('error', () => response.end())
			.pipe(response);
	});
	await new Promise<void>((resolveListen, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolveListen());
	});
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		close: () =>
			new Promise<void>((resolveClose, reject) => {
				server.closeAllConnections();
				server.close((error) => (error ? reject(error) : resolveClose()));
			}),
	};
}
