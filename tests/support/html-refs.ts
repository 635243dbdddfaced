/**
 * Finds the references in a built HTML page that point into the site itself: links, stylesheets, scripts,
 * images, and the meta-refresh target. Astro's output is regular enough for a tokenizer of tags and
 * attributes; no full HTML parser is needed.
 */

export interface Ref {
	/** The element and attribute the reference came from, e.g. `a[href]`. */
	source: string;
	/** The reference as written in the page (entities decoded). */
	value: string;
}

export interface LocalTarget {
	/** Absolute URL path on the site, e.g. `/en/networking/`. */
	path: string;
	/** The fragment without `#`, or undefined when there is none. */
	fragment: string | undefined;
}

const TAG = /<([a-zA-Z][a-zA-Z0-9-]*)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

const URL_ATTRIBUTES: Record<string, string[]> = {
	a: ['href'],
	area: ['href'],
	link: ['href'],
	script: ['src'],
	img: ['src', 'srcset'],
	source: ['src', 'srcset'],
	video: ['src', 'poster'],
	audio: ['src'],
	iframe: ['src'],
	embed: ['src'],
	object: ['data'],
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'" };

export function decodeEntities(text: string): string {
	return text.replace(/&(#x?[0-9a-fA-F]+|[a-zA-Z]+);/g, (whole, name: string) => {
		if (name in ENTITIES) return ENTITIES[name] ?? whole;
		if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
		if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
		return whole;
	});
}

export function parseAttributes(text: string): Map<string, string> {
	const attributes = new Map<string, string>();
	for (const match of text.matchAll(ATTRIBUTE)) {
		const name = match[1]?.toLowerCase();
		if (!name || attributes.has(name)) continue;
		attributes.set(name, decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
	}
	return attributes;
}

/** The content of <script> and <style> elements is not markup: drop it before looking for tags. */
function stripRawText(html: string): string {
	return html.replace(/<(script|style)\b((?:[^>"']|"[^"]*"|'[^']*')*)>[\s\S]*?<\/\1\s*>/gi, '<$1$2></$1>');
}

export function extractRefs(html: string): Ref[] {
	const refs: Ref[] = [];
	for (const match of stripRawText(html).matchAll(TAG)) {
		const tag = (match[1] ?? '').toLowerCase();
		const attributes = parseAttributes(match[2] ?? '');
		for (const name of URL_ATTRIBUTES[tag] ?? []) {
			const value = attributes.get(name);
			if (value === undefined) continue;
			const values = name === 'srcset' ? value.split(',').map((entry) => entry.trim().split(/\s+/)[0] ?? '') : [value];
			for (const single of values) if (single) refs.push({ source: `${tag}[${name}]`, value: single });
		}
		if (tag === 'meta' && attributes.get('http-equiv')?.toLowerCase() === 'refresh') {
			const url = /url\s*=\s*(.+)$/i.exec(attributes.get('content') ?? '')?.[1]?.trim();
			if (url) refs.push({ source: 'meta[refresh]', value: url.replace(/^['"]|['"]$/g, '') });
		}
	}
	return refs;
}

/** Every `id` (and old-style `<a name>`) in the page: the targets a `#fragment` can point at. */
export function extractAnchors(html: string): Set<string> {
	const anchors = new Set<string>();
	for (const match of stripRawText(html).matchAll(TAG)) {
		const attributes = parseAttributes(match[2] ?? '');
		const id = attributes.get('id');
		if (id) anchors.add(id);
		if ((match[1] ?? '').toLowerCase() === 'a' && attributes.get('name')) anchors.add(attributes.get('name') ?? '');
	}
	return anchors;
}

/**
 * Resolves a reference against the URL path of the page it is on. Returns undefined for anything that leaves
 * the site: another scheme or host, `mailto:`, `data:`, `javascript:`.
 */
export function toLocalTarget(value: string, pagePath: string): LocalTarget | undefined {
	const origin = 'http://site.invalid';
	let url: URL;
	try {
		url = new URL(value, origin + pagePath);
	} catch {
		return undefined;
	}
	if (url.origin !== origin) return undefined;
	const fragment = url.hash ? decodeURIComponent(url.hash.slice(1)) : undefined;
	return { path: url.pathname, fragment: fragment || undefined };
}

/** Starlight's language picker: a custom element around a <select> whose option values are the pages it opens. */
const LANGUAGE_PICKER = /<starlight-lang-select\b[^>]*>([\s\S]*?)<\/starlight-lang-select\s*>/gi;

/**
 * The addresses a page gives for itself and its translations: `<link rel="canonical">`, every
 * `<link rel="alternate" hreflang>`, `<meta property="og:url">`, and the options of Starlight's language picker,
 * which sends the reader to the chosen option's value. extractRefs finds none of these as a link into the
 * site: Starlight writes the head's as absolute URLs on the configured site, and option values are not URLs
 * to HTML.
 */
export function extractPageAddresses(html: string): Ref[] {
	const addresses: Ref[] = [];
	const markup = stripRawText(html);
	for (const match of markup.matchAll(TAG)) {
		const tag = (match[1] ?? '').toLowerCase();
		const attributes = parseAttributes(match[2] ?? '');
		const rel = attributes.get('rel')?.toLowerCase().split(/\s+/) ?? [];
		const href = attributes.get('href');
		if (tag === 'link' && href !== undefined && rel.includes('canonical')) {
			addresses.push({ source: 'link[rel=canonical]', value: href });
		} else if (tag === 'link' && href !== undefined && rel.includes('alternate') && attributes.has('hreflang')) {
			addresses.push({ source: `link[rel=alternate][hreflang=${attributes.get('hreflang')}]`, value: href });
		} else if (tag === 'meta' && attributes.get('property') === 'og:url' && attributes.has('content')) {
			addresses.push({ source: 'meta[property=og:url]', value: attributes.get('content') ?? '' });
		}
	}
	for (const picker of markup.matchAll(LANGUAGE_PICKER)) {
		for (const match of (picker[1] ?? '').matchAll(TAG)) {
			const value = parseAttributes(match[2] ?? '').get('value');
			if ((match[1] ?? '').toLowerCase() === 'option' && value !== undefined) {
				addresses.push({ source: 'starlight-lang-select option[value]', value });
			}
		}
	}
	return addresses;
}
