import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Logger } from '../../../src/core/logger';
import { generateSigningKey, sign, toDnsRecord } from '../../../src/core/signature';
import { HistoryService } from '../../../src/vscode/listener/historyService';
import { ListenerController, type ListenerUiState } from '../../../src/vscode/listener/listenerController';
import { listenerStatus } from '../../../src/vscode/listener/listenerStatus';
import { readListenerSettings, SETTING, type SettingId } from '../../../src/vscode/listener/listenerSettings';
import { postalBody } from '../helpers/bodies';

/** A logger that keeps every line with its level, to check what goes where. */
function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const at = (level: string) => (message: string | Error) => lines.push(`${level} ${String(message)}`);
  return { lines, trace: at('trace'), debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

function occupy(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port }));
  });
}

/** A port free right now: the settings reject 0, as a user's webhook URL needs a fixed port. */
async function freePort(): Promise<number> {
  const { server, port } = await occupy();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('listener controller', () => {
  let dir: string;
  let history: HistoryService;
  let settings: Partial<Record<SettingId, unknown>>;
  let log: ReturnType<typeof recordingLogger>;
  let controller: ListenerController;
  let states: ListenerUiState[];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'controller-'));
    log = recordingLogger();
    history = new HistoryService(log);
    await history.open(join(dir, 'history.jsonl'), { maxEvents: 100, maxSizeMB: 100 });
    settings = { [SETTING.port]: await freePort() };
    controller = new ListenerController(history, () => readListenerSettings((id) => settings[id]), log);
    states = [];
    controller.onDidChangeState((state) => states.push(state));
  });

  afterEach(async () => {
    await controller.dispose();
    await history.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts on the configured port, verifies with the configured key, and logs one line per request', async () => {
    const key = await generateSigningKey();
    settings[SETTING.publicKey] = toDnsRecord(key.publicKey);
    const started = await controller.start();
    assert.ok(started.ok);
    assert.deepEqual(states, ['starting', 'listening']);
    assert.equal(started.address.port, settings[SETTING.port]);
    const body = postalBody();
    await fetch(started.address.url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...sign(body, key.privateKey) } });
    await controller.stop();
    assert.deepEqual(states, ['starting', 'listening', 'stopping', 'stopped']);
    const [record] = history.store.list();
    assert.equal(record.signature.status, 'valid');
    assert.ok(log.lines.some((line) => line.startsWith('info ') && line.includes('POST /  MessageSent') && line.includes('signature ✓ sha256')), log.lines.join('\n'));
    assert.ok(log.lines.some((line) => line.startsWith('trace ') && line.includes(body)), 'the body is logged at trace level');
    assert.ok(!log.lines.some((line) => !line.startsWith('trace ') && line.includes(body)), 'the body is logged above trace level');
  });

  it('reads the development key before the first request and logs its signatures as its own', async () => {
    const postal = await generateSigningKey();
    const development = await generateSigningKey();
    const entry = { kid: development.kid, key: development.publicKey, signatureBytes: 256 };
    let read = false;
    const source = { current: () => (read ? entry : undefined), existing: async () => ((read = true), entry) };
    await controller.dispose();
    controller = new ListenerController(history, () => readListenerSettings((id) => settings[id]), log, undefined, source);
    settings[SETTING.publicKey] = toDnsRecord(postal.publicKey);
    const started = await controller.start();
    assert.ok(started.ok);
    const body = postalBody();
    await fetch(started.address.url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...sign(body, development.privateKey) } });
    await controller.stop();
    assert.equal(history.store.list()[0].signature.status, 'dev-key');
    assert.ok(log.lines.some((line) => line.startsWith('info ') && line.includes('signature ✓ dev key')), log.lines.join('\n'));
  });

  it('reports a port in use as an error with the system code, and the status says so', async () => {
    const { server, port } = await occupy();
    try {
      settings[SETTING.port] = port;
      const started = await controller.start();
      assert.equal(started.ok, false);
      assert.equal(started.ok ? '' : started.problem.kind, 'listen');
      assert.equal(started.ok || started.problem.kind !== 'listen' ? '' : started.problem.error.code, 'EADDRINUSE');
      assert.equal(controller.state, 'error');
      const status = listenerStatus(controller, 0);
      assert.equal(status.statusText, `$(error) Postal :${port}`);
      assert.match(status.line, new RegExp(`^Not listening\\. Port ${port} on 127\\.0\\.0\\.1 is in use by another program`));
    } finally {
      server.close();
    }
  });

  it('does not start with a bad setting, and names it', async () => {
    settings[SETTING.path] = 'no-slash';
    const started = await controller.start();
    assert.equal(started.ok ? '' : started.problem.kind, 'settings');
    assert.deepEqual(states, ['error']);
    assert.ok(log.lines.some((line) => line.startsWith('error ') && line.includes('postalWebhooks.listener.path')));
  });

  it('does not start when the history cannot be written, since nothing it answered would be stored', async () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, '');
    await controller.stopFor(() => history.open(join(blocker, 'history.jsonl'), { maxEvents: 100, maxSizeMB: 100 }).then(() => undefined));
    const started = await controller.start();
    assert.equal(started.ok ? '' : started.problem.kind, 'history');
    assert.match(started.ok ? '' : started.problem.message, /Cannot use the history file .*a-file.*: the folder cannot be created or is not a folder .*Requests could not be stored, so they are not accepted\./);
    assert.equal(controller.state, 'error');
    assert.match(listenerStatus(controller, 0).line, /^Not listening\. Cannot use the history file/);
  });

  it('restarts with settings changed in the meantime', async () => {
    assert.ok((await controller.start()).ok);
    settings[SETTING.responseStatus] = 503;
    const restarted = await controller.restart();
    assert.ok(restarted.ok);
    const response = await fetch(restarted.address.url, { method: 'POST', body: postalBody() });
    assert.equal(response.status, 503);
  });

  it('swaps the history while stopped, and writes to the new one after the next start', async () => {
    assert.ok((await controller.start()).ok);
    const other = join(dir, 'other.jsonl');
    await controller.stopFor(() => history.open(other, { maxEvents: 10, maxSizeMB: 100 }).then(() => undefined));
    assert.equal(controller.state, 'stopped');
    const started = await controller.start();
    assert.ok(started.ok);
    await fetch(started.address.url, { method: 'POST', body: postalBody() });
    await controller.stop();
    assert.equal(history.path, other);
    assert.equal(history.store.size, 1);
    assert.equal(history.store.limits.maxRecords, 10);
  });
});
