/**
 * HTML-tree (hast) plugins for the site's Markdown and MDX pages, run by Astro's Markdown processor, Sätteri
 * (astro.config.mjs `markdown.processor`; MDX uses it too):
 * - `baseLinksPlugin(base)`: root-relative links written in a page (`[x](/en/storage/)`, `<LinkCard
 *   href="/en/…">`) get the site's base path, so the pages stay as they are written and the site still works
 *   below a project's GitHub Pages path;
 * - `tableCardsPlugin()`: every body cell of a table gets its column's heading as `data-label`, and a table of
 *   four columns or more the class `kp-table-cards`; on a narrow screen src/styles/custom.css shows such a
 *   table as one card per row, each cell under its heading, instead of columns squeezed to a few letters.
 * The decisions are pure functions (`tableLabels`), tested in tests/unit/rehype-site.test.ts; the build
 * exercises the plugins themselves (the browser test reads the env matrix as cards on a phone).
 */
import { defineHastPlugin } from 'satteri';
import type { Element, ElementContent } from 'hast';
import { withBase } from '../navigation.ts';

export function baseLinksPlugin(base: string) {
	return defineHastPlugin({
		name: 'kp-base-links',
		element: {
			filter: ['a'],
			visit(node, ctx) {
				const href = node.properties?.href;
				if (typeof href === 'string' && withBase(href, base) !== href) ctx.setProperty(node, 'href', withBase(href, base));
			},
		},
		mdxJsxFlowElement: {
			filter: ['LinkCard', 'LinkButton', 'a'],
			visit(node, ctx) {
				for (const attribute of node.attributes ?? []) {
					if (attribute.type === 'mdxJsxAttribute' && attribute.name === 'href' && typeof attribute.value === 'string') {
						const href = withBase(attribute.value, base);
						if (href !== attribute.value) ctx.setProperty(node, 'href', href);
					}
				}
			},
		},
	});
}

const isElement = (node: ElementContent | undefined, ...tags: string[]): node is Element =>
	node?.type === 'element' && tags.includes(node.tagName);

function text(node: ElementContent): string {
	if (node.type === 'text') return node.value;
	return 'children' in node ? node.children.map(text).join('') : '';
}

/**
 * The label of every body cell of a table: its column's heading, in document order of the cells, and whether
 * the table is wide enough to become cards.
 */
export function tableLabels(table: Element, minColumns = 4): { cells: { cell: Element; label: string }[]; cards: boolean } {
	const sections = table.children.filter((child): child is Element => isElement(child, 'thead', 'tbody'));
	const headRow = sections.find((s) => s.tagName === 'thead')?.children.find((c): c is Element => isElement(c, 'tr'));
	const headings = (headRow?.children ?? []).filter((c): c is Element => isElement(c, 'th', 'td')).map((c) => text(c).trim());
	const cells: { cell: Element; label: string }[] = [];
	for (const body of sections.filter((s) => s.tagName === 'tbody')) {
		for (const row of body.children.filter((c): c is Element => isElement(c, 'tr'))) {
			row.children
				.filter((c): c is Element => isElement(c, 'th', 'td'))
				.forEach((cell, index) => {
					const label = headings[index];
					if (label) cells.push({ cell, label });
				});
		}
	}
	return { cells, cards: headings.length >= minColumns };
}

export function tableCardsPlugin() {
	return defineHastPlugin({
		name: 'kp-table-cards',
		element: {
			filter: ['table'],
			visit(node, ctx) {
				const { cells, cards } = tableLabels(node as Element);
				for (const { cell, label } of cells) ctx.setProperty(cell, 'dataLabel', label);
				if (cards) {
					const current = node.properties?.className;
					ctx.setProperty(node, 'className', [...(Array.isArray(current) ? current.map(String) : []), 'kp-table-cards']);
				}
			},
		},
	});
}
