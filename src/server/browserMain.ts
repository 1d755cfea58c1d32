/**
 * The language server's entry point in a web worker, bundled into `dist/browser/server.js` for
 * vscode.dev and github.dev. It is `main.ts` with the browser transport: messages come and go by
 * `postMessage` on the worker's own scope. The build maps `vscode-languageserver/node` to
 * `vscode-languageserver/browser` (the same API over another transport), and the core has no Node
 * dependencies, so the server is the same code in both places.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { createLanguageService } from '../core/index';
import { startServer } from './server';

/** The worker's global scope, typed as the reader wants it (this build has no DOM typings). */
const scope = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];

startServer(createConnection(ProposedFeatures.all, new BrowserMessageReader(scope), new BrowserMessageWriter(scope)), createLanguageService);
