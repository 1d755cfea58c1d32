/**
 * derivcheck in a real VS Code, as a user meets it: open a fixture with a wrong result, wait for
 * the squiggle, see the hover, apply the quick fix and watch the diagnostic go. The expectations
 * are shared with the code-server suite (test/shared/expectations.ts).
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { mismatches, wrongArithmeticLatex, wrongArithmeticMarkdown, type Fixture } from '../../shared/expectations';

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
	return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'derivcheck');
}

/** Resolves with derivcheck's diagnostics for `uri` once `accept` holds for them. */
function diagnosticsWhen(uri: vscode.Uri, accept: (d: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
	return new Promise((resolve) => {
		const now = ours(uri);
		if (accept(now)) return resolve(now);
		const sub = vscode.languages.onDidChangeDiagnostics((e) => {
			if (!e.uris.some((u) => u.toString() === uri.toString())) return;
			const seen = ours(uri);
			if (!accept(seen)) return;
			sub.dispose();
			resolve(seen);
		});
	});
}

async function open(fixture: Fixture): Promise<vscode.TextDocument> {
	const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(fixture.path));
	await vscode.window.showTextDocument(doc);
	assert.strictEqual(doc.languageId, fixture.languageId);
	return doc;
}

suite('derivcheck in VS Code', () => {
	teardown(() => vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor'));

	for (const fixture of [wrongArithmeticMarkdown, wrongArithmeticLatex]) {
		test(`marks the wrong number in ${fixture.name}`, async () => {
			const doc = await open(fixture);
			const diagnostics = await diagnosticsWhen(doc.uri, (d) => d.length > 0);
			assert.deepStrictEqual(mismatches(fixture, diagnostics), []);
		});
	}

	test('explains the wrong number on hover', async () => {
		const fixture = wrongArithmeticMarkdown;
		const doc = await open(fixture);
		await diagnosticsWhen(doc.uri, (d) => d.length > 0);
		const want = fixture.diagnostics[0];
		const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(want.line, want.character + 1));
		const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
		for (const s of fixture.hoverIncludes) assert.ok(text.includes(s), text);
	});

	test('applies the quick fix and the document re-checks clean', async () => {
		const fixture = wrongArithmeticMarkdown;
		const doc = await open(fixture);
		const [wrong] = await diagnosticsWhen(doc.uri, (d) => d.length > 0);
		const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, wrong.range, vscode.CodeActionKind.QuickFix.value);
		const fix = actions.find((a) => a.isPreferred);
		assert.ok(fix?.edit, 'a preferred quick fix with an edit');
		await vscode.workspace.applyEdit(fix.edit);
		await diagnosticsWhen(doc.uri, (d) => d.length === 0);
		assert.strictEqual(doc.getText(), fixture.fixedText);
	});
});
