import * as assert from 'node:assert/strict';
import { type EnvelopeIssue, validateEnvelope, validatePayload } from '../../../src/core/events';
import { ALL_FIXTURES, type Json, POSTAL_DOCS, POSTAL_SAMPLES } from './eventFixtures';

/** A deep copy of the MessageSent sample, to break in one place per test. */
function messageSent(): Json {
  const fixture = POSTAL_SAMPLES.find((entry) => entry.file.endsWith('/MessageSent.json'));
  assert.ok(fixture);
  return structuredClone(fixture.value);
}

function onlyIssue(value: unknown): EnvelopeIssue {
  const result = validateEnvelope(value);
  assert.equal(result.ok, false, 'expected the value to be rejected');
  if (result.ok) throw new Error('unreachable');
  assert.equal(result.issues.length, 1, JSON.stringify(result.issues, null, 2));
  return result.issues[0];
}

describe('validateEnvelope', () => {
  for (const fixture of ALL_FIXTURES) {
    it(`accepts ${fixture.file} and hands back the same object`, () => {
      const result = validateEnvelope(fixture.value);
      assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.issues, null, 2));
      assert.equal(result.envelope, fixture.value);
    });
  }

  it('accepts the docs examples although their 9-character token matches no Postal version', () => {
    assert.equal(POSTAL_DOCS.length, 2);
    for (const fixture of POSTAL_DOCS) assert.equal(validateEnvelope(fixture.value).ok, true, fixture.file);
  });

  it('accepts unknown extra keys at every level (the linter warns about them instead)', () => {
    const value = messageSent();
    value.extra = 1;
    value.payload.extra = 'x';
    value.payload.message.extra = null;
    assert.equal(validateEnvelope(value).ok, true);
  });

  it('accepts whole-number floats the way Ruby prints them', () => {
    const text = JSON.stringify(messageSent()).replace(/"timestamp":\d+\.\d+/g, '"timestamp":1714567890.0');
    assert.match(text, /1714567890\.0/);
    assert.equal(validateEnvelope(JSON.parse(text)).ok, true);
  });

  it('names an enum violation with the allowed values and the value received', () => {
    const value = messageSent();
    value.payload.message.direction = 'outbound';
    const issue = onlyIssue(value);
    assert.deepEqual(issue.path, ['payload', 'message', 'direction']);
    assert.equal(issue.code, 'enum');
    assert.equal(issue.message, 'payload.message.direction must be "outgoing" or "incoming", got "outbound"');
    assert.equal(issue.expected, '"outgoing" or "incoming"');
    assert.equal(issue.received, '"outbound"');
  });

  it('explains a missing nullable field: Postal always sends it, and when it is null', () => {
    const value = messageSent();
    delete value.payload.sent_with_ssl;
    const issue = onlyIssue(value);
    assert.deepEqual(issue.path, ['payload', 'sent_with_ssl']);
    assert.equal(issue.code, 'missing');
    assert.equal(
      issue.message,
      'payload.sent_with_ssl is missing (Postal always sends it; it is null when there was no connection)',
    );
    assert.equal(issue.expected, 'true, false or null');
  });

  it('says which event a wrong delivery status belongs to', () => {
    const value = messageSent();
    value.payload.status = 'SoftFail';
    const issue = onlyIssue(value);
    assert.equal(issue.code, 'literal');
    assert.equal(
      issue.message,
      'payload.status must be "Sent" in a MessageSent event, got "SoftFail" (Postal sends SoftFail deliveries as MessageDelayed)',
    );
  });

  it('reports a wrong type with the expected type, and a fraction where an integer belongs', () => {
    const value = messageSent();
    value.payload.message.id = '48213';
    assert.equal(onlyIssue(value).message, 'payload.message.id must be an integer, got "48213" (a string)');
    value.payload.message.id = 48213.5;
    assert.equal(onlyIssue(value).message, 'payload.message.id must be an integer, got 48213.5 (not a whole number)');
    value.payload.message.id = 48213;
    value.payload.output = null;
    const output = onlyIssue(value);
    assert.equal(output.code, 'type');
    assert.equal(output.message, 'payload.output must be a string, got null');
  });

  it('reports malformed tokens and UUIDs as format issues', () => {
    const value = messageSent();
    value.payload.message.token = 'Qm7X-kP2v';
    const token = onlyIssue(value);
    assert.equal(token.code, 'format');
    assert.equal(token.message, 'payload.message.token must be letters and digits only, got "Qm7X-kP2v"');
    value.payload.message.token = 'Qm7XkP2vRt9LwZ3a';
    value.uuid = 'not-a-uuid';
    assert.equal(onlyIssue(value).message, 'uuid must be a UUID such as 8a3f0c6e-2d4b-4f1a-9c7e-5b6d8e0f1a2b, got "not-a-uuid"');
  });

  it('reports an unknown event once, with a suggestion, and does not judge the payload', () => {
    const value = messageSent();
    value.event = 'MessageDelivered';
    value.payload = 'anything';
    const issue = onlyIssue(value);
    assert.deepEqual(issue.path, ['event']);
    assert.equal(issue.code, 'unknown-event');
    assert.equal(issue.message, 'event "MessageDelivered" is not a Postal event (did you mean "MessageDelayed"?)');
  });

  it('reports a missing or non-string event', () => {
    const value = messageSent();
    delete value.event;
    assert.deepEqual(onlyIssue(value), {
      path: ['event'],
      code: 'missing',
      expected: 'a Postal event name',
      message: 'event is missing (Postal always sends the event name, e.g. "MessageSent")',
    });
    value.event = 7;
    const issue = onlyIssue(value);
    assert.equal(issue.code, 'type');
    assert.equal(issue.message, 'event must be a string naming a Postal event, got 7');
  });

  it('recognises a bare payload given where an envelope was expected', () => {
    const issue = onlyIssue(messageSent().payload);
    assert.deepEqual(issue.path, []);
    assert.equal(issue.code, 'bare-payload');
    assert.match(issue.message, /bare payload of a MessageSent event/);
  });

  it('rejects values that are not JSON objects without throwing', () => {
    for (const value of [null, undefined, 'text', 42, [], true]) {
      const issue = onlyIssue(value);
      assert.equal(issue.code, 'not-object');
      assert.deepEqual(issue.path, []);
      assert.match(issue.message, /must be a JSON object with event, timestamp, payload and uuid/);
    }
  });

  it('reports every broken field at once, in Postal key order', () => {
    const value = messageSent();
    delete value.timestamp;
    value.payload.message.spam_status = 'Ham';
    value.payload.time = '0.42';
    const result = validateEnvelope(value);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(
      result.issues.map((issue) => [issue.path.join('.'), issue.code]),
      [
        ['timestamp', 'missing'],
        ['payload.message.spam_status', 'enum'],
        ['payload.time', 'type'],
      ],
    );
  });
});

describe('validatePayload', () => {
  it('validates a bare payload against the named event, with paths from the payload', () => {
    const payload = messageSent().payload;
    const ok = validatePayload('MessageSent', payload);
    assert.ok(ok.ok);
    assert.equal(ok.payload, payload);
    payload.message.direction = 'sideways';
    const result = validatePayload('MessageSent', payload);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(result.issues.map((issue) => issue.message), ['message.direction must be "outgoing" or "incoming", got "sideways"']);
    assert.deepEqual(result.issues[0].path, ['message', 'direction']);
  });

  it('judges the payload by the event it is given', () => {
    const payload = messageSent().payload;
    const result = validatePayload('MessageHeld', payload);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.issues[0].message, 'status must be "Held" in a MessageHeld event, got "Sent" (Postal sends Sent deliveries as MessageSent)');
  });

  it('names the payload itself when it is not an object', () => {
    const result = validatePayload('SendLimitExceeded', [1, 2]);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(result.issues, [
      { path: [], code: 'type', expected: 'an object', received: 'an array', message: 'the payload must be an object, got an array' },
    ]);
  });
});
