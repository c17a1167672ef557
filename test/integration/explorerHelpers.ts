import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { sign, type SigningKeyPair } from '../../src/core/signature';
import { TEST_COMMAND } from '../../src/vscode/commandIds';
import { type SnapshotRow } from '../../src/vscode/tree/treeSnapshot';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function eventually<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** A port nothing listens on right now: bound once by the OS, then released. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Writes settings into the test workspace, as a user editing settings.json would. */
export async function configure(settings: Record<string, unknown>): Promise<void> {
  const config = vscode.workspace.getConfiguration();
  for (const [id, value] of Object.entries(settings)) await config.update(id, value, vscode.ConfigurationTarget.Workspace);
}

type Fields = Record<string, string | number | boolean | null | undefined>;
/** A sample envelope, typed just enough for the fields the tests read and change. */
export type Envelope = { event: string; timestamp: number; payload: Fields & { message?: Fields; original_message?: Fields }; uuid: string };

const SAMPLES = join(__dirname, '../../../test/fixtures/postal-samples');

/** A reference sample with a fresh uuid (each Postal request has its own) and, optionally, another message token. */
export function sample(name: string, token?: string): Envelope {
  const envelope = JSON.parse(readFileSync(join(SAMPLES, `${name}.json`), 'utf8')) as Envelope;
  envelope.uuid = randomUUID();
  const message = envelope.payload.message ?? envelope.payload.original_message;
  if (token !== undefined && message !== undefined) message.token = token;
  return envelope;
}

/** A random message token of Postal 3's shape (16 letters and digits). */
export function messageToken(): string {
  return randomUUID().replace(/-/g, '').slice(0, 16);
}

/** POSTs like Postal: compact JSON, Postal's user agent, signed with `key` unless told otherwise. */
export async function postLikePostal(url: string, body: string, signing: { key?: SigningKeyPair; tamper?: boolean } = {}): Promise<number> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'User-Agent': 'Postal/3.3.6' };
  if (signing.key !== undefined) Object.assign(headers, sign(signing.tamper === true ? `${body} ` : body, signing.key.privateKey));
  const response = await fetch(url, { method: 'POST', body, headers });
  await response.text();
  return response.status;
}

export async function treeSnapshot(depth = 3): Promise<SnapshotRow[]> {
  return vscode.commands.executeCommand<SnapshotRow[]>(TEST_COMMAND.treeSnapshot, depth);
}

export type ExplorerState = {
  listenerState: string;
  address: { url: string; port: number } | null;
  problem: string | null;
  localUrl: string;
  key: string;
  statusText: string;
  statusTooltip: string;
  treeMessage: string | null;
  treeDescription: string | null;
  badge: number | null;
  treeVisible: boolean;
  grouping: string;
  historyPath: string | null;
  historyCount: number;
  selection: string[];
};

export async function explorerState(): Promise<ExplorerState> {
  return vscode.commands.executeCommand<ExplorerState>(TEST_COMMAND.explorerState);
}

/** Every row of a snapshot, depth first. */
export function allRows(rows: SnapshotRow[]): SnapshotRow[] {
  return rows.flatMap((row) => [row, ...allRows(row.children ?? [])]);
}

/** The event row whose tooltip names `uuid`. */
export function rowOf(rows: SnapshotRow[], uuid: string): SnapshotRow {
  const row = allRows(rows).find((candidate) => candidate.contextValue?.startsWith('postalRecord') === true && candidate.tooltip?.includes(uuid) === true);
  assert.ok(row, `no row for ${uuid}`);
  return row;
}

/** The record id a row stands for (its id ends with it). */
export function recordIdOf(row: SnapshotRow): string {
  return row.id.slice(row.id.lastIndexOf('/') + 1).replace(/^record:/, '');
}
