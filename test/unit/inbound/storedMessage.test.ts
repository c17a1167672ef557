import * as assert from 'node:assert/strict';
import { receivedSize, rfc2822Utc, smtpData, storedMessage, withReceivedHeader } from '../../../src/core/inbound/storedMessage';
import { sampleStoredMessage } from './inboundFixtures';

describe('messages as Postal stores them', () => {
  it('ends every line in CRLF, as the SMTP server writes them, adding one to a last line without', () => {
    assert.equal(smtpData(Buffer.from('A: 1\nB: 2\n\nbody\nlast')).toString(), 'A: 1\r\nB: 2\r\n\r\nbody\r\nlast\r\n');
    assert.equal(smtpData(Buffer.from('A: 1\r\n\r\nbody\r\n')).toString(), 'A: 1\r\n\r\nbody\r\n');
  });

  it("prepends Postal's Received header, dated as Ruby's Time#rfc2822 writes UTC", () => {
    assert.equal(rfc2822Utc(1714468502.48), 'Tue, 30 Apr 2024 09:15:02 -0000');
    const received = withReceivedHeader(Buffer.from('Subject: x\r\n\r\nbody\r\n'), { helo: 'mail.example.net', reverseDns: 'mail.example.net', ip: '192.0.2.10', host: 'mx.postal.example.com', time: 1714468502 });
    assert.equal(received.toString(), 'Received: from mail.example.net (mail.example.net [192.0.2.10]) by mx.postal.example.com with SMTP; Tue, 30 Apr 2024 09:15:02 -0000\r\nSubject: x\r\n\r\nbody\r\n');
  });

  it('stores the reference e-mail exactly as Postal did: spam headers first, size without them', () => {
    const stored = sampleStoredMessage();
    const received = stored.subarray(stored.indexOf('Received:'));
    assert.deepEqual(storedMessage(received), stored);
    assert.equal(receivedSize(stored), 1282);
    assert.equal(receivedSize(received), received.length);
  });
});
