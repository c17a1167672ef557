import * as vscode from 'vscode';
import { type RecordProblem, recordProblem } from '../../core/explorer';
import { type RecordBasics } from '../../core/store';

/** The scheme of the `resourceUri` event rows carry, only so that they can be decorated. */
export const ITEM_SCHEME = 'postal-webhooks-item';

const DECORATIONS: Record<RecordProblem, { badge: string; tooltip: string; color: string }> = {
  'signature-invalid': { badge: '!', tooltip: 'Invalid signature', color: 'list.errorForeground' },
  'schema-invalid': { badge: '✗', tooltip: 'Not a valid Postal event', color: 'list.errorForeground' },
  unsigned: { badge: 'U', tooltip: 'Unsigned', color: 'list.warningForeground' },
};

/** The row's URI; its query names the problem to mark, so decorating needs no lookup. */
export function decorationUri(record: RecordBasics): vscode.Uri {
  return vscode.Uri.from({ scheme: ITEM_SCHEME, path: `/${record.id}`, query: recordProblem(record) ?? '' });
}

/** Marks rows with a problem: a one-letter badge at the right and a tinted label, as SCM does for files. */
export class EventDecorationProvider implements vscode.FileDecorationProvider {
  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== ITEM_SCHEME || !Object.hasOwn(DECORATIONS, uri.query)) return undefined;
    const { badge, tooltip, color } = DECORATIONS[uri.query as RecordProblem];
    return new vscode.FileDecoration(badge, tooltip, new vscode.ThemeColor(color));
  }
}
