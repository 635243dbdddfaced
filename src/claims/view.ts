/**
 * Pure helpers behind the then-and-now table (src/components/ThenAndNow.astro): the labels in each language,
 * the count per verdict, the page a proof is shown on, a short label for a source link, inline code in the
 * claims' texts. No Astro, no file system: the unit tests (tests/unit/claims-view.test.ts) call them directly.
 */
import { areaIds, type LocaleKey, type Translated } from '../navigation.ts';
import { escapeHtml } from '../proofs/view.ts';
import { verdicts, type ClaimArea, type Verdict } from './schema.ts';

/** A verdict as its badge says it. */
export const verdictLabels: Record<Verdict, Translated> = {
	'still-true': { en: 'still true', 'zh-cn': '依然成立' },
	changed: { en: 'changed', 'zh-cn': '有变化' },
	outdated: { en: 'outdated', 'zh-cn': '已过时' },
	history: { en: 'history', 'zh-cn': '历史' },
};

/** What each verdict means, for the legend above the table. */
export const verdictMeanings: Record<Verdict, Translated> = {
	'still-true': { en: 'holds today as it was written', 'zh-cn': '今天仍然如原文所说' },
	changed: { en: 'true in substance, but done differently today', 'zh-cn': '大意没错，但今天的做法或名称不同了' },
	outdated: { en: 'no longer true', 'zh-cn': '今天已不成立' },
	history: {
		en: 'about the project’s past or its plans back then; nothing a cluster can show today',
		'zh-cn': '讲的是项目当年的状况或计划，今天的集群无从验证',
	},
};

/** The area column: short names of the answer's sections (the areas are also pages of this site). */
export const areaLabels: Record<ClaimArea, Translated> = {
	overview: { en: 'Overview', 'zh-cn': '总体' },
	networking: { en: 'Networking', 'zh-cn': '网络' },
	'service-discovery': { en: 'Service discovery', 'zh-cn': '服务发现' },
	'resource-management': { en: 'Resources', 'zh-cn': '资源管理' },
	'high-availability': { en: 'High availability', 'zh-cn': '高可用' },
	'rolling-upgrades': { en: 'Rolling upgrades', 'zh-cn': '滚动升级' },
	storage: { en: 'Storage', 'zh-cn': '存储' },
	security: { en: 'Security', 'zh-cn': '安全' },
	monitoring: { en: 'Monitoring', 'zh-cn': '监控' },
};

/** The site page of an area, if it has one (the overview has none). */
export function areaPage(area: ClaimArea): string | undefined {
	return (areaIds as readonly string[]).includes(area) ? area : undefined;
}

/** The table's own words. */

/** How many claims have each verdict, in the order of `verdicts` (a verdict no claim has counts 0). */
export function verdictCounts(claims: readonly { verdict: Verdict }[]): [Verdict, number][] {
	return verdicts.map((verdict) => [verdict, claims.filter((claim) => claim.verdict === verdict).length]);
}

/** A claim text as HTML: escaped, with Markdown `code` spans as <code>. */
export function inlineHtml(text: string): string {
	return text
		.split(/(`[^`]+`)/)
		.map((part) => (/^`[^`]+`$/.test(part) ? `<code>${escapeHtml(part.slice(1, -1))}</code>` : escapeHtml(part)))
		.join('');
}

/**
 * The page of one language that shows a proof: among the pages that render `<Proof id>` (in sidebar order),
 * the one named like the proof's area (`storage/…` → `storage`) if it is one of them, else the first.
 */
export function proofPage(id: string, pages: readonly { page: string; ids: readonly string[] }[]): string | undefined {
	const showing = pages.filter((page) => page.ids.includes(id));
	const area = id.split('/')[0];
	return (showing.find((page) => page.page === area) ?? showing[0])?.page;
}

/**
 * A short, readable label for an upstream link: `kubernetes.io › network-plugins`,
 * `kubernetes/kubernetes#97076`, `kubernetes-sigs/metrics-server`; a fragment is kept (`service#external-ips`).
 */
export function sourceLabel(url: string): string {
	const parsed = new URL(url);
	const host = parsed.hostname.replace(/^www\./, '');
	const segments = parsed.pathname.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
	const fragment = parsed.hash && parsed.hash !== '#readme' ? parsed.hash : '';
	if (host === 'github.com' && segments.length >= 2) {
		const repo = `${segments[0]}/${segments[1]}`;
		const [kind, number] = segments.slice(2);
		if ((kind === 'issues' || kind === 'pull') && number) return `${repo}#${number}`;
		const last = segments.length > 2 ? segments.at(-1) : undefined;
		return last ? `${repo} › ${last}${fragment}` : `${repo}${fragment}`;
	}
	const last = segments.filter((s) => !/^(index\.html?|readme(\.md)?)$/i.test(s)).at(-1);
	return last ? `${host} › ${last}${fragment}` : `${host}${fragment}`;
}

/** The Kubernetes versions, for a sentence: `v1.37.2`, `v1.36.4 and v1.37.2`, `v1.36.4 和 v1.37.2`. */
export function versionList(versions: readonly string[], locale: LocaleKey): string {
	const sorted = [...new Set(versions)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
	if (locale === 'zh-cn') {
		// Spaced, as Latin text inside Chinese is; Intl's zh list has no spaces around 和.
		return sorted.length < 2 ? (sorted[0] ?? '') : `${sorted.slice(0, -1).join('、')} 和 ${sorted.at(-1)}`;
	}
	return new Intl.ListFormat('en', { type: 'conjunction' }).format(sorted);
}
