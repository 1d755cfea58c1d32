/**
 * The language server's entry point, bundled into `dist/server.js`. The transport comes from the
 * command line as vscode-languageserver reads it (`--stdio`, `--node-ipc`, `--socket=N`); the
 * checking comes from the pure core; the configuration files are found on disk (`src/node`), and
 * so is KaTeX's stylesheet for the HTML export (`cli/katexAssets.ts`).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createLanguageService } from '../core/index';
import { katexCss } from '../cli/katexAssets';
import { ConfigFiles } from '../node/configFile';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all), createLanguageService, new ConfigFiles(), { katexCss });
