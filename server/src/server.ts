// Entry point of the language server: `node dist/server.js --stdio` (or --node-ipc from the client).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';
import { join } from 'node:path';
import { scanWorkers, uriWorkspace } from './node-workspace';

const connection = createConnection(ProposedFeatures.all);

// A bug in one handler must never take the server down with every open editor.
process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e.stack ?? String(e)}`));
process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${String(e)}`));

startServer(connection, { workspace: uriWorkspace, workers: scanWorkers(join(__dirname, 'analysis-worker.js')) });
