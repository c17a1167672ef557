import * as vscode from 'vscode';
import { hasUrlSecrets, redactUrl } from '../../core/http';
import { toCurl, toHttpFile } from '../../core/replay/exportRequest';
import { recordLabel, requestFromRecord } from '../../core/replay/recordRequest';
import { toDnsRecord, toJwks, toPublicPem } from '../../core/signature';
import { COMMAND } from '../commandIds';
import { type CommandHandlers } from '../lazyCommands';
import { payloadsInActiveEditor, recordsToSend, signedOutgoing } from './outgoing';
import { plainOptions } from './plainOptions';
import { type Outgoing, type ReplayServices } from './replayServices';
import { pickTarget } from './sendTargets';

type ExportFormat = 'curl' | 'http';

export interface ExportOptions {
  target?: string;
  /** Keep the URL's credentials in the export; asked when the URL has some and this is not given. */
  includeCredentials?: boolean;
  /** Only copy the text to the clipboard (the inspector's "Copy as curl"); no editor opens. */
  copyOnly?: boolean;
  /** Save it in the workspace folder at once, instead of offering to. */
  save?: boolean;
}

/** Credentials in the URL go into an export only when the user says so. */
async function includeCredentials(url: string, options: ExportOptions): Promise<boolean | undefined> {
  if (options.includeCredentials !== undefined || !hasUrlSecrets(url)) return options.includeCredentials ?? false;
  const masked = { label: '$(lock) Leave Them Out', detail: redactUrl(url), include: false };
  const kept = { label: '$(unlock) Include Them', detail: 'For a command or file you keep to yourself: they will be in clear', include: true };
  const picked = await vscode.window.showQuickPick([masked, kept], { title: 'The URL has credentials: put them in the export?' });
  return picked?.include;
}

const EXPORT_FORMATS = {
  curl: { extension: 'sh', language: 'shellscript', what: 'curl command' },
  http: { extension: 'http', language: 'http', what: 'REST Client request' },
} as const;

/** The requests to export: the records given, else the active payload file's envelopes, signed. */
async function requestsToExport(services: ReplayServices, first: unknown, second: unknown, options: ExportOptions): Promise<Outgoing[] | undefined> {
  const records = recordsToSend(services, first, second);
  const payloads = records.length === 0 ? payloadsInActiveEditor() : undefined;
  if (records.length === 0 && payloads === undefined) return undefined;
  const url = options.target ?? (await pickTarget(services.targets, 'Export for which URL?'));
  if (url === undefined) return undefined;
  if (payloads !== undefined) return signedOutgoing(payloads, url, services);
  return records.flatMap((record) => {
    const result = requestFromRecord(record, url);
    if (!result.ok) void vscode.window.showWarningMessage(`Postal: ${recordLabel(record)} was skipped. ${result.problem}`);
    return result.ok ? [{ label: recordLabel(record), request: result.request }] : [];
  });
}

/** `MessageHeld-3f5a7c9e.sh`, or `3-postal-requests.http` for several. */
export function exportFileName(labels: readonly string[], format: ExportFormat): string {
  const stem = labels.length === 1 ? labels[0].replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'postal-request' : `${labels.length}-postal-requests`;
  return `${stem}.${EXPORT_FORMATS[format].extension}`;
}

/**
 * An untitled editor named `name` (beside the workspace folder, where saving proposes it), in
 * the format's language; the same export again reuses its editor rather than opening another.
 */
async function openExport(name: string, text: string, format: ExportFormat): Promise<vscode.TextDocument> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri = folder === undefined ? vscode.Uri.from({ scheme: 'untitled', path: name }) : vscode.Uri.joinPath(folder, name).with({ scheme: 'untitled' });
  let document = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), text);
  await vscode.workspace.applyEdit(edit);
  const language = EXPORT_FORMATS[format].language;
  if (document.languageId !== language && (await vscode.languages.getLanguages()).includes(language)) document = await vscode.languages.setTextDocumentLanguage(document, language);
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/** Writes the export into the workspace folder under a name not taken yet, and opens the file. */
async function saveExport(name: string, text: string): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (folder === undefined) return undefined;
  const dot = name.lastIndexOf('.');
  let uri = vscode.Uri.joinPath(folder, name);
  for (let copy = 2; await exists(uri); copy++) uri = vscode.Uri.joinPath(folder, `${name.slice(0, dot)}-${copy}${name.slice(dot)}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  await vscode.window.showTextDocument(uri, { preview: false });
  return uri;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(() => true, () => false);
}

async function exportRequests(services: ReplayServices, format: ExportFormat, first?: unknown, second?: unknown, options: ExportOptions = {}): Promise<string | undefined> {
  const outgoing = await requestsToExport(services, first, second, options);
  if (outgoing === undefined || outgoing.length === 0) return undefined;
  const include = await includeCredentials(outgoing[0].request.url, options);
  if (include === undefined) return undefined;
  const text =
    format === 'curl'
      ? outgoing.map((item) => `# ${item.label}\n${toCurl(item.request, { includeCredentials: include })}`).join('\n')
      : outgoing.map((item) => toHttpFile(item.request, item.label, { includeCredentials: include })).join('\n###\n\n');
  const name = exportFileName(outgoing.map((item) => item.label), format);
  const { what } = EXPORT_FORMATS[format];
  const many = outgoing.length > 1 ? 's' : '';
  if (format === 'curl') await vscode.env.clipboard.writeText(text);
  if (options.copyOnly === true) {
    vscode.window.setStatusBarMessage(`$(check) Copied the ${what}${many} for ${outgoing.length === 1 ? outgoing[0].label : `${outgoing.length} requests`} (POSIX shells)`, 4000);
    return text;
  }
  if (options.save === true && (await saveExport(name, text)) !== undefined) return text;
  await openExport(name, text, format);
  void offerToSave(name, text, `Postal: ${format === 'curl' ? `${what}${many} copied to the clipboard (POSIX shells: bash, zsh) and opened` : `${what}${many} opened`} as ${name}.`);
  return text;
}

/** The notification after an export; "Save in Workspace" writes the file beside the others. */
async function offerToSave(name: string, text: string, message: string): Promise<void> {
  if (vscode.workspace.workspaceFolders === undefined) return void vscode.window.showInformationMessage(message);
  const save = 'Save in Workspace';
  if ((await vscode.window.showInformationMessage(message, save)) === save) await saveExport(name, text);
}

type KeyForm = 'dns' | 'jwks' | 'pem';
const KEY_FORMS: { form: KeyForm; label: string; detail: string }[] = [
  { form: 'dns', label: 'DNS TXT value', detail: 'What `postal default-dkim-record` prints: v=DKIM1; t=s; h=sha256; p=…' },
  { form: 'jwks', label: 'JWKS', detail: 'What Postal 3.2+ serves at /.well-known/jwks.json; the kid matches X-Postal-Signature-KID' },
  { form: 'pem', label: 'PEM public key', detail: '-----BEGIN PUBLIC KEY-----, for crypto.createPublicKey()' },
];

/** "Export Development Public Key": the public half in the form the user's app reads, copied or opened. */
async function exportPublicKey(services: ReplayServices, form?: KeyForm, action?: 'copy' | 'open'): Promise<string | undefined> {
  const chosen = form ?? (await vscode.window.showQuickPick(KEY_FORMS.map((entry) => ({ ...entry, label: `$(key) ${entry.label}` })), { title: 'Export the development public key as', matchOnDetail: true }))?.form;
  if (chosen === undefined) return undefined;
  const key = await services.keys.get();
  const text = chosen === 'dns' ? toDnsRecord(key.publicKey) : chosen === 'jwks' ? JSON.stringify(toJwks(key.publicKey), null, 2) : toPublicPem(key.publicKey);
  const how =
    action ??
    (await vscode.window.showQuickPick([{ label: '$(copy) Copy to Clipboard', action: 'copy' as const }, { label: '$(go-to-file) Open in Editor', action: 'open' as const }], { title: 'Export the development public key' }))?.action;
  if (how === undefined) return undefined;
  if (how === 'copy') {
    await vscode.env.clipboard.writeText(text);
    void vscode.window.showInformationMessage(`Postal: development public key copied (KID ${key.kid.slice(0, 12)}…). Give it to your app as Postal's public key while testing.`);
  } else {
    const document = await vscode.workspace.openTextDocument({ language: chosen === 'jwks' ? 'json' : 'plaintext', content: text });
    await vscode.window.showTextDocument(document);
  }
  return text;
}

/** What each of these commands does (titles and registration: registerReplay.ts). */
export function commandHandlers(services: ReplayServices): CommandHandlers {
  return {
    [COMMAND.exportAsCurl]: (first?: unknown, second?: unknown, options?: unknown) => exportRequests(services, 'curl', first, second, plainOptions<ExportOptions>(options)),
    [COMMAND.exportAsHttpRequest]: (first?: unknown, second?: unknown, options?: unknown) => exportRequests(services, 'http', first, second, plainOptions<ExportOptions>(options)),
    [COMMAND.exportDevelopmentPublicKey]: (form?: KeyForm, action?: 'copy' | 'open') => exportPublicKey(services, form, action),
  };
}
