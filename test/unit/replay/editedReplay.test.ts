import * as assert from 'node:assert/strict';
import { type EditableRequest, editableText, parseEditableText } from '../../../src/core/replay/editableRequest';
import { describeSignaturePlan, planReplay, planRequest, type ReplayPlan } from '../../../src/core/replay/editedReplay';
import { encodeJsonText } from '../../../src/core/replay/jsonText';
import { numberKindsFor } from '../../../src/core/replay/numberKinds';
import { buildPostalRequest } from '../../../src/core/replay/postalRequest';
import { generateSigningKey, parsePublicKey, type SigningKeyPair, toPublicPem, verifySignature } from '../../../src/core/signature';

const UUID = '8a3f0c6e-2d4b-4f1a-9c7e-5b6d8e0f1a2b';
const NEW_UUID = '4b1e09aa-1111-4222-8333-944445555666';
const CAPTURED = `{"event":"MessageSent","timestamp":1714567891.0,"payload":{"message":{"to":"alice@example.net","subject":"\\u003cb\\u003e"}},"uuid":"${UUID}"}`;

/** The copy a user is given of a request Postal signed with `postal`. */
function opened(postal: SigningKeyPair): { initial: EditableRequest; capturedBody: Buffer } {
  const capturedBody = Buffer.from(CAPTURED);
  const request = buildPostalRequest({ url: 'http://127.0.0.1:8789/', body: capturedBody, privateKey: postal.privateKey });
  const pretty = encodeJsonText(CAPTURED, numberKindsFor, 2);
  assert.ok(pretty.ok);
  return { capturedBody, initial: { method: 'POST', url: 'http://127.0.0.1:8789/', headers: request.headers, body: pretty.json } };
}

function plan(postal: SigningKeyPair, edited: (initial: EditableRequest) => EditableRequest, keepUuid = false): ReplayPlan {
  const { initial, capturedBody } = opened(postal);
  const result = planReplay({ capturedBody, initial, edited: edited(structuredClone(initial)), keepUuid, newUuid: () => NEW_UUID });
  assert.ok(!('problem' in result), 'problem' in result ? result.problem : '');
  return result;
}

function verifiedWith(key: SigningKeyPair, request: { headers: [string, string][]; body: Buffer }): string {
  const parsed = parsePublicKey(toPublicPem(key.publicKey));
  assert.ok(parsed.ok);
  return verifySignature(request.body, Object.fromEntries(request.headers.map(([name, value]) => [name.toLowerCase(), value])), parsed.keySet).status;
}

describe('editing a captured request before replaying it', () => {
  let postal: SigningKeyPair;
  let development: SigningKeyPair;
  before(async () => {
    [postal, development] = await Promise.all([generateSigningKey(), generateSigningKey()]);
  });

  it('writes the copy as a request line, headers, a blank line and the body, and reads it back', () => {
    const { initial } = opened(postal);
    const text = editableText(initial);
    assert.match(text, /^POST http:\/\/127\.0\.0\.1:8789\/\nAccept-Encoding: gzip/);
    assert.deepEqual(parseEditableText(text), { ok: true, request: initial });
    assert.deepEqual(parseEditableText(`# a note\r\n${text.replace('POST http://127.0.0.1:8789/', 'POST http://127.0.0.1:8789/hooks HTTP/1.1').replace(/\n/g, '\r\n')}`), {
      ok: true,
      request: { ...initial, url: 'http://127.0.0.1:8789/hooks' },
    });
  });

  it('says what is wrong with a copy that cannot be sent, and on which line', () => {
    assert.deepEqual(parseEditableText('GET http://x/\n\n{}'), { ok: false, problem: 'Postal sends only POST, not GET.', line: 0 });
    assert.deepEqual(parseEditableText('POST ftp://x/\n\n{}'), { ok: false, problem: 'Postal sends webhooks over http or https, not ftp.', line: 0 });
    assert.equal(parseEditableText('POST http://x/\nnot a header\n\n{}').ok, false);
    assert.equal(parseEditableText('\n# only a comment\n').ok, false);
  });

  it('sends an unedited body as captured, so Postal\'s signature still holds, with the headers and URL as edited', () => {
    const result = plan(postal, (copy) => ({ ...copy, url: 'http://127.0.0.1:3000/webhooks/postal', headers: [...copy.headers, ['X-Debug', '1']] }));
    assert.equal(result.signature, 'captured');
    assert.equal(result.uuid, undefined);
    const request = planRequest(result);
    assert.equal(request.body.toString(), CAPTURED);
    assert.equal(request.url, 'http://127.0.0.1:3000/webhooks/postal');
    assert.deepEqual(request.headers.at(-1), ['X-Debug', '1']);
    assert.equal(verifiedWith(postal, request), 'valid');
  });

  it('re-encodes an edited body as Postal would, gives it a new uuid and signs it again with the development key', () => {
    const result = plan(postal, (copy) => ({ ...copy, body: copy.body.replace('alice', 'carol') }));
    assert.equal(result.signature, 'regenerated');
    assert.deepEqual(result.uuid, { from: UUID, to: NEW_UUID });
    const request = planRequest(result, development.privateKey);
    assert.equal(request.body.toString(), CAPTURED.replace('alice', 'carol').replace(UUID, NEW_UUID));
    assert.equal(verifiedWith(development, request), 'valid');
    assert.equal(verifiedWith(postal, request), 'invalid');
    const names = request.headers.map(([name]) => name);
    assert.deepEqual(names, opened(postal).initial.headers.map(([name]) => name), 'the signature headers keep their place and case');
    assert.equal(request.headers.find(([name]) => name === 'X-Postal-Signature-Kid')?.[1], development.kid);
  });

  it('keeps the original uuid when asked, and a uuid the user wrote', () => {
    assert.equal(plan(postal, (copy) => ({ ...copy, body: copy.body.replace('alice', 'carol') }), true).uuid, undefined);
    const own = plan(postal, (copy) => ({ ...copy, body: copy.body.replace(UUID, 'my-own-uuid') }));
    assert.equal(own.uuid, undefined);
    assert.match(own.body.toString(), /"uuid":"my-own-uuid"/);
  });

  it('sends signature headers the user changed exactly as written', () => {
    const result = plan(postal, (copy) => ({ ...copy, body: copy.body.replace('alice', 'carol'), headers: copy.headers.map(([name, value]): [string, string] => [name, name === 'X-Postal-Signature-256' ? 'forged' : value]) }));
    assert.equal(result.signature, 'as-written');
    assert.equal(planRequest(result).headers.find(([name]) => name === 'X-Postal-Signature-256')?.[1], 'forged');
  });

  it('adds no signature to a request that had none, and leaves per-connection headers to the client', () => {
    const { initial, capturedBody } = opened(postal);
    const unsigned = { ...initial, headers: [...initial.headers.filter(([name]) => !name.startsWith('X-Postal')), ['Content-Length', '3'] as [string, string]] };
    const result = planReplay({ capturedBody, initial: unsigned, edited: { ...unsigned, body: unsigned.body.replace('alice', 'bob') }, keepUuid: false, newUuid: () => NEW_UUID });
    assert.ok(!('problem' in result));
    assert.equal(result.signature, 'unsigned');
    assert.ok(!result.headers.some(([name]) => name === 'Content-Length'));
  });

  it('refuses a body that stopped being JSON while edited, but sends other text as written', () => {
    const { initial, capturedBody } = opened(postal);
    const broken = planReplay({ capturedBody, initial, edited: { ...initial, body: initial.body.replace('}', '') }, keepUuid: false, newUuid: () => NEW_UUID });
    assert.ok('problem' in broken && /not valid JSON/.test(broken.problem));
    const text = { ...initial, body: 'not json' };
    const plain = planReplay({ capturedBody: Buffer.from('not json'), initial: text, edited: { ...text, body: 'still not json' }, keepUuid: false, newUuid: () => NEW_UUID });
    assert.ok(!('problem' in plain));
    assert.equal(plain.body.toString(), 'still not json');
  });

  it('says which key will sign, or why the signature stays as it is', () => {
    assert.equal(describeSignaturePlan({ signature: 'regenerated' }, development.kid), `Body edited: signed again with your development key (KID ${development.kid.slice(0, 12)}…).`);
    assert.match(describeSignaturePlan({ signature: 'captured' }), /original signature stays valid/);
    assert.match(describeSignaturePlan({ signature: 'as-written' }), /as you wrote them/);
    assert.match(describeSignaturePlan({ signature: 'unsigned' }), /no signature is added/);
  });
});
