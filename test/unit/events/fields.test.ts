import * as assert from 'node:assert/strict';
import {
  ENVELOPE_KEYS,
  type EventName,
  fieldInfoAt,
  knownKeysAt,
  messageKeys,
  payloadKeys,
  serverKeys,
  tokenVersion,
} from '../../../src/core/events';
import { type Json, POSTAL_SAMPLES } from './eventFixtures';

/** Every path in a JSON value, objects included. */
function* paths(value: unknown, prefix: string[] = []): Generator<string[]> {
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    yield [...prefix, key];
    yield* paths(child, [...prefix, key]);
  }
}

describe('known keys and field docs', () => {
  it('knows exactly the keys of each reference sample, in Postal order, at every level', () => {
    for (const fixture of POSTAL_SAMPLES) {
      const event = fixture.value.event as EventName;
      assert.deepEqual(knownKeysAt(event, []), Object.keys(fixture.value), fixture.file);
      for (const path of paths(fixture.value)) {
        const value = path.reduce<Json>((node, key) => node[key] as Json, fixture.value);
        const expected = value !== null && typeof value === 'object' ? Object.keys(value) : undefined;
        assert.deepEqual(knownKeysAt(event, path), expected, `${fixture.file} ${path.join('.')}`);
      }
    }
  });

  it('exports the key lists the linter and samples share', () => {
    assert.deepEqual(ENVELOPE_KEYS, ['event', 'timestamp', 'payload', 'uuid']);
    assert.deepEqual(knownKeysAt('MessageSent', []), ENVELOPE_KEYS, 'the envelope schema has the keys ENVELOPE_KEYS lists');
    assert.deepEqual(messageKeys(), ['id', 'token', 'direction', 'message_id', 'to', 'from', 'subject', 'timestamp', 'spam_status', 'tag']);
    assert.deepEqual(serverKeys(), ['uuid', 'name', 'permalink', 'organization']);
    assert.deepEqual(payloadKeys().MessageLoaded, ['message', 'ip_address', 'user_agent']);
  });

  it('knows no keys below leaves or under unknown names', () => {
    assert.equal(knownKeysAt('MessageSent', ['payload', 'status']), undefined);
    assert.equal(knownKeysAt('MessageSent', ['payload', 'nope']), undefined);
    assert.equal(knownKeysAt('MessageSent', ['payload', 'message', 0]), undefined);
    assert.equal(knownKeysAt('SendLimitExceeded', ['payload', 'message']), undefined);
    assert.equal(knownKeysAt('MessageSent', ['toString']), undefined);
  });

  it('documents every field of every event with a description and its type', () => {
    let documented = 0;
    for (const fixture of POSTAL_SAMPLES) {
      const event = fixture.value.event as EventName;
      for (const path of paths(fixture.value)) {
        const info = fieldInfoAt(event, path);
        assert.ok(info, `${fixture.file}: ${path.join('.')} has no documentation`);
        assert.ok(info.description.length > 10, path.join('.'));
        assert.ok(info.markdownDescription.includes(`\`${info.type}\``), path.join('.'));
        documented++;
      }
    }
    assert.ok(documented > 200, `only ${documented} fields checked`);
  });

  it('uses the reference wording for the envelope timestamp and types nullable fields', () => {
    assert.equal(
      fieldInfoAt('MessageSent', ['timestamp'])?.description,
      "When the event was triggered (the queued webhook request's created_at), Unix seconds with microseconds; the same on every retry, so it is not the time of this attempt.",
    );
    assert.equal(fieldInfoAt('MessageSent', ['payload', 'sent_with_ssl'])?.type, 'boolean | null');
    assert.equal(fieldInfoAt('MessageSent', ['payload', 'output'])?.type, 'string');
    assert.equal(fieldInfoAt('MessageSent', ['payload', 'message', 'direction'])?.type, '"outgoing" | "incoming"');
    assert.equal(fieldInfoAt('DomainDNSError', ['payload', 'server', 'organization'])?.type, 'string | null');
  });
});

describe('tokenVersion', () => {
  it('tells v2 and v3 message and link tokens by their length', () => {
    assert.equal(tokenVersion('message', 'Qm7XkP2vRt9LwZ3a'), 'v3');
    assert.equal(tokenVersion('message', 'Qm7XkP2vRt9L'), 'v2');
    assert.equal(tokenVersion('link', 'hT4vN8bQ2xLm6ZpR'), 'v3');
    assert.equal(tokenVersion('link', 'VJzsFA0S'), 'v2');
  });

  it('gives no version for lengths Postal never makes or characters it never uses', () => {
    assert.equal(tokenVersion('message', 'abcdef123'), undefined);
    assert.equal(tokenVersion('link', 'Qm7XkP2vRt9L'), undefined);
    assert.equal(tokenVersion('message', 'Qm7XkP2vRt9LwZ3-'), undefined);
    assert.equal(tokenVersion('message', ''), undefined);
  });
});
