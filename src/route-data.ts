/**
 * Starlight route middleware (astro.config.mjs `routeMiddleware`): the hero's action links of a splash page are
 * written root-relative in its frontmatter (`link: /en/env-variables/`); they get the site's base path here, as
 * links in the pages' text do in src/markdown/rehype-site.ts.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { withBase } from './navigation.ts';

export const onRequest = defineRouteMiddleware((context) => {
	for (const action of context.locals.starlightRoute.entry.data.hero?.actions ?? []) {
		action.link = withBase(action.link, import.meta.env.BASE_URL);
	}
});
