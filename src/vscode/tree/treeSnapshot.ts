import * as vscode from 'vscode';
import { type ExplorerNode } from '../../core/explorer';
import { type EventsTreeProvider } from './eventsTreeProvider';
import { EventDecorationProvider } from './eventDecorations';

/** A rendered row as plain data: what the user sees, for integration tests to assert on. */
export interface SnapshotRow {
  id: string;
  label: string;
  description?: string;
  icon?: string;
  color?: string;
  contextValue?: string;
  tooltip?: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
  badge?: string;
  command?: string;
  children?: SnapshotRow[];
}

const COLLAPSIBLE = ['none', 'collapsed', 'expanded'] as const;

function text(value: string | vscode.MarkdownString | vscode.TreeItemLabel | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  return 'value' in value ? value.value : value.label;
}

/**
 * Renders the tree through the provider exactly as VS Code asks it (getChildren, getTreeItem,
 * resolveTreeItem), `depth` levels deep, with the decoration badge each row gets.
 */
export async function treeSnapshot(provider: EventsTreeProvider, depth = 2, parent?: ExplorerNode): Promise<SnapshotRow[]> {
  const decorations = new EventDecorationProvider();
  const rows: SnapshotRow[] = [];
  for (const node of provider.getChildren(parent)) {
    const item = provider.resolveTreeItem(provider.getTreeItem(node), node);
    const icon = item.iconPath instanceof vscode.ThemeIcon ? item.iconPath : undefined;
    const row: SnapshotRow = {
      id: item.id ?? '',
      label: text(item.label as string | vscode.TreeItemLabel) ?? '',
      description: typeof item.description === 'string' ? item.description : undefined,
      icon: icon?.id,
      color: icon?.color?.id,
      contextValue: item.contextValue,
      tooltip: text(item.tooltip),
      collapsible: COLLAPSIBLE[item.collapsibleState ?? 0],
      badge: item.resourceUri === undefined ? undefined : decorations.provideFileDecoration(item.resourceUri)?.badge,
      command: item.command?.command,
    };
    if (depth > 1 && row.collapsible !== 'none') row.children = await treeSnapshot(provider, depth - 1, node);
    rows.push(row);
  }
  return rows;
}
