import { describe, expect, it } from 'vitest';
import {
	areaIds,
	defaultLocale,
	flagshipId,
	localeKeys,
	locales,
	navigation,
	pageIds,
	pageUrl,
	starlightSidebar,
	type NavGroup,
} from '../../src/navigation.ts';

describe('navigation', () => {
	it('has English as the default and 简体中文 as the second language', () => {
		expect(defaultLocale).toBe('en');
		expect(locales).toEqual({ en: { label: 'English', lang: 'en' }, 'zh-cn': { label: '简体中文', lang: 'zh-CN' } });
		expect(localeKeys).toEqual(['en', 'zh-cn']);
	});

	it('lists Start here (with the then-and-now audit after the flagship), the eight areas in the source order, then About', () => {
		expect(pageIds()).toEqual([
			'index',
			flagshipId,
			'then-and-now',
			'networking',
			'service-discovery',
			'resource-management',
			'high-availability',
			'rolling-upgrades',
			'storage',
			'security',
			'monitoring',
			'about/how-proofs-work',
			'about/run-the-proofs',
		]);
		expect(areaIds).toHaveLength(8);
	});

	it('labels every group in every language', () => {
		for (const group of navigation) {
			for (const locale of localeKeys) expect(group.label[locale].trim()).not.toBe('');
		}
	});

	it('builds page URLs with the locale prefix and a trailing slash', () => {
		expect(pageUrl('en', 'index')).toBe('/en/');
		expect(pageUrl('zh-cn', 'index')).toBe('/zh-cn/');
		expect(pageUrl('zh-cn', 'about/run-the-proofs')).toBe('/zh-cn/about/run-the-proofs/');
	});
});

describe('starlightSidebar', () => {
	const nav: NavGroup[] = [
		{
			label: { en: 'Group', 'zh-cn': '分组' },
			pages: [{ id: 'index', label: { en: 'Home', 'zh-cn': '首页' } }, { id: 'a/b' }],
		},
	];

	it('keys label translations by BCP-47 tag and leaves the default language out', () => {
		expect(starlightSidebar(nav)).toEqual([
			{
				label: 'Group',
				translations: { 'zh-CN': '分组' },
				items: [{ slug: 'index', label: 'Home', translations: { 'zh-CN': '首页' } }, { slug: 'a/b' }],
			},
		]);
	});

	it('produces one group per navigation group by default', () => {
		expect(starlightSidebar().map((group) => group.label)).toEqual(navigation.map((group) => group.label.en));
	});
});
