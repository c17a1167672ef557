import * as vscode from 'vscode';

/**
 * Data behind the Events view. While it has nothing to show, VS Code renders the view's
 * `viewsWelcome` content instead.
 */
export class EventsTreeProvider implements vscode.TreeDataProvider<vscode.TreeItem>, vscode.Disposable {
  private readonly _onDidChangeTreeData = new vscode.EventEmitter<vscode.TreeItem | undefined>();
  readonly onDidChangeTreeData = this._onDidChangeTreeData.event;

  getTreeItem(element: vscode.TreeItem): vscode.TreeItem {
    return element;
  }

  getChildren(): vscode.TreeItem[] {
    return [];
  }

  dispose(): void {
    this._onDidChangeTreeData.dispose();
  }
}

export function registerEventsView(context: vscode.ExtensionContext, viewId: string): EventsTreeProvider {
  const provider = new EventsTreeProvider();
  const view = vscode.window.createTreeView(viewId, { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(provider, view);
  return provider;
}
