import * as vscode from 'vscode';
import { type ExplorerNode, type ItemSpec } from '../../core/explorer';
import { safeText } from '../../core/safeText';
import { COMMAND } from '../commandIds';
import { decorationUri } from './eventDecorations';
import { markdown } from './markdown';

const COLLAPSIBLE: Record<ItemSpec['collapsible'], vscode.TreeItemCollapsibleState> = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
};

/**
 * A tree row from its plain spec (see core `itemSpec`), with its click command and decoration.
 * Labels and descriptions show what requests carried: their control characters are escaped.
 */
export function toTreeItem(spec: ItemSpec, node: ExplorerNode): vscode.TreeItem {
  const label = safeText(spec.label);
  const item = new vscode.TreeItem(label, COLLAPSIBLE[spec.collapsible]);
  item.id = spec.id;
  item.contextValue = spec.contextValue;
  const description = spec.description === undefined ? undefined : safeText(spec.description);
  if (description !== undefined) item.description = description;
  if (spec.icon !== undefined) item.iconPath = new vscode.ThemeIcon(spec.icon.icon, spec.icon.color === undefined ? undefined : new vscode.ThemeColor(spec.icon.color));
  if (spec.tooltip !== undefined) item.tooltip = markdown(spec.tooltip);
  if (node.kind === 'record') {
    item.resourceUri = decorationUri(node.summary.record);
    // An inbound e-mail opens as the mail it carries; other requests as their JSON.
    item.command = node.summary.record.kind === 'inbound' ? { command: COMMAND.showMail, title: 'Show Mail', arguments: [node] } : { command: COMMAND.openEvent, title: 'Open Event', arguments: [node] };
    item.accessibilityInformation = { label: `${label}, ${description ?? ''}` };
  }
  if (spec.moreOf !== undefined) item.command = { command: COMMAND.showMore, title: 'Show More', arguments: [spec.moreOf] };
  return item;
}
