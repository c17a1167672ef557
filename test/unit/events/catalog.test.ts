import * as assert from 'node:assert/strict';
import {
  ENVELOPE_KEYS,
  EVENT_CATALOG,
  EVENT_NAMES,
  type EventName,
  findVariant,
  isEventName,
  listVariants,
  messageKeys,
  payloadKeys,
  sampleEnvelope,
  tokenVersion,
  validateEnvelope,
} from '../../../src/core/events';
import { type Json, POSTAL_SAMPLES } from './eventFixtures';
import { compileShippedSchema } from './shippedSchema';

const NOW = 1714567890;

/** The JSON type of every leaf, keyed by path: what must match between a variant and its sample. */
function shape(value: unknown, path = ''): Record<string, string> {
  if (value === null) return { [path]: 'null' };
  if (typeof value !== 'object') return { [path]: typeof value };
  return Object.assign({}, ...Object.entries(value).map(([key, child]) => shape(child, `${path}/${key}`)));
}

/** `MessageDelayed-no-smtp-servers.json` → the event and the variant it documents. */
function sampleName(file: string): { event: EventName; variant: string } {
  const [event, ...rest] = file.replace(/^.*\//, '').replace(/\.json$/, '').split('-');
  assert.ok(isEventName(event), file);
  return { event, variant: rest.length > 0 ? rest.join('-') : 'default' };
}

describe('event catalog', () => {
  const { validate } = compileShippedSchema();

  it('describes every event for users: summary, when Postal sends it, versions, icon', () => {
    const icons = new Set<string>();
    for (const event of EVENT_NAMES) {
      const info = EVENT_CATALOG[event];
      assert.ok(info.summary.length > 20 && !info.summary.includes('\n'), `${event} summary`);
      assert.ok(info.whenSent.length > 40, `${event} whenSent`);
      assert.match(info.postalVersions, /^all versions/);
      assert.match(info.codicon, /^[a-z]+(-[a-z]+)*$/, `${event} codicon`);
      icons.add(info.codicon);
    }
    assert.equal(icons.size, EVENT_NAMES.length, 'two events share an icon');
  });

  it('marks only the send limit events as not selectable, and says who receives them', () => {
    const hidden = EVENT_NAMES.filter((event) => !EVENT_CATALOG[event].selectable);
    assert.deepEqual(hidden, ['SendLimitApproaching', 'SendLimitExceeded']);
    for (const event of hidden) assert.match(EVENT_CATALOG[event].postalVersions, /"all events"/);
  });

  it('gives the four delivery events the status their samples carry, and no other event a status', () => {
    for (const fixture of POSTAL_SAMPLES) {
      const { event } = sampleName(fixture.file);
      assert.equal(EVENT_CATALOG[event].status, (fixture.value.payload as Json).status, fixture.file);
    }
    assert.deepEqual(EVENT_NAMES.filter((event) => EVENT_CATALOG[event].status), [
      'MessageSent',
      'MessageDelayed',
      'MessageDeliveryFailed',
      'MessageHeld',
    ]);
  });

  it('has a variant for every reference sample, shaped like it (types, nulls, key order)', () => {
    for (const fixture of POSTAL_SAMPLES) {
      const { event, variant } = sampleName(fixture.file);
      const found = findVariant(event, variant);
      assert.ok(found, `${event} has no "${variant}" variant`);
      const built = found.build({ seed: 7, now: NOW });
      assert.deepEqual(Object.entries(shape(built)), Object.entries(shape(fixture.value)), fixture.file);
      const { details, output, status } = fixture.value.payload as Json;
      const payload = built.payload as Json;
      assert.deepEqual([payload.status, payload.details, payload.output], [status, details, output], fixture.file);
    }
  });

  it('names the first variant of every event "default" and keeps names unique', () => {
    for (const event of EVENT_NAMES) {
      const names = EVENT_CATALOG[event].variants.map((variant) => variant.name);
      assert.equal(names[0], 'default', event);
      assert.equal(new Set(names).size, names.length, event);
    }
  });

  for (const variant of listVariants()) {
    describe(`${variant.event} "${variant.name}" sample`, () => {
      it('is a valid envelope for zod and for the JSON Schema', () => {
        for (const postalVersion of ['v2', 'v3'] as const) {
          const envelope = variant.build({ seed: 11, now: NOW, postalVersion });
          assert.equal(envelope.event, variant.event);
          const result = validateEnvelope(envelope);
          assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.issues));
          assert.equal(validate(envelope), true, JSON.stringify(validate.errors));
        }
      });

      it('is the same for the same seed and time, and differs for another seed', () => {
        const first = JSON.stringify(variant.build({ seed: 99, now: NOW }));
        assert.equal(JSON.stringify(variant.build({ seed: 99, now: NOW })), first);
        assert.notEqual(JSON.stringify(variant.build({ seed: 100, now: NOW })), first);
      });

      it('keeps Postal key order, and times in the order Postal records them', () => {
        const envelope = variant.build({ seed: 3, now: NOW });
        const payload = envelope.payload as Json;
        assert.deepEqual(Object.keys(envelope), ENVELOPE_KEYS);
        assert.deepEqual(Object.keys(payload), payloadKeys()[variant.event]);
        assert.ok(envelope.timestamp > NOW && envelope.timestamp < NOW + 1, String(envelope.timestamp));
        for (const key of ['message', 'original_message', 'bounce']) {
          if (!payload[key]) continue;
          assert.deepEqual(Object.keys(payload[key]), messageKeys());
          assert.ok(payload[key].timestamp < envelope.timestamp, `${key}.timestamp is after the event`);
        }
        if (typeof payload.timestamp === 'number') assert.ok(payload.timestamp < envelope.timestamp);
      });
    });
  }

  it('makes v3 tokens by default and v2 tokens on request, message last in v2 clicks and loads', () => {
    const v3 = sampleEnvelope('MessageLinkClicked', 'default', { seed: 5, now: NOW }).payload;
    assert.equal(tokenVersion('message', v3.message.token), 'v3');
    assert.equal(tokenVersion('link', v3.token), 'v3');
    const v2 = sampleEnvelope('MessageLinkClicked', 'default', { seed: 5, now: NOW, postalVersion: 'v2' }).payload;
    assert.equal(tokenVersion('message', v2.message.token), 'v2');
    assert.equal(tokenVersion('link', v2.token), 'v2');
    assert.deepEqual(Object.keys(v2), ['url', 'token', 'ip_address', 'user_agent', 'message']);
    const loaded = sampleEnvelope('MessageLoaded', 'default', { postalVersion: 'v2' }).payload;
    assert.deepEqual(Object.keys(loaded), ['ip_address', 'user_agent', 'message']);
    assert.equal(sampleEnvelope('MessageSent', 'v2', { seed: 1 }).payload.message.token.length, 12);
  });

  it('uses fresh random values and the current time without a seed', () => {
    const before = Date.now() / 1000;
    const one = sampleEnvelope('MessageSent');
    const two = sampleEnvelope('MessageSent');
    assert.notEqual(one.uuid, two.uuid);
    assert.notEqual(one.payload.message.token, two.payload.message.token);
    assert.ok(one.timestamp >= before - 0.001 && one.timestamp <= Date.now() / 1000 + 0.001, String(one.timestamp));
  });

  it('gives test events about one mail one message, so they group as one timeline', () => {
    const options = { oneMessagePerMail: true };
    const sent = sampleEnvelope('MessageSent', 'default', options).payload.message;
    const again = sampleEnvelope('MessageSent', 'default', options).payload.message;
    const loaded = sampleEnvelope('MessageLoaded', 'default', options).payload.message;
    const bounced = sampleEnvelope('MessageBounced', 'default', options).payload.original_message;
    for (const same of [again, loaded, bounced]) {
      assert.deepEqual([same.id, same.token, same.message_id], [sent.id, sent.token, sent.message_id]);
    }
    assert.equal(tokenVersion('message', sent.token), 'v3');
    const otherMail = sampleEnvelope('MessageSent', 'incoming-http', options).payload.message;
    assert.notEqual(otherMail.token, sent.token);
    assert.equal(sampleEnvelope('MessageSent', 'v2', options).payload.message.token.length, 12);
    assert.notEqual(sampleEnvelope('MessageSent', 'default', options).uuid, sampleEnvelope('MessageSent', 'default', options).uuid, 'each event keeps its own uuid');
  });

  it('sends limit samples over 90% of the limit for Approaching and at or over it for Exceeded', () => {
    for (let seed = 0; seed < 50; seed++) {
      const approaching = sampleEnvelope('SendLimitApproaching', 'default', { seed }).payload;
      assert.ok(approaching.volume >= approaching.limit * 0.9 && approaching.volume < approaching.limit);
      const exceeded = sampleEnvelope('SendLimitExceeded', 'default', { seed }).payload;
      assert.ok(exceeded.volume >= exceeded.limit);
    }
  });

  it('refuses an unknown variant name, listing the ones there are', () => {
    assert.equal(findVariant('MessageHeld', 'nope'), undefined);
    assert.throws(() => sampleEnvelope('MessageHeld', 'nope'), {
      name: 'RangeError',
      message: 'MessageHeld has no sample variant "nope" (it has: default, send-limit, suppressed)',
    });
  });
});
