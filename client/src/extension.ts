// Activates Chunk Review: starts the language server and gives corpus `.txt` files the chunk language.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CorpusChangedNotification, IsChunkRequest, type CorpusChangedParams } from '../../server/src/protocol';
import { registerFindRelated } from './commands/find-related';
import { registerFixAll } from './commands/fix-all';
import { registerSearchChunks } from './commands/search-chunks';
import { registerCorpusTrees } from './views/corpus-tree';
import { registerStatusBar } from './views/status-bar';

let client: LanguageClient | undefined;

/** What activate() returns: the tree providers, so tests can read what the views show. */
export interface ChunkReviewApi {
  readonly trees: ReturnType<typeof registerCorpusTrees>;
}

export async function activate(context: vscode.ExtensionContext): Promise<ChunkReviewApi> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{txt,chunk}');
  const configWatcher = vscode.workspace.createFileSystemWatcher('**/.chunkreview.json');
  context.subscriptions.push(watcher, configWatcher);
  const clientOptions: LanguageClientOptions = {
    // The server decides which .txt files are chunks (corpus rules); it ignores the others.
    documentSelector: [
      { language: 'chunk' },
      { scheme: 'file', language: 'plaintext', pattern: '**/*.txt' },
    ],
    synchronize: { fileEvents: [watcher, configWatcher], configurationSection: 'chunkReview' },
    outputChannelName: 'Chunk Review',
  };
  client = new LanguageClient('chunkReview', 'Chunk Review', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand('chunkReview.restartServer', async () => client?.restart()),
    vscode.commands.registerCommand('chunkReview.openReadme', () =>
      vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(context.extensionUri, 'README.md'))),
    vscode.workspace.onDidOpenTextDocument((doc) => void adoptChunk(doc)),
  );
  await client.start();
  const trees = registerCorpusTrees(context, client);
  const status = registerStatusBar(context, client);
  registerFindRelated(context, client);
  registerSearchChunks(context, client);
  registerFixAll(context, client);
  context.subscriptions.push(
    // The server says when the corpus changed: no polling.
    client.onNotification(CorpusChangedNotification, (_p: CorpusChangedParams) => {
      for (const doc of vscode.workspace.textDocuments) void adoptChunk(doc);
      trees.refresh();
      status.refresh();
    }),
  );
  for (const doc of vscode.workspace.textDocuments) void adoptChunk(doc);
  return { trees };
}

/** An article `.txt` in a corpus folder has no header for `firstLine` to see: ask the server. */
async function adoptChunk(doc: vscode.TextDocument): Promise<void> {
  if (!client || doc.languageId !== 'plaintext' || doc.uri.scheme !== 'file' || !doc.uri.path.endsWith('.txt')) return;
  try {
    const isChunk = await client.sendRequest<boolean>(IsChunkRequest, { uri: doc.uri.toString() });
    if (isChunk) await vscode.languages.setTextDocumentLanguage(doc, 'chunk');
  } catch {
    // The server may be restarting; the next corpus notification retries.
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
