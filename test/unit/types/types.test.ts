import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_NAMES, listVariants, messageSchema, payloadSchemas, serverSchema } from '../../../src/core/events';
import { buildTypeModel, renderTypes, TYPE_LANGUAGES, type TypeLanguage } from '../../../src/core/types';
import { REPO_ROOT } from '../helpers/fixtures';
import { languageRuntimes, run, type Runtimes } from '../helpers/languageRuntimes';
import { GO_CHECKER, PHP_CHECKER, PYTHON_CHECKER, RUBY_CHECKER } from './typeCheckers';

/** Every sample variant of every event, in Postal v3 and v2 key order, and three bodies that must not fit. */
function checkLines(): string {
  const samples = listVariants().flatMap((variant) => [variant.build({ seed: 7 }), variant.build({ seed: 8, postalVersion: 'v2' })]);
  const extraKey = structuredClone(samples[0]) as { payload: { message: Record<string, unknown> } };
  extraKey.payload.message.surprise = 1;
  const missingKey = structuredClone(samples[0]) as { payload: Record<string, unknown> };
  delete missingKey.payload.details;
  const otherPayload = { ...samples[0], payload: samples.find((sample) => sample.event === 'MessageBounced')?.payload };
  const wrong = [extraKey, missingKey, otherPayload];
  return [...samples.map((body) => ({ expect: 'ok', body })), ...wrong.map((body) => ({ expect: 'error', body }))].map((line) => JSON.stringify(line)).join('\n') + '\n';
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

  it('model every event payload with exactly the fields of its schema, and the shared objects once', () => {
    const model = buildTypeModel();
    const fields = (name: string): string[] => model.structs.find((struct) => struct.name === name)?.fields.map((field) => field.name) ?? [];
    assert.deepEqual(model.events.map((event) => event.event), [...EVENT_NAMES]);
    for (const event of model.events) assert.deepEqual(fields(event.payload), Object.keys(payloadSchemas()[event.event].shape), event.event);
    assert.deepEqual(fields('PostalMessage'), Object.keys(messageSchema().shape));
    assert.deepEqual(fields('PostalServer'), Object.keys(serverSchema().shape));
    assert.equal(model.structs.length, new Set(model.structs.map((struct) => struct.name)).size);
    assert.ok(model.structs.every((struct) => struct.fields.every((field) => field.doc !== '')), 'every field is documented');
  });

  it('TypeScript: passes tsc --noEmit --strict, types every sample and narrows on event', () => {
    const dir = writeTypes('ts');
    const samples = lines.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { expect: string; body: unknown });
    const ok = samples.filter((sample) => sample.expect === 'ok').map((sample) => JSON.stringify(sample.body));
    writeFileSync(join(dir, 'samples.ts'), `import { type PostalWebhook } from './postalWebhooks';
export const samples: PostalWebhook[] = [\n${ok.join(',\n')},\n];
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
      writeFileSync(join(dir, `wrong${index}.ts`), `import { type PostalWebhook } from './postalWebhooks';\nexport const wrong: PostalWebhook = ${JSON.stringify(sample.body)};\n`);
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
