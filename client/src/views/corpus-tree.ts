// The Participants and Dates views. The data comes from the server (`chunkReview/corpusTree`),
// so any client can draw the same trees; this provider only turns nodes into TreeItems.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CorpusTreeRequest, type CorpusTreeItem, type CorpusTreeParams } from '../../../server/src/protocol';

export class CorpusTreeProvider implements vscode.TreeDataProvider<CorpusTreeItem> {
  private readonly changed = new vscode.EventEmitter<CorpusTreeItem | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private filter = '';
  private readonly parents = new Map<string, CorpusTreeItem | undefined>();

  constructor(private readonly client: LanguageClient, readonly kind: CorpusTreeParams['kind']) {}

  refresh(): void {
    this.parents.clear();
    this.changed.fire(undefined);
  }

  get filterText(): string {
    return this.filter;
  }

  setFilter(text: string): void {
    this.filter = text.trim().toLowerCase();
    void vscode.commands.executeCommand('setContext', `chunkReview.${this.kind}Filtered`, this.filter !== '');
    this.refresh();
  }

  async getChildren(element?: CorpusTreeItem): Promise<CorpusTreeItem[]> {
    let items: CorpusTreeItem[];
    try {
      items = await this.client.sendRequest<CorpusTreeItem[]>(CorpusTreeRequest, { kind: this.kind, ...(element ? { parent: element.id } : {}) });
    } catch {
      return [];
    }
    // The filter applies to the first level: participants by name, dates by year or label.
    if (!element && this.filter) items = items.filter((i) => i.label.toLowerCase().includes(this.filter) || (i.description ?? '').toLowerCase().includes(this.filter));
    for (const i of items) this.parents.set(i.id, element);
    return items;
  }

  getParent(element: CorpusTreeItem): CorpusTreeItem | undefined {
    return this.parents.get(element.id);
  }

  getTreeItem(node: CorpusTreeItem): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, node.hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `${this.kind}:${node.id}`;
    if (node.description) item.description = node.description;
    const tags = node.tags ?? [];
    if (tags.includes('personal-data')) {
      item.iconPath = new vscode.ThemeIcon('shield', new vscode.ThemeColor('problemsWarningIcon.foreground'));
      item.tooltip = vscode.l10n.t('{0} — a phone number: personal data', node.label);
    } else if (this.kind === 'participants' && !node.uri) item.iconPath = new vscode.ThemeIcon('person');
    else if (tags.includes('article')) item.iconPath = new vscode.ThemeIcon('file-text');
    else if (tags.includes('chat')) item.iconPath = new vscode.ThemeIcon('comment-discussion');
    else if (!node.uri) item.iconPath = new vscode.ThemeIcon('calendar');
    else item.iconPath = new vscode.ThemeIcon('comment');
    if (node.uri) {
      const uri = vscode.Uri.parse(node.uri);
      item.resourceUri = uri;
      item.command = {
        command: 'vscode.open',
        title: vscode.l10n.t('Open chunk'),
        arguments: [uri, { selection: node.range ? new vscode.Range(node.range.start.line, node.range.start.character, node.range.start.line, node.range.start.character) : undefined, preview: true }],
      };
      item.contextValue = 'chunk';
    }
    return item;
  }

  /** Finds the first node that opens the given chunk, walking the tree from the roots. */
  async find(uri: string, maxDepth = 4): Promise<CorpusTreeItem | undefined> {
    const walk = async (parent: CorpusTreeItem | undefined, depth: number): Promise<CorpusTreeItem | undefined> => {
      const children = await this.getChildren(parent);
      const hit = children.find((c) => c.uri === uri);
      if (hit) return hit;
      if (depth >= maxDepth) return undefined;
      for (const c of children) {
        if (!c.hasChildren || c.uri) continue;
        const found = await walk(c, depth + 1);
        if (found) return found;
      }
      return undefined;
    };
    return walk(undefined, 0);
  }
}

export function registerCorpusTrees(context: vscode.ExtensionContext, client: LanguageClient): { refresh(): void; participants: CorpusTreeProvider; dates: CorpusTreeProvider } {
  const participants = new CorpusTreeProvider(client, 'participants');
  const dates = new CorpusTreeProvider(client, 'dates');
  const participantsView = vscode.window.createTreeView('chunkReview.participants', { treeDataProvider: participants, showCollapseAll: true });
  const datesView = vscode.window.createTreeView('chunkReview.dates', { treeDataProvider: dates, showCollapseAll: true });
  const filter = async (p: CorpusTreeProvider, view: vscode.TreeView<CorpusTreeItem>) => {
    const text = await vscode.window.showInputBox({
      title: p.kind === 'participants' ? vscode.l10n.t('Filter participants') : vscode.l10n.t('Filter dates'),
      value: p.filterText,
      prompt: vscode.l10n.t('Text to look for in the first level of the tree; empty to clear'),
    });
    if (text === undefined) return;
    p.setFilter(text);
    view.message = text.trim() ? vscode.l10n.t('Filtered: {0}', text.trim()) : undefined;
  };
  context.subscriptions.push(
    participantsView,
    datesView,
    vscode.commands.registerCommand('chunkReview.refreshTrees', () => {
      participants.refresh();
      dates.refresh();
    }),
    vscode.commands.registerCommand('chunkReview.filterParticipants', () => filter(participants, participantsView)),
    vscode.commands.registerCommand('chunkReview.filterDates', () => filter(dates, datesView)),
    vscode.commands.registerCommand('chunkReview.clearFilters', () => {
      participants.setFilter('');
      dates.setFilter('');
      participantsView.message = undefined;
      datesView.message = undefined;
    }),
    vscode.commands.registerCommand('chunkReview.revealActiveChunk', async () => {
      const uri = vscode.window.activeTextEditor?.document.uri.toString();
      if (!uri) return;
      const inDates = await dates.find(uri);
      if (inDates) await datesView.reveal(inDates, { select: true, focus: true, expand: true });
      const inParticipants = await participants.find(uri);
      if (inParticipants) await participantsView.reveal(inParticipants, { select: true, focus: false, expand: true });
      if (!inDates && !inParticipants) void vscode.window.showInformationMessage(vscode.l10n.t('This file is not a chunk of the corpus.'));
    }),
  );
  return {
    participants,
    dates,
    refresh: () => {
      participants.refresh();
      dates.refresh();
    },
  };
}
