/**
 * A display-language pack for zh-cn, made for the suite's Chinese pass. Strategy: VS Code takes a
 * display language only from an installed language pack (without one, `--locale zh-cn` resolves
 * to English and `vscode.env.language` stays `en`); the real Chinese pack comes from the
 * Marketplace, which these machines cannot reach. So the suite packs the smallest extension that
 * contributes `localizations` for zh-cn, with no translated workbench strings (the workbench's own
 * words stay English, ours are what is tested), and installs it beside the extension. It is packed
 * with vsce, as the extension itself is, into a temp dir the caller owns. The server finds language
 * packs through `languagepacks.json` in its user data, which VS Code's language pack service writes
 * only once a window asks it for the installed languages (Configure Display Language); a fresh
 * server has none, so `registerZhCnLanguagePack` writes the entry that service would write for
 * the installed pack (its translations file, a hash naming the cache of generated messages).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createVSIX } from '@vscode/vsce';

export const ZH_CN = 'zh-cn';

const PUBLISHER = 'derivcheck-e2e';
const NAME = 'e2e-language-pack-zh-cn';
const VERSION = '0.0.1';

/** Packs the zh-cn display-language pack into `dir`; returns the .vsix path. */
export async function zhCnLanguagePack(dir: string): Promise<string> {
	const src = path.join(dir, 'zh-cn-language-pack');
	fs.mkdirSync(path.join(src, 'translations'), { recursive: true });
	const manifest = {
		name: NAME,
		displayName: 'zh-cn display language for the derivcheck e2e suite',
		description: 'Makes zh-cn a display language of the workbench, with no translated strings.',
		publisher: PUBLISHER,
		version: VERSION,
		license: 'MIT',
		engines: { vscode: '^1.90.0' },
		categories: ['Language Packs'],
		files: ['translations/*.json', 'README.md'],
		contributes: {
			localizations: [{
				languageId: ZH_CN,
				languageName: 'Chinese Simplified',
				localizedLanguageName: '中文(简体)',
				translations: [{ id: 'vscode', path: './translations/main.i18n.json' }],
			}],
		},
	};
	fs.writeFileSync(path.join(src, 'package.json'), JSON.stringify(manifest, null, '\t'));
	fs.writeFileSync(path.join(src, 'translations', 'main.i18n.json'), JSON.stringify({ version: '1.0.0', contents: {} }));
	fs.writeFileSync(path.join(src, 'README.md'), '# zh-cn display language for the e2e suite\n');
	const out = path.join(dir, `${NAME}.vsix`);
	await createVSIX({ cwd: src, packagePath: out, dependencies: false, allowMissingRepository: true, skipLicense: true });
	return out;
}

/** Registers the installed pack (in `extensionsDir`) with the server whose user data is `userDataDir`. */
export function registerZhCnLanguagePack(userDataDir: string, extensionsDir: string): void {
	const id = `${PUBLISHER}.${NAME}`;
	const translations = path.join(extensionsDir, `${id}-${VERSION}`, 'translations', 'main.i18n.json');
	if (!fs.existsSync(translations)) throw new Error(`the zh-cn language pack is not installed: no ${translations}`);
	const packs = {
		[ZH_CN]: {
			hash: `${NAME}-${VERSION}`,
			extensions: [{ extensionIdentifier: { id }, version: VERSION }],
			translations: { vscode: translations },
			label: '中文(简体)',
		},
	};
	fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(packs));
}
