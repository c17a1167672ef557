import * as assert from 'node:assert/strict';
import { targetUrlProblem, urlForLog } from '../../../src/core/replay/targetUrl';

describe('send targets', () => {
  it('accepts http and https URLs and explains what is wrong with others', () => {
    assert.equal(targetUrlProblem('http://localhost:3000/webhooks/postal'), undefined);
    assert.match(targetUrlProblem('localhost:3000') ?? '', /not localhost|http or https/);
    assert.match(targetUrlProblem('ftp://example.com') ?? '', /http or https, not ftp/);
    assert.match(targetUrlProblem('http://example.com/#x') ?? '', /does not accept a #/);
    assert.match(targetUrlProblem('') ?? '', /Enter a URL/);
  });

  it('hides a password in a URL before it is logged', () => {
    assert.equal(urlForLog('https://hook:s3cret@example.com/postal'), 'https://hook:***@example.com/postal');
    assert.equal(urlForLog('http://localhost:3000/x'), 'http://localhost:3000/x');
  });
});
