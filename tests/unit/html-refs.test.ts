import { describe, expect, it } from 'vitest';
import {
	decodeEntities,
	extractAnchors,
	extractPageAddresses,
	extractRefs,
	parseAttributes,
	toLocalTarget,
} from '../support/html-refs.ts';

describe('extractRefs', () => {
	it('finds links, stylesheets, scripts, images, srcset entries and meta refresh', () => {
		const html = `<!doctype html><html><head>
			<meta http-equiv="refresh" content="0; url=/en/">
			<link rel="stylesheet" href="/_astro/a.css"><script type="module" src='/_astro/b.js'></script>
			</head><body><a href="/en/networking/">x</a><a class=x href=rel/page>y</a>
			<img src="/img.png" srcset="/img-1x.png 1x, /img-2x.png 2x" alt=""></body></html>`;
		expect(extractRefs(html).map((ref) => `${ref.source} ${ref.value}`)).toEqual([
			'meta[refresh] /en/',
			'link[href] /_astro/a.css',
			'script[src] /_astro/b.js',
			'a[href] /en/networking/',
			'a[href] rel/page',
			'img[src] /img.png',
			'img[srcset] /img-1x.png',
			'img[srcset] /img-2x.png',
		]);
	});

	it('ignores markup-looking text inside scripts and styles, and attributes of other elements', () => {
		const html = `<script>const s = '<a href="/nowhere/">';</script><style>a[href="/x/"]{}</style><div href="/no/"></div><a data-href="/no/">`;
		expect(extractRefs(html)).toEqual([]);
	});

	it('decodes entities in attribute values', () => {
		expect(extractRefs('<a href="/search/?q=a&amp;b=c">')[0]?.value).toBe('/search/?q=a&b=c');
	});

	it('reads attributes whose values contain a >', () => {
		expect(extractRefs('<a title="a > b" href="/ok/">')[0]?.value).toBe('/ok/');
	});
});

describe('extractPageAddresses', () => {
	it('finds the canonical, hreflang alternates, og:url and the language picker options', () => {
		const html = `<head><link rel="canonical" href="https://example.org/en/a/"/>
			<link rel="alternate" hreflang="zh-CN" href="https://example.org/zh-cn/a/"/>
			<link rel="alternate" type="application/rss+xml" href="/rss.xml"/><link rel="stylesheet" href="/s.css"/>
			<meta property="og:url" content="https://example.org/en/a/"/><meta property="og:title" content="A"/></head>
			<body><select><option value="dark">Dark</option></select>
			<starlight-lang-select><label><select><option value="/en/a/" selected>English</option>
			<option value="/zh-cn/a/">简体中文</option></select></label></starlight-lang-select></body>`;
		expect(extractPageAddresses(html).map((ref) => `${ref.source} ${ref.value}`)).toEqual([
			'link[rel=canonical] https://example.org/en/a/',
			'link[rel=alternate][hreflang=zh-CN] https://example.org/zh-cn/a/',
			'meta[property=og:url] https://example.org/en/a/',
			'starlight-lang-select option[value] /en/a/',
			'starlight-lang-select option[value] /zh-cn/a/',
		]);
	});
});

describe('extractAnchors', () => {
	it('collects ids and <a name>', () => {
		expect([...extractAnchors('<h2 id="what-proven-means">x</h2><a name="old"></a><div id=bare>')]).toEqual([
			'what-proven-means',
			'old',
			'bare',
		]);
	});
});

describe('parseAttributes / decodeEntities', () => {
	it('keeps the first of repeated attributes and lower-cases names', () => {
		expect(Object.fromEntries(parseAttributes(' HREF="/a/" href="/b/" hidden'))).toEqual({ href: '/a/', hidden: '' });
	});

	it('decodes named and numeric entities', () => {
		expect(decodeEntities('&lt;&#x4e2d;&#25991;&gt; &unknown;')).toBe('<中文> &unknown;');
	});
});

describe('toLocalTarget', () => {
	it('resolves absolute and relative paths against the page', () => {
		expect(toLocalTarget('/en/storage/', '/zh-cn/')).toEqual({ path: '/en/storage/', fragment: undefined });
		expect(toLocalTarget('../storage/#volumes', '/en/about/how-proofs-work/')).toEqual({
			path: '/en/about/storage/',
			fragment: 'volumes',
		});
		expect(toLocalTarget('#top', '/en/')).toEqual({ path: '/en/', fragment: 'top' });
	});

	it('decodes percent-encoded fragments (Chinese heading ids)', () => {
		expect(toLocalTarget('#%E5%AD%98%E5%82%A8', '/zh-cn/')?.fragment).toBe('存储');
	});

	it('leaves other sites and schemes alone', () => {
		for (const value of ['https://kubernetes.io/', '//cdn.example/x.js', 'mailto:a@b.c', 'data:image/png;base64,AA', 'javascript:void(0)']) {
			expect(toLocalTarget(value, '/en/'), value).toBeUndefined();
		}
	});
});
