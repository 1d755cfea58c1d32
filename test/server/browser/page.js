// Loaded by the page test/server/browser.test.ts opens in Chromium: a minimal LSP client that
// starts the browser bundle in a web worker and speaks to it with postMessage. Requests from the
// server get an empty answer; every step has a deadline, and a failure is returned, not thrown.
// Plain JavaScript, so the page runs it as written (no compiler helpers).
'use strict';

/** Opens `text` in the worker, waits for its diagnostics, asks for a hover at line:character. */
window.checkInWorker = async function checkInWorker(text, line, character) {
	const worker = new Worker('/server.js');
	const errors = [];
	worker.onerror = (e) => errors.push(e.message);
	const pending = new Map();
	const notifications = [];
	worker.onmessage = (e) => {
		const m = e.data;
		if (m.method && m.id !== undefined) worker.postMessage({ jsonrpc: '2.0', id: m.id, result: null });
		else if (m.method) notifications.push(m);
		else if (pending.has(m.id)) pending.get(m.id)(m);
	};
	let next = 0;
	const deadline = (promise, what) => Promise.race([promise, new Promise((_, reject) => setTimeout(() => {
		reject(new Error(`${what} took longer than 20 s${errors.length ? `; worker errors: ${errors.join('; ')}` : ''}`));
	}, 20000))]);
	const request = (method, params) => deadline(new Promise((resolve) => {
		const id = ++next;
		pending.set(id, resolve);
		worker.postMessage({ jsonrpc: '2.0', id, method, params });
	}), method);
	const notify = (method, params) => worker.postMessage({ jsonrpc: '2.0', method, params });
	const uri = 'file:///notes/wrong-arithmetic.md';
	try {
		const init = (await request('initialize', { processId: null, rootUri: null, capabilities: {} })).result;
		notify('initialized', {});
		notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
		const published = await deadline(new Promise((resolve) => {
			const poll = () => {
				const n = notifications.find((x) => x.method === 'textDocument/publishDiagnostics' && x.params.uri === uri);
				if (n) resolve(n.params);
				else setTimeout(poll, 20);
			};
			poll();
		}), 'publishDiagnostics');
		const hover = (await request('textDocument/hover', { textDocument: { uri }, position: { line, character } })).result;
		await request('shutdown', null);
		notify('exit', null);
		return { serverName: init && init.serverInfo && init.serverInfo.name, diagnostics: published.diagnostics, hover: hover && hover.contents && hover.contents.value };
	} catch (e) {
		return { failure: e instanceof Error ? e.message : String(e) };
	} finally {
		worker.terminate();
	}
};
