/**
 * The language server's entry point, bundled into `dist/server.js`. The transport comes from the
 * command line as vscode-languageserver reads it (`--stdio`, `--node-ipc`, `--socket=N`); the
 * checking comes from the pure core.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createLanguageService } from '../core/index';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all), createLanguageService);
