/**
 * The site's languages and its sidebar, in one place: astro.config.mjs builds Starlight's config from
 * this module, and the content tests check the pages on disk against it (every page listed here exists in
 * every language, and no page exists that is not listed here).
 */

export const defaultLocale = 'en';

/** Starlight locales: the key is the URL prefix and the folder under src/content/docs/. */
export const locales = {
	en: { label: 'English', lang: 'en' },
	'zh-cn': { label: '简体中文', lang: 'zh-CN' },
} as const;

export type LocaleKey = keyof typeof locales;

export const localeKeys = Object.keys(locales) as LocaleKey[];

/** A text in every language of the site. */
export type Translated = Record<LocaleKey, string>;

export interface NavPage {
	/** The page's path under src/content/docs/<locale>/ without extension; `index` is the locale's home. */
	id: string;
	/** A sidebar label; without one, the sidebar shows the page's own title. */
	label?: Translated;
}

export interface NavGroup {
	label: Translated;
	pages: NavPage[];
}

/** The eight areas of the 2015 source material, in the order it names them. */
export const areaIds = [
	'networking',
	'service-discovery',
	'resource-management',
	'high-availability',
	'rolling-upgrades',
	'storage',
	'security',
	'monitoring',
] as const;

export const flagshipId = 'env-variables';

export const navigation: NavGroup[] = [
	{
		label: { en: 'Start here', 'zh-cn': '从这里开始' },
		pages: [
			{ id: 'index', label: { en: 'Home', 'zh-cn': '首页' } },
			{ id: flagshipId },
			{ id: 'then-and-now', label: { en: 'The 2015 answer, then and now', 'zh-cn': '2015 年的回答，逐条核对' } },
		],
	},
	{
		label: { en: 'Areas', 'zh-cn': '专题' },
		pages: areaIds.map((id) => ({ id })),
	},
	{
		label: { en: 'About', 'zh-cn': '关于' },
		pages: [{ id: 'about/how-proofs-work' }, { id: 'about/run-the-proofs' }],
	},
];

/** Every page id in the sidebar, in sidebar order. */
export function pageIds(nav: NavGroup[] = navigation): string[] {
	return nav.flatMap((group) => group.pages.map((page) => page.id));
}

/**
 * The URL path of a page in one language, as Starlight builds it (trailing slash, `index` is the folder), below
 * the site's base path: components pass `import.meta.env.BASE_URL`; tests and dist/ paths use the default `/`.
 */
export function pageUrl(locale: LocaleKey, id: string, base = '/'): string {
	return withBase(id === 'index' ? `/${locale}/` : `/${locale}/${id}/`, base);
}

/**
 * A root-relative path below the base path the site is served from (`/kubernetes-proven/` on a project's
 * GitHub Pages): `/en/x/` → `/kubernetes-proven/en/x/`. Leaves alone what is not root-relative (`https:`,
 * `//host`, `#x`, `x/`) and what already starts with the base.
 */
export function withBase(path: string, base = '/'): string {
	const prefix = base.endsWith('/') ? base.slice(0, -1) : base;
	if (!prefix || !path.startsWith('/') || path.startsWith('//')) return path;
	if (path === prefix || path.startsWith(`${prefix}/`)) return path;
	return `${prefix}${path}`;
}

/** Sidebar label translations keyed the way Starlight wants them: by BCP-47 tag, default locale left out. */
function labelTranslations(label: Translated): Record<string, string> {
	return Object.fromEntries(
		localeKeys.filter((key) => key !== defaultLocale).map((key) => [locales[key].lang, label[key]]),
	);
}

/** Starlight's `sidebar` option. */
export function starlightSidebar(nav: NavGroup[] = navigation) {
	return nav.map((group) => ({
		label: group.label[defaultLocale],
		translations: labelTranslations(group.label),
		items: group.pages.map((page) =>
			page.label
				? { slug: page.id, label: page.label[defaultLocale], translations: labelTranslations(page.label) }
				: { slug: page.id },
		),
	}));
}
