import * as vscode from 'vscode';

/** Markdown with codicons (`$(pass)`) and no HTML; links to commands are not enabled. */
export function markdown(text: string): vscode.MarkdownString {
  const value = new vscode.MarkdownString(text, true);
  value.supportHtml = false;
  return value;
}
