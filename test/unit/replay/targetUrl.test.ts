import * as assert from 'node:assert/strict';
import { isLoopbackUrl, targetUrlProblem, urlForLog } from '../../../src/core/replay/targetUrl';

describe('send targets', () => {
  it('accepts http and https URLs and explains what is wrong with others', () => {
    assert.equal(targetUrlProblem('http://localhost:3000/webhooks/postal'), undefined);
    assert.match(targetUrlProblem('localhost:3000') ?? '', /not localhost|http or https/);
    assert.match(targetUrlProblem('ftp://example.com') ?? '', /http or https, not ftp/);
    assert.match(targetUrlProblem('http://example.com/#x') ?? '', /does not accept a #/);
    assert.match(targetUrlProblem('') ?? '', /Enter a URL/);
  });

  it('tells this machine from other hosts, for untrusted workspaces', () => {
    for (const url of ['http://localhost:3000/', 'http://127.0.0.1/', 'http://127.1.2.3:8/', 'http://[::1]:8789/', 'http://app.localhost/']) assert.equal(isLoopbackUrl(url), true, url);
    for (const url of ['http://example.com/', 'http://10.0.0.1/', 'http://127.0.0.1.example.com/', 'not a url']) assert.equal(isLoopbackUrl(url), false, url);
  });

  it('hides a password in a URL before it is logged', () => {
    assert.equal(urlForLog('https://hook:s3cret@example.com/postal'), 'https://hook:***@example.com/postal');
    assert.equal(urlForLog('http://localhost:3000/x'), 'http://localhost:3000/x');
  });
});
