/**
 * The client trusts a hover for one command alone: every `MarkdownString` of a hover gets
 * `isTrusted: { enabledCommands: ['derivcheck.showNetwork'] }` and HTML off, a `MarkedString`
 * code block is left alone, and no hover is no hover. The hover objects are plain stand-ins for
 * VS Code's, which is all `trustHover` reads.
 */
import * as assert from 'assert';
import { hoverTrust, provideTrustedHover, trustHover } from '../../src/client/hoverTrust';

suite('hover trust', () => {
	test('trusts each Markdown string of a hover for the network panel command only, HTML off', () => {
		const md = { value: '[Show in network panel](command:derivcheck.showNetwork?%5B%5D)', isTrusted: true as boolean | object, supportHtml: true };
		const code = { language: 'latex', value: 'x' };
		const hover = trustHover({ contents: [md, code] });
		assert.deepStrictEqual(md.isTrusted, { enabledCommands: ['derivcheck.showNetwork'] });
		assert.strictEqual(md.supportHtml, false);
		assert.deepStrictEqual(code, { language: 'latex', value: 'x' });
		assert.strictEqual(hover?.contents[0], md);
		assert.deepStrictEqual(hoverTrust.enabledCommands, ['derivcheck.showNetwork']);
	});

	test('passes no hover through as none', async () => {
		assert.strictEqual(trustHover(null), null);
		assert.strictEqual(trustHover(undefined), undefined);
		const none = await provideTrustedHover({} as never, {} as never, {} as never, () => null);
		assert.strictEqual(none, null);
	});

	test('as middleware, asks the server and trusts its answer', async () => {
		const md = { value: 'x' } as { value: string; isTrusted?: unknown };
		const h = await provideTrustedHover({} as never, {} as never, {} as never, async () => ({ contents: [md] }) as never);
		assert.ok(h);
		assert.deepStrictEqual(md.isTrusted, { enabledCommands: ['derivcheck.showNetwork'] });
	});
});
