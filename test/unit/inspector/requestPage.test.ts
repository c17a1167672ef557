import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { inboundHashSample } from '../../../src/core/inbound/inboundSamples';
import { inboundRecord } from '../helpers/inboundRecords';
import { INSPECTOR_ACTION, missingRequestPage, requestPage } from '../../../src/core/inspector/requestPage';
import { type WebhookRecord } from '../../../src/core/store';
import { brokenRecord, postalRecord, sample } from '../explorer/explorerRecords';
import { assertOnlyOurMarkup } from '../helpers/markup';
import { makeRecord } from '../helpers/records';

/** The text a page shows: tags dropped, entities decoded, whitespace folded. */
function shown(markup: string): string {
  return markup
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

function actionsOf(markup: string): string[] {
  return [...markup.matchAll(/data-action="([^"]+)"/g)].map((match) => match[1]);
}

const FORWARDED: Partial<WebhookRecord> = {
  forward: {
    outcome: 'response',
    url: 'http://localhost:3000/hooks',
    startedAt: Date.UTC(2026, 4, 1),
    durationMs: 12,
    status: 500,
    statusText: 'Internal Server Error',
    headers: { 'content-type': 'text/plain' },
    body: { encoding: 'utf8', data: 'boom', size: 4, truncated: false },
  },
};

describe('the request inspector page', () => {
  it('leads with the checks, our answer and the app\'s, then the headers in order and the body pretty and raw', () => {
    const envelope = sample('MessageSent');
    const record = postalRecord(envelope, {
      headers: { raw: [['Content-Type', 'application/json'], ['X-Postal-Signature-KID', 'abc']], map: {} },
      response: { status: 503, delayMs: 0, body: '{"received":true}', reason: 'fixed' },
      ...FORWARDED,
    });
    const markup = requestPage(record).value;
    const text = shown(markup);
    const order = ['Checks', 'Our answer', 'Your app', 'Request headers', 'Body'].map((title) => markup.indexOf(`<h2>${title}`));
    assert.ok(order.every((at, index) => at > 0 && (index === 0 || at > order[index - 1])), `sections at ${order.join(', ')}`);
    assert.match(text, /Signature Valid RSA-SHA256 over the raw body, key fb224b070000…/);
    assert.match(text, /Body Valid event Matches what Postal sends for MessageSent\./);
    assert.match(text, /Delivery First/);
    assert.match(text, /Our answer 503 Postal retries in 2 min\./);
    assert.match(text, /Your app 500 Internal Server Error http:\/\/localhost:3000\/hooks answered in 12 ms\./);
    assert.ok(markup.indexOf('Content-Type') < markup.indexOf('X-Postal-Signature-KID'), 'headers keep their order');
    assert.match(markup, /<tr class="marked" title="Postal's signature"><th scope="row">X-Postal-Signature-KID<\/th>/);
    assert.ok(text.includes(`${record.body.size} bytes, exactly as received; the signature covers these bytes`));
    assert.match(markup, /data-panel="pretty"/);
    assert.ok(shown(markup.slice(markup.indexOf('data-panel="raw"'))).includes(JSON.stringify(envelope).replace(/\s+/g, ' ')), 'the raw tab holds the body as it came');
    assert.deepEqual(actionsOf(markup), Object.values(INSPECTOR_ACTION).filter((action) => action !== INSPECTOR_ACTION.showMail));
  });

  it('offers an inbound e-mail\'s mail first, and names its answer as Postal does', async () => {
    const record = await inboundRecord(inboundHashSample(), 'hash', 'form', { response: { status: 404, delayMs: 0, body: '', reason: 'fixed' } });
    const markup = requestPage(record).value;
    assert.deepEqual(actionsOf(markup), [INSPECTOR_ACTION.showMail, ...Object.values(INSPECTOR_ACTION).filter((action) => action !== INSPECTOR_ACTION.showMail && action !== INSPECTOR_ACTION.openBody)]);
    const text = shown(markup);
    assert.match(text, /Inbound mail: Re: Your order #1234/);
    assert.match(text, /Body Inbound e-mail Hash format, form data, as Postal posts it to an HTTP endpoint\./);
    assert.match(text, /Our answer 404 Postal marks the delivery HardFail\. Postal gives up and bounces the mail to its sender\./);
  });

  it('does not say an unsigned body was signed', () => {
    const markup = requestPage(postalRecord(sample('MessageHeld'), { signature: { status: 'missing', reason: 'No X-Postal-Signature-256 or X-Postal-Signature header.' } })).value;
    const text = shown(markup);
    assert.match(text, /Signature Unsigned No X-Postal-Signature-256/);
    assert.match(text, /bytes, exactly as received /);
    assert.doesNotMatch(text, /signature covers|and signed/);
  });

  it('names a retry by its attempt, and a body that is not JSON by its parse error, without a pretty tab or JSON actions', () => {
    const repeat = shown(requestPage(postalRecord(sample('MessageSent'), { duplicate: true, attempt: 3 })).value);
    assert.match(repeat, /Delivery Repeat, attempt 3 2 earlier requests had uuid/);
    const broken = brokenRecord();
    const markup = requestPage(broken).value;
    assert.match(shown(markup), /Body Not JSON Unexpected end of JSON input/);
    assert.doesNotMatch(markup, /data-panel="pretty"/);
    assert.deepEqual(actionsOf(markup), [INSPECTOR_ACTION.replay, INSPECTOR_ACTION.replayWithEdits, INSPECTOR_ACTION.copyCurl]);
  });

  it('offers no replay of a request whose body was not kept whole', () => {
    const body = '{"event":"MessageSent"';
    const cut = makeRecord({ body: { encoding: 'utf8', data: body, size: 5_000_000, truncated: true }, kind: 'too-large', parse: { status: 'not-read' }, response: { status: 413, delayMs: 0, body: '', reason: 'too-large' } });
    const markup = requestPage(cut).value;
    assert.deepEqual(actionsOf(markup), []);
    assert.match(shown(markup), /Only the first 22 of 5,000,000 bytes were kept\./);
    assert.match(shown(markup), /Our answer 413 Refused \(too-large\)\./);
  });

  it('says why a request cannot be shown', () => {
    assert.equal(shown(missingRequestPage('This request is <gone>.').value).trim(), 'This request is <gone>.');
  });

  it('keeps every byte of a hostile request in its place: no markup, attribute or script gets out', () => {
    const hostile = fc.string({ unit: 'binary', maxLength: 80 });
    fc.assert(
      fc.property(hostile, hostile, hostile, hostile, (name, value, body, path) => {
        const record = makeRecord({
          path,
          headers: { raw: [[name, value], ['Content-Type', value]], map: {} },
          body: { encoding: 'utf8', data: body, size: Buffer.byteLength(body), truncated: false },
          parse: { status: 'invalid-json', message: value },
          kind: 'invalid-json',
          signature: { status: 'invalid', algorithm: 'sha256', reason: body },
          response: { status: 200, delayMs: 0, body, reason: 'fixed' },
          forward: { outcome: 'failed', url: path, startedAt: 0, durationMs: 1, error: { code: 'other', message: name } },
        });
        assertOnlyOurMarkup(requestPage(record).value);
      }),
      { numRuns: 300 },
    );
  });

  it('shows a crafted body with markup, quotes and terminal escapes as text, the escapes marked', () => {
    const body = '{"subject":"<script>alert(1)</script> \\"q\\" \'s\'","status":"x\u001b[31m\u202e"}';
    const markup = requestPage(makeRecord({ body: { encoding: 'utf8', data: body, size: body.length, truncated: false }, parse: { status: 'invalid-json', message: 'Bad control character' }, kind: 'invalid-json' })).value;
    assertOnlyOurMarkup(markup);
    assert.ok(markup.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.match(markup, /<span class="hidden-char" title="U\+001B">&lt;ESC&gt;<\/span>\[31m<span class="hidden-char" title="U\+202E">/);
  });
});
