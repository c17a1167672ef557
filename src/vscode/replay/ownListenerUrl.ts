import * as vscode from 'vscode';
import { DEFAULT_LISTENER_HOST, DEFAULT_LISTENER_PORT } from '../../core/listener';

/**
 * Where our own listener receives webhooks, for the "our own listener" send target.
 *
 * This is the one place replay learns it, kept apart on purpose: until the Events explorer owns a
 * running listener it is read from the `postalWebhooks.listener.host` / `port` / `path` settings
 * (or the listener's defaults). `registerReplay` accepts a replacement (`deps.ownListenerUrl`)
 * so the explorer can hand over the address the running listener actually bound to.
 */
export function ownListenerUrlFromSettings(): string {
  const config = vscode.workspace.getConfiguration('postalWebhooks.listener');
  const host = config.get<string>('host') || DEFAULT_LISTENER_HOST;
  const port = config.get<number>('port') ?? DEFAULT_LISTENER_PORT;
  const path = config.get<string>('path') || '/';
  // 0.0.0.0 / :: listen everywhere; a client reaches them through loopback.
  const reachableHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const urlHost = reachableHost.includes(':') ? `[${reachableHost}]` : reachableHost;
  return `http://${urlHost}:${port}${path.startsWith('/') ? path : `/${path}`}`;
}
