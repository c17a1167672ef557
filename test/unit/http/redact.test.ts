import * as assert from 'node:assert/strict';
import { isSecretHeader, maskSecret, maskSecretHeaders, redactPath, redactUrl } from '../../../src/core/http';

describe('secrets masked in URLs and headers', () => {
  it('masks a URL\'s password (or a lone user name, often a token) and secret parameters, and nothing else', () => {
    assert.equal(redactUrl('https://hook:s3cret@example.com/postal'), 'https://hook:***@example.com/postal');
    assert.equal(redactUrl('https://ghp_abc123@example.com/x'), 'https://***@example.com/x');
    assert.equal(redactUrl('http://example.com/hook?env=dev&token=abc&apiKey=k1&x_sig=s&page=2'), 'http://example.com/hook?env=dev&token=***&apiKey=***&x_sig=***&page=2');
    assert.equal(redactUrl('http://example.com/a@b?q=1#token=x'), 'http://example.com/a@b?q=1#token=x');
    assert.equal(redactUrl('http://localhost:3000/webhooks/postal'), 'http://localhost:3000/webhooks/postal');
    assert.equal(redactUrl('not a url at all'), 'not a url at all');
    assert.equal(redactPath('/hooks?access_token=abc%20def&session=1'), '/hooks?access_token=***&session=***');
    assert.equal(redactPath('/hooks/token=abc'), '/hooks/token=abc', 'only the query has parameters');
  });

  it('stores a credential header as a short prefix and its length, other headers as they came', () => {
    assert.equal(maskSecret('Bearer tok_live_51HqLyjWDarjtT1zdp7dc'), 'Bearer tok_…[masked, 37 chars]');
    assert.equal(maskSecret('Basic aG9vazpzM2NyZXQ='), 'Basic aG9v…[masked, 22 chars]');
    assert.equal(maskSecret('abc'), '…[masked, 3 chars]');
    for (const name of ['Authorization', 'proxy-authorization', 'Cookie', 'Set-Cookie', 'X-Api-Key', 'X-Auth-Token', 'X-Webhook-Secret', 'Api_Key', 'X-Session-Id']) assert.ok(isSecretHeader(name), name);
    for (const name of ['X-Postal-Signature', 'X-Postal-Signature-256', 'X-Postal-Signature-KID', 'Content-Type', 'User-Agent', 'Host', 'Author']) assert.ok(!isSecretHeader(name), name);
    assert.deepEqual(maskSecretHeaders([['User-Agent', 'Postal/3.3.6'], ['Cookie', 'a=bcdefgh']]), [['User-Agent', 'Postal/3.3.6'], ['Cookie', 'a=…[masked, 9 chars]']]);
  });
});
