/**
 * Starlight route middleware (astro.config.mjs `routeMiddleware`).
 * - The hero's action links of a splash page are written root-relative in its frontmatter
 *   (`link: /en/env-variables/`); they get the site's base path here, as links in the pages' text do in
 *   src/markdown/rehype-site.ts.
 * - The 404 page gives no address of its own (see withoutOwnAddress).
 */
import { defineRouteMiddleware, type StarlightRouteData } from '@astrojs/starlight/route-data';
import { withBase } from './navigation.ts';

/**
 * The 404 page (src/pages/404.astro): Starlight derives a page's id from its URL, and no docs page is named
 * `404` (Starlight's own 404 route is off). It is served for every missing address, in both languages at once.
 */
export function isNotFoundRoute(route: Pick<StarlightRouteData, 'id'>): boolean {
	return route.id === '404';
}

/**
 * The head without the page's addresses: canonical link, og:url and hreflang alternates. Starlight builds
 * them from the page's URL (/404 → /404/, /en/404/, /zh-cn/404/); none of those exist, and the 404 page has
 * no address of its own to give.
 */
function withoutOwnAddress(head: StarlightRouteData['head']): StarlightRouteData['head'] {
	return head.filter(({ tag, attrs = {} }) => {
		if (tag === 'link') return attrs.rel !== 'canonical' && !(attrs.rel === 'alternate' && 'hreflang' in attrs);
		return !(tag === 'meta' && attrs.property === 'og:url');
	});
}

export const onRequest = defineRouteMiddleware((context) => {
	const route = context.locals.starlightRoute;
	for (const action of route.entry.data.hero?.actions ?? []) {
		action.link = withBase(action.link, import.meta.env.BASE_URL);
	}
	if (isNotFoundRoute(route)) route.head = withoutOwnAddress(route.head);
});
