import { describe, expect, it } from 'vitest';
import { ExpressiveCode, loadShikiTheme, pluginShiki } from '@astrojs/starlight/expressive-code';
import { toHtml } from '@astrojs/starlight/expressive-code/hast';
import { pluginCollapsibleSections } from '@expressive-code/plugin-collapsible-sections';
import { pluginCachedShiki, tokensKey } from '../../src/expressive-code/shiki-cache.ts';

const manifest = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
  labels:
    app.kubernetes.io/name: app
spec:
  template:
    spec:
      containers:
        - name: app
          image: busybox:1.37
          env:
            - name: GREETING # a comment
              value: "hello"`;

/** Two themes, as Starlight has: the analysis runs once per theme. */
const themes = await Promise.all([loadShikiTheme('github-dark'), loadShikiTheme('github-light')]);

async function render(ec: ExpressiveCode, code: string, language: string, meta = '', locale = 'en'): Promise<string> {
	const { renderedGroupAst } = await ec.render({ code, language, meta, locale });
	return toHtml(renderedGroupAst);
}

describe('pluginCachedShiki', () => {
	it('renders every block exactly as Expressive Code’s own Shiki plugin, the first time and from its cache', async () => {
		const plain = new ExpressiveCode({ themes, plugins: [pluginShiki(), pluginCollapsibleSections()] });
		const cached = new ExpressiveCode({ themes, plugins: [pluginCachedShiki(), pluginCollapsibleSections()] });
		const blocks: [string, string, string][] = [
			[manifest, 'yaml', ''],
			[manifest, 'yaml', 'collapse={5-6} mark={13-15}'],
			['$ kubectl get pods -o wide\nNAME  READY', 'sh', ''],
			['plain text, no grammar', 'text', ''],
			['\u001b[31mred\u001b[0m text', 'ansi', ''],
		];
		for (const [code, language, meta] of blocks) {
			const expected = await render(plain, code, language, meta);
			expect(await render(cached, code, language, meta), `${language} ${meta}, first`).toBe(expected);
			expect(await render(cached, code, language, meta), `${language} ${meta}, cached`).toBe(expected);
			expect(await render(cached, code, language, meta, 'zh-CN'), `${language} ${meta}, other locale`).toBe(await render(plain, code, language, meta, 'zh-CN'));
		}
	});

	it('keys on the language, the themes in order and the code', () => {
		const key = tokensKey('yaml', ['a', 'b'], 'x: 1');
		expect(tokensKey('yml', ['a', 'b'], 'x: 1')).not.toBe(key);
		expect(tokensKey('yaml', ['b', 'a'], 'x: 1')).not.toBe(key);
		expect(tokensKey('yaml', ['a', 'b'], 'x: 2')).not.toBe(key);
		expect(tokensKey('yaml', ['a', 'b'], 'x: 1')).toBe(key);
	});
});
