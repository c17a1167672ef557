import * as vscode from 'vscode';
import { isLoopbackHost } from '../../core/http';
import { COMMAND } from '../commandIds';
import { type StartProblem } from './listenerController';
import { SETTING, SETTING_LIMITS } from './listenerSettings';
import { startProblemText } from './listenerStatus';

const USE_ANOTHER_PORT = 'Use Another Port';
const OPEN_SETTINGS = 'Open Settings';
const SHOW_LOG = 'Show Log';

/** Settings are written where the user works: this workspace when one is open, else the user settings. */
export function settingsTarget(): vscode.ConfigurationTarget {
  return vscode.workspace.workspaceFolders === undefined ? vscode.ConfigurationTarget.Global : vscode.ConfigurationTarget.Workspace;
}

export function openSetting(id: string): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openSettings', id);
}

/**
 * Tells the user why the listener did not start and offers the way out: another port when
 * the port is taken, the offending setting when a value is wrong, the log otherwise.
 * Never awaited by commands: the notification stays until the user acts on it.
 */
export async function reportStartProblem(problem: StartProblem, where: { host: string; port: number }): Promise<void> {
  if (problem.kind === 'history') {
    const choice = await vscode.window.showErrorMessage(`The Postal webhook listener did not start: ${problem.message}`, SHOW_LOG);
    if (choice === SHOW_LOG) await vscode.commands.executeCommand(COMMAND.showLog);
    return;
  }
  if (problem.kind === 'settings') {
    const choice = await vscode.window.showErrorMessage(`The Postal webhook listener did not start: ${problem.message}`, OPEN_SETTINGS, SHOW_LOG);
    if (choice === OPEN_SETTINGS) await openSetting(problem.problems[0].setting);
    if (choice === SHOW_LOG) await vscode.commands.executeCommand(COMMAND.showLog);
    return;
  }
  const inUse = problem.error.code === 'EADDRINUSE';
  const message = `The Postal webhook listener could not start. ${startProblemText(problem, where)}${inUse ? ' Stop that program, or use another port.' : ''}`;
  const actions = inUse ? [USE_ANOTHER_PORT, OPEN_SETTINGS, SHOW_LOG] : [OPEN_SETTINGS, SHOW_LOG];
  const choice = await vscode.window.showErrorMessage(message, ...actions);
  if (choice === USE_ANOTHER_PORT) await askForPort(where.port);
  if (choice === OPEN_SETTINGS) await openSetting(inUse ? SETTING.port : SETTING.host);
  if (choice === SHOW_LOG) await vscode.commands.executeCommand(COMMAND.showLog);
}

/** Why `text` is not a usable port, or undefined. */
export function portProblem(text: string): string | undefined {
  const { min, max } = SETTING_LIMITS.port;
  if (!/^\d+$/.test(text.trim())) return `Enter a port number from ${min} to ${max}.`;
  const port = Number(text.trim());
  if (port < min || port > max) return `${port} is not a port: use ${min}–${max}.`;
  if (port < 1024) return 'Ports below 1024 usually need administrator rights; a port above 1024 is safer.';
  return undefined;
}

/** Asks for another port and saves it; the settings change restarts the listener. */
export async function askForPort(current: number): Promise<void> {
  const value = await vscode.window.showInputBox({
    title: 'Port for the Postal webhook listener',
    prompt: `A free port from 1 to 65535, saved in ${settingsTarget() === vscode.ConfigurationTarget.Workspace ? "this workspace's" : 'your user'} settings. Point Postal's webhook at the new URL afterwards.`,
    value: String(current === SETTING_LIMITS.port.max ? current - 1 : current + 1),
    validateInput: (text) => {
      const problem = portProblem(text);
      // Below 1024 is allowed, with a warning rather than an error.
      return problem?.startsWith('Ports below') === true ? { message: problem, severity: vscode.InputBoxValidationSeverity.Warning } : problem;
    },
  });
  if (value === undefined) return;
  await vscode.workspace.getConfiguration().update(SETTING.port, Number(value.trim()), settingsTarget());
}

const EXPOSURE_KEY = 'postalWebhooks.exposureAcknowledged';

/**
 * Listening beyond loopback is an explicit opt-in: say once per host what it means, with a
 * one-click way back to 127.0.0.1.
 */
export async function warnIfExposed(host: string, memento: vscode.Memento): Promise<void> {
  if (isLoopbackHost(host) || memento.get<string>(EXPOSURE_KEY) === host) return;
  await memento.update(EXPOSURE_KEY, host);
  const back = 'Listen on 127.0.0.1 Only';
  const choice = await vscode.window.showWarningMessage(
    `The Postal webhook listener is listening on ${host}, so other machines on your network can send it requests. Keep it on 127.0.0.1 unless Postal runs elsewhere; turn on ${SETTING.rejectUnsigned} to refuse unsigned ones.`,
    back,
    OPEN_SETTINGS,
  );
  if (choice === back) await vscode.workspace.getConfiguration().update(SETTING.host, '127.0.0.1', settingsTarget());
  if (choice === OPEN_SETTINGS) await openSetting(SETTING.host);
}

/** In an untrusted workspace the listener starts only when the user says so, each time. */
export async function confirmUntrustedStart(): Promise<boolean> {
  if (vscode.workspace.isTrusted) return true;
  const start = 'Start Listener';
  const choice = await vscode.window.showWarningMessage(
    'This workspace is not trusted. Start the Postal webhook listener anyway? It opens a local port; settings from this workspace for the host, port and forward URL are ignored.',
    { modal: true },
    start,
  );
  return choice === start;
}
