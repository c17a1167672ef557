import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listVariants, sampleEnvelope } from '../../../src/core/events';
import { readPayloadFile } from '../../../src/core/replay/payloadFile';
import { postalBody, readableEnvelope } from '../../../src/core/replay/serialize';
import { appendixA } from '../helpers/fixtures';

const REPO_ROOT = join(__dirname, '../../../..');
const SAMPLES_DIR = join(REPO_ROOT, 'test/fixtures/postal-samples');

/**
 * Where Postal's envelopes hold Ruby Floats, written down from the Postal reference (§2, §3)
 * rather than taken from the event model, so this is a second opinion on the serializer.
 */
const FLOAT_PATHS = [
  /^timestamp$/,
  /^payload\.(timestamp|time|dns_checked_at)$/,
  /^payload\.(message|original_message|bounce)\.timestamp$/,
];

/**
 * An independent rendering of Rails' `to_json`: JSON.stringify, then Rails' five extra escapes,
 * with whole-number floats at the known float paths written with `.0`. Only valid for numbers
 * that JavaScript and Ruby print alike apart from that `.0` (checked), which covers Postal's.
 */
function referenceBody(envelope: unknown): string {
  const floats: string[] = [];
  const walk = (node: unknown, path: string): unknown => {
    if (Array.isArray(node)) return node.map((item, index) => walk(item, `${path}.${index}`));
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, walk(item, path === '' ? key : `${path}.${key}`)]));
    }
    if (typeof node === 'number') {
      assert.ok(node === 0 || (Math.abs(node) >= 1e-4 && Math.abs(node) < 1e15), `${path}: ${node} is outside the range this reference handles`);
      if (FLOAT_PATHS.some((pattern) => pattern.test(path)) && Number.isInteger(node)) {
        floats.push(`${node}.0`);
        return `__float_${floats.length - 1}__`;
      }
    }
    return node;
  };
  return JSON.stringify(walk(envelope, ''))
    .replace(/"__float_(\d+)__"/g, (_match, index: string) => floats[Number(index)])
    .replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function sampleFiles(): { name: string; text: string }[] {
  return readdirSync(SAMPLES_DIR).filter((name) => name.endsWith('.json')).sort().map((name) => ({ name, text: readFileSync(join(SAMPLES_DIR, name), 'utf8') }));
}

describe('Postal-exact serialization', () => {
  it('encodes every sample variant of the catalog byte for byte like the reference rendering', () => {
    for (const variant of listVariants()) {
      for (const options of [{ seed: 7, now: 1714567890.25 }, { seed: 99 }, { seed: 3, postalVersion: 'v2' as const }]) {
        const envelope = sampleEnvelope(variant.event, variant.name, options);
        assert.equal(postalBody(envelope).toString('utf8'), referenceBody(envelope), `${variant.event}:${variant.name}`);
      }
    }
  });

  it('keeps .0 on whole-second floats and leaves integers alone, as the event model says', () => {
    const envelope = sampleEnvelope('SendLimitApproaching', 'default', { seed: 1 });
    const whole = { ...envelope, timestamp: 1714567890 };
    const body = postalBody(whole).toString('utf8');
    assert.match(body, /"timestamp":1714567890\.0,/);
    assert.match(body, /"volume":\d+,"limit":\d+\}/);
    const sent = sampleEnvelope('MessageSent', 'default', { seed: 1 });
    const message = { ...sent.payload.message, id: 48213, timestamp: 1714567800 };
    const sentBody = postalBody({ ...sent, payload: { ...sent.payload, message, time: 0 } }).toString('utf8');
    assert.match(sentBody, /"id":48213,/);
    assert.match(sentBody, /"timestamp":1714567800\.0,"spam_status"/);
    assert.match(sentBody, /"time":0\.0\}/);
    assert.equal(sentBody, referenceBody({ ...sent, payload: { ...sent.payload, message, time: 0 } }));
  });

  for (const { name, text } of sampleFiles()) {
    it(`sends ${name} (pretty, as in the repository) as Postal's compact body`, () => {
      const file = readPayloadFile(text, name);
      assert.deepEqual(file.problems, []);
      assert.equal(file.payloads.length, 1);
      const envelope = JSON.parse(text) as unknown;
      assert.equal(file.payloads[0].body.toString('utf8'), referenceBody(envelope));
      assert.ok(file.payloads[0].body.equals(postalBody(envelope)), 'file and object encodings differ');
    });
  }

  it('turns the pretty MessageSent sample into exactly the Appendix A body that the reference signature covers', () => {
    const file = readPayloadFile(readFileSync(join(SAMPLES_DIR, 'MessageSent.json'), 'utf8'), 'MessageSent.json');
    assert.ok(file.payloads[0].body.equals(appendixA().body), `got ${file.payloads[0].body.toString('utf8')}`);
    assert.ok(postalBody(JSON.parse(readFileSync(join(SAMPLES_DIR, 'MessageSent.json'), 'utf8'))).equals(appendixA().body));
  });

  it('lays an envelope out readably in the same encoding, and that layout sends the same bytes', () => {
    const envelope = sampleEnvelope('MessageDeliveryFailed', 'default', { seed: 5 });
    const readable = readableEnvelope(envelope);
    assert.match(readable, /^\{\n {2}"event": "MessageDeliveryFailed",\n/);
    assert.match(readable, /\\u003c/);
    assert.ok(readPayloadFile(readable, 'x.json').payloads[0].body.equals(postalBody(envelope)));
  });

  it('sends each line of a .jsonl file as its own envelope and reports the lines that are not JSON', () => {
    const [first, second] = [sampleEnvelope('MessageSent', 'default', { seed: 1 }), sampleEnvelope('MessageLoaded', 'default', { seed: 2 })];
    const text = `${JSON.stringify(first)}\n\n${JSON.stringify(second)}\n{"event": oops}\n`;
    const file = readPayloadFile(text, 'events.postal.jsonl');
    assert.deepEqual(file.payloads.map((payload) => payload.body.toString('utf8')), [referenceBody(first), referenceBody(second)]);
    assert.deepEqual(file.payloads.map((payload) => payload.label), [`MessageSent ${first.uuid.slice(0, 8)} (line 1)`, `MessageLoaded ${second.uuid.slice(0, 8)} (line 3)`]);
    assert.ok(file.problems.length > 0 && file.problems.every((problem) => problem.line === 4), JSON.stringify(file.problems));
    assert.equal(text.slice(file.problems[0].offset, file.problems[0].offset + 4), 'oops');
  });
});
