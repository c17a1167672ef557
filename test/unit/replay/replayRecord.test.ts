import * as assert from 'node:assert/strict';
import { buildPostalRequest } from '../../../src/core/replay/postalRequest';
import { requestFromRecord } from '../../../src/core/replay/recordRequest';
import { sendPostalRequest } from '../../../src/core/replay/sendPostalRequest';
import { generateSigningKey } from '../../../src/core/signature';
import { appendixA } from '../helpers/fixtures';
import { type Harness, startListener } from '../helpers/listenerHarness';
import { makeRecord } from '../helpers/records';

const deps = { now: () => performance.now() };
const POSTAL_HEADERS = ['content-type', 'user-agent', 'x-postal-signature-kid', 'x-postal-signature', 'x-postal-signature-256'];

describe('replaying a captured request', function () {
  this.timeout(20_000);
  const listeners: Harness[] = [];

  afterEach(async () => {
    await Promise.all(listeners.splice(0).map((listener) => listener.close()));
  });

  it('delivers the same body bytes and Postal headers as the original, as a second listener sees them', async () => {
    const key = await generateSigningKey();
    const first = await startListener();
    const second = await startListener();
    listeners.push(first, second);
    await sendPostalRequest(buildPostalRequest({ url: first.url, body: appendixA().body, privateKey: key.privateKey }), deps);
    const original = await first.announcement(1);

    const replay = requestFromRecord(original, second.url);
    assert.ok(replay.ok);
    await sendPostalRequest(replay.request, deps);
    const replayed = await second.announcement(1);

    assert.equal(replayed.body.data, original.body.data);
    assert.equal(replayed.body.size, original.body.size);
    for (const name of POSTAL_HEADERS) assert.equal(replayed.headers.map[name], original.headers.map[name], name);
    const casing = (record: typeof original): string[] => record.headers.raw.map(([name]) => name).filter((name) => name.toLowerCase().startsWith('x-postal'));
    assert.deepEqual(casing(replayed), casing(original));
  });

  it('refuses a request whose body was only partly kept', () => {
    const record = makeRecord({ body: { encoding: 'utf8', data: '{"event":', size: 5_000_000, truncated: true } });
    const result = requestFromRecord(record, 'http://127.0.0.1:1/');
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.problem, /cannot be sent again/);
  });
});
