/**
 * The configuration file: the README's documented example parses in each syntax and passes the
 * JSON schema that VS Code completes it with; the parser and the schema agree on good and bad
 * files alike; each mistake is one sentence that says where or what; and the rule that combines
 * the file with the editor's settings (file first, then editor settings that differ from defaults).
 */
import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import Ajv from 'ajv';
import { stringify } from 'yaml';
import { applyConfig, defaultSettings, overlayEditor, parseConfigFile, validateConfig, type Settings } from '../../../src/core/index';

const root = join(__dirname, '..', '..', '..');
const schema = JSON.parse(readFileSync(join(root, 'schemas', 'derivcheck.schema.json'), 'utf8')) as object;
const validSchema = new Ajv({ allErrors: true, strict: true }).compile(schema);

/** The `jsonc` example under the README's "Configuration file" heading. */
function documentedExample(): string {
	const readme = readFileSync(join(root, 'README.md'), 'utf8');
	const section = readme.slice(readme.indexOf('## Configuration file'));
	const m = /```jsonc\n([^]*?)```/.exec(section);
	assert.ok(m, 'the README documents an example configuration');
	return m[1];
}

suite('configuration file', () => {
	test('the documented example parses as JSON with comments and as YAML, and the schema accepts it', () => {
		const parsed = parseConfigFile(documentedExample(), '.derivcheck.jsonc');
		assert.ok(parsed.ok, parsed.ok ? '' : parsed.message);
		assert.deepStrictEqual(parsed.config, {
			tolerance: 'digits',
			severity: { inherited: 'off', substitution: 'error' },
			enable: { markdown: true, latex: false },
			inferNetwork: true,
			digits: 3,
		});
		assert.ok(validSchema(parsed.config), JSON.stringify(validSchema.errors));
		const yaml = parseConfigFile(stringify(parsed.config), '.derivcheck.yaml');
		assert.deepStrictEqual(yaml, parsed);
		assert.deepStrictEqual(parseConfigFile('', '.derivcheck.yml'), { ok: true, config: {} });
	});

	const wrong: [string, unknown, RegExp][] = [
		['a tolerance that is not one of the three', { tolerance: 'exact' }, /"tolerance" must be one of digits, strict, loose, not "exact"/],
		['a severity of the wrong type', { severity: { arithmetic: 2 } }, /"severity.arithmetic" must be one of error, warning, information, hint, off, not 2/],
		['an unknown code', { severity: { arithmetc: 'off' } }, /unknown code "arithmetc"/],
		['a language switch that is not a boolean', { enable: { latex: 'no' } }, /"enable.latex" must be true or false/],
		['an unknown language', { enable: { html: true } }, /unknown language "html"/],
		['inferNetwork as a string', { inferNetwork: 'yes' }, /"inferNetwork" must be true or false/],
		['digits that are not a whole number', { digits: 2.5 }, /"digits" must be a whole number from 0 to 15/],
		['an unknown setting (a typo)', { tolerence: 'loose' }, /unknown setting "tolerence"/],
		['a list instead of an object', ['tolerance'], /must hold an object of settings/],
	];
	for (const [name, value, message] of wrong) {
		test(`rejects ${name}, in the parser and in the schema`, () => {
			const r = validateConfig(value);
			assert.ok(!r.ok);
			assert.match(r.message, message);
			assert.strictEqual(validSchema(value), false);
		});
	}

	test('says where JSON or YAML does not parse', () => {
		const json = parseConfigFile('{\n  "tolerance": "loose"\n  "digits": 3\n}', '.derivcheck.json');
		assert.deepStrictEqual(json.ok ? json : json.message, 'it is not valid JSON at line 3, column 3: CommaExpected');
		const yaml = parseConfigFile('tolerance: [loose\n', '.derivcheck.yaml');
		assert.ok(!yaml.ok);
		assert.match(yaml.message, /^it is not valid YAML at line \d+, column \d+: /);
	});

	test('comments and trailing commas are fine in .json and .jsonc', () => {
		assert.deepStrictEqual(parseConfigFile('// notes\n{ "tolerance": "strict", /* why */ }\n', '.derivcheck.json'), { ok: true, config: { tolerance: 'strict' } });
	});

	test('the file applies first, then every editor setting that differs from its default', () => {
		const file = applyConfig(defaultSettings, { tolerance: 'loose', severity: { inherited: 'off', value: 'warning' }, enable: { latex: false }, digits: 2, inferNetwork: false });
		assert.deepStrictEqual(overlayEditor(file, defaultSettings), file);
		const editor: Settings = { ...defaultSettings, tolerance: 'strict', enabled: { markdown: false, latex: true }, severity: { value: 'error' } };
		assert.deepStrictEqual(overlayEditor(file, editor), {
			enabled: { markdown: false, latex: false },
			tolerance: 'strict',
			severity: { inherited: 'off', value: 'error' },
			inferNetwork: false,
			digits: 2,
		});
		// An editor value equal to the default cannot be told from one left alone: the file's stays.
		assert.strictEqual(overlayEditor(file, { ...defaultSettings, tolerance: 'digits' }).tolerance, 'loose');
	});
});
