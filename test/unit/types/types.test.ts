import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_NAMES, listVariants, messageSchema, payloadSchemas, serverSchema } from '../../../src/core/events';
import { inboundHashSampleFor, inboundHashSchema, inboundRawSample, inboundRawSchema } from '../../../src/core/inbound';
import { buildTypeModel, renderTypes, TYPE_LANGUAGES, type TypeLanguage } from '../../../src/core/types';
import { REPO_ROOT } from '../helpers/fixtures';
import { languageRuntimes, run, type Runtimes } from '../helpers/languageRuntimes';
import { GO_CHECKER, PHP_CHECKER, PYTHON_CHECKER, RUBY_CHECKER } from './typeCheckers';

/** What a body is: a webhook, an inbound message in the Hash format, or one in the RawMessage format. */
type BodyKind = 'webhook' | 'inbound' | 'raw';
interface CheckLine {
  expect: 'ok' | 'error';
  kind: BodyKind;
  body: unknown;
  /** Top-level keys Postal may leave out: absent and null count as the same when comparing. */
  optional: string[];
}

/** Inbound messages as endpoints with each option send them, one with every nullable field null, and a RawMessage. */
function inboundSamples(): { kind: BodyKind; body: Record<string, unknown> }[] {
  const options = [true, false].flatMap((stripReplies) => [true, false].map((includeAttachments) => ({ stripReplies, includeAttachments })));
  const hashes = options.map((endpoint) => inboundHashSampleFor(endpoint));
  const nulls: Record<string, unknown> = { ...inboundHashSampleFor({ stripReplies: true, includeAttachments: true }), attachments: [] };
  for (const key of ['message_id', 'received_with_ssl', 'to', 'cc', 'from', 'date', 'in_reply_to', 'references', 'html_body', 'auto_submitted', 'reply_to', 'plain_body', 'replies_from_plain_body']) nulls[key] = null;
  return [...[...hashes, nulls].map((body) => ({ kind: 'inbound' as const, body })), { kind: 'raw', body: inboundRawSample() }];
}

function optionalKeys(kind: BodyKind): string[] {
  const model = buildTypeModel();
  const name = { webhook: undefined, inbound: model.bodies.inboundMessage, raw: model.bodies.inboundRawMessage }[kind];
  return model.structs.find((struct) => struct.name === name)?.fields.filter((field) => field.optional).map((field) => field.name) ?? [];
}

/** Every sample variant of every event, in Postal v3 and v2 key order, the inbound samples, and bodies that must not fit. */
function checkLines(): string {
  const samples = listVariants().flatMap((variant) => [variant.build({ seed: 7 }), variant.build({ seed: 8, postalVersion: 'v2' })]);
  const extraKey = structuredClone(samples[0]) as { payload: { message: Record<string, unknown> } };
  extraKey.payload.message.surprise = 1;
  const missingKey = structuredClone(samples[0]) as { payload: Record<string, unknown> };
  delete missingKey.payload.details;
  const otherPayload = { ...samples[0], payload: samples.find((sample) => sample.event === 'MessageBounced')?.payload };
  const inbound = inboundSamples();
  const { token: _token, ...noToken } = inbound[0].body;
  const extraAttachmentKey = structuredClone(inbound[0].body) as { attachments: Record<string, unknown>[] };
  extraAttachmentKey.attachments[0].surprise = 1;
  const line = (expect: CheckLine['expect'], kind: BodyKind, body: unknown): CheckLine => ({ expect, kind, body, optional: optionalKeys(kind) });
  const lines: CheckLine[] = [
    ...samples.map((body) => line('ok', 'webhook', body)),
    ...inbound.map(({ kind, body }) => line('ok', kind, body)),
    ...[extraKey, missingKey, otherPayload].map((body) => line('error', 'webhook', body)),
    ...[noToken, extraAttachmentKey].map((body) => line('error', 'inbound', body)),
    line('error', 'raw', { ...inbound[inbound.length - 1].body, subject: 'not in a RawMessage' }),
  ];
  return lines.map((entry) => JSON.stringify(entry)).join('\n') + '\n';
}

function writeTypes(language: TypeLanguage): string {
  const dir = mkdtempSync(join(tmpdir(), `postal-types-${language}-`));
  writeFileSync(join(dir, TYPE_LANGUAGES[language].fileName), renderTypes(language, '0.0.0-test'));
  return dir;
}

function tsc(dir: string, files: string[]): { status: number | null; output: string } {
  const args = [join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '--strict', '--noUnusedLocals', '--target', 'ES2022', '--module', 'commonjs', ...files];
  const result = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

describe('payload types for apps (postal-webhooks types)', function () {
  this.timeout(120_000);
  let runtimes: Runtimes;
  const lines = checkLines();

  before(function () {
    this.timeout(600_000);
    runtimes = languageRuntimes();
  });

  it('model every event payload and inbound format with exactly the fields of its schema, and the shared objects once', () => {
    const model = buildTypeModel();
    const struct = (name: string) => model.structs.find((entry) => entry.name === name);
    const fields = (name: string): string[] => struct(name)?.fields.map((field) => field.name) ?? [];
    assert.deepEqual(model.events.map((event) => event.event), [...EVENT_NAMES]);
    for (const event of model.events) assert.deepEqual(fields(event.payload), Object.keys(payloadSchemas()[event.event].shape), event.event);
    assert.deepEqual(fields('PostalMessage'), Object.keys(messageSchema().shape));
    assert.deepEqual(fields('PostalServer'), Object.keys(serverSchema().shape));
    assert.deepEqual(fields(model.bodies.inboundMessage), Object.keys(inboundHashSchema().shape));
    assert.deepEqual(fields(model.bodies.inboundRawMessage), Object.keys(inboundRawSchema().shape));
    const inbound = struct(model.bodies.inboundMessage)?.fields ?? [];
    assert.deepEqual(inbound.filter((field) => field.optional).map((field) => field.name), ['replies_from_plain_body', 'attachments']);
    assert.deepEqual(inbound.find((field) => field.name === 'attachments')?.type, { kind: 'array', items: { kind: 'struct', name: 'PostalInboundAttachment' } });
    assert.deepEqual(inbound.find((field) => field.name === 'reply_to'), { ...inbound.find((field) => field.name === 'reply_to'), type: { kind: 'array', items: { kind: 'string' } }, nullable: true, optional: false });
    assert.equal(model.structs.length, new Set(model.structs.map((struct) => struct.name)).size);
    assert.ok(model.structs.every((struct) => struct.fields.every((field) => field.doc !== '')), 'every field is documented');
  });

  it('TypeScript: passes tsc --noEmit --strict, types every sample and narrows on event', () => {
    const dir = writeTypes('ts');
    const samples = lines.split('\n').filter(Boolean).map((line) => JSON.parse(line) as CheckLine);
    const ok = (kind: BodyKind): string => samples.filter((sample) => sample.expect === 'ok' && sample.kind === kind).map((sample) => JSON.stringify(sample.body)).join(',\n');
    writeFileSync(join(dir, 'samples.ts'), `import { type PostalInboundMessage, type PostalInboundRawMessage, type PostalWebhook } from './postalWebhooks';
export const samples: PostalWebhook[] = [\n${ok('webhook')},\n];
export const inbound: PostalInboundMessage[] = [\n${ok('inbound')},\n];
export const raw: PostalInboundRawMessage[] = [\n${ok('raw')},\n];
export function describe(webhook: PostalWebhook): string {
  switch (webhook.event) {
    case 'MessageBounced': return webhook.payload.original_message.token;
    case 'DomainDNSError': return webhook.payload.spf_status;
    default: return webhook.event;
  }
}\n`);
    const checked = tsc(dir, ['postalWebhooks.ts', 'samples.ts']);
    assert.equal(checked.status, 0, checked.output);
    // Each body that must not fit in a file of its own: every one of them must have errors.
    const wrong = samples.filter((sample) => sample.expect === 'error').map((sample, index) => {
      const type = { webhook: 'PostalWebhook', inbound: 'PostalInboundMessage', raw: 'PostalInboundRawMessage' }[sample.kind];
      writeFileSync(join(dir, `wrong${index}.ts`), `import { type ${type} } from './postalWebhooks';\nexport const wrong: ${type} = ${JSON.stringify(sample.body)};\n`);
      return `wrong${index}.ts`;
    });
    const refused = tsc(dir, ['postalWebhooks.ts', ...wrong]);
    for (const file of wrong) assert.ok(refused.output.includes(`${file}(`), `${file} type-checks:\n${readFileSync(join(dir, file), 'utf8')}`);
  });

  it('Python: passes py_compile and describes every sample as json.loads gives it', () => {
    const dir = writeTypes('python');
    run(runtimes.python, ['-m', 'py_compile', 'postal_webhooks.py'], { cwd: dir });
    writeFileSync(join(dir, 'check.py'), PYTHON_CHECKER);
    run(runtimes.python, ['check.py'], { cwd: dir, input: lines });
  });

  it('Go: is gofmt-clean, passes go vet and decodes every sample strictly without losing a field', () => {
    const dir = writeTypes('go');
    assert.equal(run(runtimes.gofmt, ['-l', 'postal_webhooks.go'], { cwd: dir }).stdout, '');
    run(runtimes.go, ['vet', 'postal_webhooks.go'], { cwd: dir, env: runtimes.goEnv });
    const checkerDir = mkdtempSync(join(tmpdir(), 'postal-types-go-check-'));
    writeFileSync(join(checkerDir, 'types.go'), renderTypes('go', '0.0.0-test').replace(/^package postal$/m, 'package main'));
    writeFileSync(join(checkerDir, 'main.go'), GO_CHECKER);
    run(runtimes.go, ['run', 'types.go', 'main.go'], { cwd: checkerDir, env: runtimes.goEnv, input: lines });
  });

  it('PHP: passes php -l and round-trips every sample through its classes', () => {
    const dir = writeTypes('php');
    run(runtimes.php, ['-l', 'PostalWebhooks.php'], { cwd: dir });
    writeFileSync(join(dir, 'check.php'), PHP_CHECKER);
    run(runtimes.php, ['check.php'], { cwd: dir, input: lines });
  });

  it('Ruby: passes ruby -wc and round-trips every sample through its Structs', () => {
    const dir = writeTypes('ruby');
    assert.equal(run(runtimes.ruby, ['-wc', 'postal_webhooks.rb'], { cwd: dir }).stderr, '');
    writeFileSync(join(dir, 'check.rb'), RUBY_CHECKER);
    run(runtimes.ruby, ['check.rb'], { cwd: dir, input: lines });
  });
});
