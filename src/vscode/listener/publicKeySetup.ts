import * as vscode from 'vscode';
import { type Logger } from '../../core/logger';
import { fetchPostalJwks, normalizePastedKey, parsePublicKey } from '../../core/signature';
import { describeKeySet, SETTING } from './listenerSettings';
import { settingsTarget } from './startProblems';

type Source = 'paste' | 'file' | 'fetch' | 'remove';

interface SourcePick extends vscode.QuickPickItem {
  source: Source;
}

/**
 * "Set Up Postal Public Key": paste it, read it from a file, or fetch the JWKS from the Postal
 * host; the key is checked before it is saved to `postalWebhooks.signature.publicKey` (it is
 * public), and the settings change restarts the listener with it. Resolves to the saved key's
 * summary, or undefined when the user cancelled.
 */
export async function setUpPublicKey(deps: { log: Logger; fetch: typeof fetch }): Promise<string | undefined> {
  const current = vscode.workspace.getConfiguration().get<string>(SETTING.publicKey) ?? '';
  const picks: SourcePick[] = [
    { source: 'paste', label: '$(clippy) Paste the key', detail: 'The DNS record value (v=DKIM1; t=s; h=sha256; p=…) from `postal default-dkim-record`, a JWKS, or a PEM public key' },
    { source: 'file', label: '$(file) Read it from a file', detail: 'A .pem, .json or .txt file holding one of those' },
    { source: 'fetch', label: '$(cloud-download) Fetch it from your Postal server', detail: 'https://<postal-host>/.well-known/jwks.json (Postal 3.2.0 and later)' },
  ];
  if (current.trim() !== '') picks.push({ source: 'remove', label: '$(trash) Remove the key', detail: 'Signatures are then reported as not checked' });
  const pick = await vscode.window.showQuickPick(picks, { title: 'Set Up Postal Public Key', placeHolder: 'Where is the key that verifies Postal’s webhook signatures?' });
  if (pick === undefined) return undefined;
  const text = await readKeyText(pick.source, deps);
  if (text === undefined) return undefined;
  await vscode.workspace.getConfiguration().update(SETTING.publicKey, text === '' ? undefined : text, settingsTarget());
  if (text === '') {
    void vscode.window.showInformationMessage('The Postal public key was removed; signatures are no longer checked.');
    return '';
  }
  const parsed = parsePublicKey(text);
  const summary = parsed.ok ? describeKeySet(parsed.keySet) : '';
  deps.log.info(`public key ${summary} saved to ${SETTING.publicKey}`);
  void vscode.window.showInformationMessage(`Postal public key ${summary} saved in ${settingsTarget() === vscode.ConfigurationTarget.Workspace ? 'workspace' : 'user'} settings. The listener now verifies signatures with it.`);
  return summary;
}

async function readKeyText(source: Source, deps: { log: Logger; fetch: typeof fetch }): Promise<string | undefined> {
  if (source === 'remove') return '';
  if (source === 'paste') return pasteKey();
  if (source === 'file') return keyFromFile();
  return fetchKey(deps);
}

function keyCheck(text: string): vscode.InputBoxValidationMessage | undefined {
  if (text.trim() === '') return undefined;
  const parsed = parsePublicKey(normalizePastedKey(text));
  if (parsed.ok) return { message: `Key ${describeKeySet(parsed.keySet)}: press Enter to save it.`, severity: vscode.InputBoxValidationSeverity.Info };
  return { message: parsed.error.message, severity: vscode.InputBoxValidationSeverity.Error };
}

async function pasteKey(): Promise<string | undefined> {
  const text = await vscode.window.showInputBox({
    title: 'Paste Postal’s public key',
    prompt: 'The DNS record value, a JWKS or a PEM public key (never the private signing.key).',
    placeHolder: 'v=DKIM1; t=s; h=sha256; p=MIIBIjANBgkqh…',
    ignoreFocusOut: true,
    validateInput: keyCheck,
  });
  if (text === undefined || text.trim() === '') return undefined;
  const normalized = normalizePastedKey(text);
  return parsePublicKey(normalized).ok ? normalized : undefined;
}

async function keyFromFile(): Promise<string | undefined> {
  const files = await vscode.window.showOpenDialog({
    title: 'Postal public key file',
    canSelectMany: false,
    filters: { 'Key files': ['pem', 'pub', 'json', 'txt', 'crt'], 'All files': ['*'] },
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
  });
  if (files === undefined || files.length === 0) return undefined;
  let text: string;
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(files[0]));
  } catch (error) {
    void vscode.window.showErrorMessage(`Cannot read ${files[0].fsPath}: ${(error as Error).message}`);
    return undefined;
  }
  const parsed = parsePublicKey(text);
  if (parsed.ok) return text.trim();
  void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(files[0])} is not a usable public key: ${parsed.error.message}`);
  return undefined;
}

async function fetchKey(deps: { log: Logger; fetch: typeof fetch }): Promise<string | undefined> {
  const host = await vscode.window.showInputBox({
    title: 'Fetch the key from your Postal server',
    prompt: 'Postal’s web host name; its key set is read from https://<host>/.well-known/jwks.json.',
    placeHolder: 'postal.example.com',
    ignoreFocusOut: true,
  });
  if (host === undefined || host.trim() === '') return undefined;
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Fetching the key set from ${host.trim()}…` }, () =>
    fetchPostalJwks(host, { fetch: deps.fetch }),
  );
  if (result.ok) {
    deps.log.info(`fetched ${result.keySet.keys.length} key(s) from ${result.url}`);
    return result.text;
  }
  deps.log.warn(`key fetch failed: ${result.message}`);
  void vscode.window.showErrorMessage(result.message);
  return undefined;
}
