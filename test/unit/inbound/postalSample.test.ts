import * as assert from 'node:assert/strict';
import { composeFromEml } from '../../../src/core/inbound/composeFromEml';
import { encodeInbound } from '../../../src/core/inbound/encodeInbound';
import { parsePublicKey } from '../../../src/core/signature';
import { rawExchange, startListener } from '../helpers/listenerHarness';
import { SAMPLE_HOST, SAMPLE_ROW, sampleRequest, samplePublicKeyPem, sampleStoredMessage } from './inboundFixtures';

/** The two checks the reference request must pass: received as Postal sent it, and composed as Postal made it. */
describe("Postal's own inbound request", function () {
  this.timeout(20_000);

  it('is recorded as inbound e-mail when its exact bytes reach the listener: SHA-256 signature valid, schema valid, its subject, sender and attachment shown', async () => {
    const key = parsePublicKey(samplePublicKeyPem());
    assert.ok(key.ok);
    // The request names the port Postal sent it to (Host: 127.0.0.1:35741); a listener reached
    // through another port (a forwarded or mapped one) lets that name in.
    const harness = await startListener({ publicKey: key.keySet, allowedHosts: [SAMPLE_HOST] });
    try {
      const { bytes } = sampleRequest();
      const answer = await rawExchange(harness.port, bytes);
      assert.match(answer, /^HTTP\/1\.1 200 OK\r\n/);
      const record = harness.latest();
      assert.equal(record.kind, 'inbound');
      assert.equal(record.path, '/postal/inbound?source=postal');
      assert.deepEqual([record.signature.status, record.signature.algorithm, record.signature.kid?.matches], ['valid', 'sha256', true]);
      assert.deepEqual(record.schema, { valid: true, issues: [] });
      assert.deepEqual(record.body.data, sampleRequest().body.toString('utf8'), 'the body is kept byte for byte');
      assert.deepEqual(record.inbound, {
        format: 'hash',
        encoding: 'json',
        id: 4711,
        token: 'q3VwXy7RtN2bKd8L',
        subject: 'Re: Your order #1234',
        from: 'John Doe <john@example.net>',
        to: 'Support <support@example.com>',
        rcptTo: 'support@example.com',
        mailFrom: 'john@example.net',
        attachments: 1,
        attachmentQuantity: 1,
        spamStatus: 'NotSpam',
        bounce: false,
        messageId: 'CAF1234abcd@mail.example.net',
      });
    } finally {
      await harness.close();
    }
  });

  it('is composed byte for byte from the stored e-mail with the options Postal had', async () => {
    const { payload } = await composeFromEml(sampleStoredMessage(), { format: 'hash', encoding: 'json', asStored: true, ...SAMPLE_ROW });
    const { body, contentType } = encodeInbound(payload, 'json');
    assert.equal(contentType, 'application/json');
    assert.equal(body.toString('latin1'), sampleRequest().body.toString('latin1'));
  });

  it('gets the size Postal recorded from the stored e-mail itself: its bytes without the spam-check headers', async () => {
    const { row } = await composeFromEml(sampleStoredMessage(), { format: 'raw', encoding: 'json', asStored: true });
    assert.equal(row.size, 1282);
    assert.equal(sampleStoredMessage().length, 1376);
  });
});
