import * as assert from 'node:assert/strict';
import { EVENT_NAMES, sampleEnvelope } from '../../../src/core/events';
import { type WebhookRecord } from '../../../src/core/store';
import { type Harness, postLikePostal, startListener } from '../helpers/listenerHarness';

describe('listener: bodies checked against the event model', () => {
  let harness: Harness;
  before(async () => {
    harness = await startListener();
  });
  after(() => harness.close());
  const latest = (): WebhookRecord => harness.latest();

  it('records a sample of every Postal event as a valid envelope, with its event and uuid', async () => {
    for (const event of EVENT_NAMES) {
      const envelope = sampleEnvelope(event, 'default', { seed: 7 });
      const response = await postLikePostal(harness.url, JSON.stringify(envelope));
      assert.equal(response.status, 200);
      const record = latest();
      assert.deepEqual([record.kind, record.event, record.uuid], ['postal', event, envelope.uuid]);
      assert.deepEqual(record.schema, { valid: true, issues: [] }, event);
      assert.match(((await response.json()) as { schema: string }).schema, /^valid$/);
    }
  });

  it('keeps the issues of an envelope that breaks the schema, with their paths', async () => {
    const envelope = sampleEnvelope('MessageSent', 'default', { seed: 8 });
    const broken = { ...envelope, payload: { ...envelope.payload, status: 'HardFail' } };
    const response = await postLikePostal(harness.url, JSON.stringify(broken));
    assert.equal(response.status, 200, 'a schema problem does not change the answer');
    const record = latest();
    assert.equal(record.kind, 'postal');
    assert.equal(record.schema?.valid, false);
    assert.deepEqual(record.schema?.issues.map((issue) => issue.path), [['payload', 'status']]);
    assert.equal(((await response.json()) as { schema: string }).schema, '1 issue(s)');
  });

  it('explains a bare payload sent without the envelope', async () => {
    await postLikePostal(harness.url, JSON.stringify(sampleEnvelope('MessageLoaded').payload));
    const record = latest();
    assert.equal(record.kind, 'not-postal');
    assert.equal(record.schema?.issues[0]?.code, 'bare-payload');
  });
});
